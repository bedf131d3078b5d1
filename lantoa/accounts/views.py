"""Account pages beyond Django's auth views: the audit trail (issue 2, item 7), a person's
notifications and their settings (issue 14, item 8)."""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts import mfa, services
from lantoa.accounts.forms import AuditFilterForm, NotificationSettingsForm
from lantoa.accounts.http import AuthedRequest
from lantoa.accounts.selectors import (
    audit_list_for,
    can_view_audit,
    notification_counts_for,
    notification_get_for,
    notification_list_for,
)
from lantoa.core.net import client_ip
from lantoa.core.ratelimit import PASSWORD_RESET_PER_ADDRESS, PASSWORD_RESET_PER_CLIENT, hit

PAGE_SIZE = 50
NOTIFICATIONS_PER_PAGE = 20


def audit_list(request: HttpRequest) -> HttpResponse:
    if not can_view_audit(request.user):  # type: ignore[arg-type]
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_list_for(request.user, **filters)  # type: ignore[arg-type]
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit_list.html",
        {"form": form, "page": page, "querystring": query.urlencode()},
    )


@require_POST
def notifications_read(request: AuthedRequest) -> HttpResponse:
    """Mark the user's own notifications read (nobody else's: the filter is the user), then
    back to the page it came from (`next`, a local path) or home."""
    services.notifications_mark_read(user=request.user)
    target = request.POST.get("next", "")
    return HttpResponseRedirect(target) if _is_local_path(target) else redirect("web:home")


def notification_list(request: AuthedRequest) -> HttpResponse:
    """The user's notifications, read and unread, newest first, 20 a page; tabs "Chưa đọc" and
    "Tất cả" with their counts (issue 14, item 8)."""
    unread_only = request.GET.get("show") == "unread"
    notifications = notification_list_for(request.user, unread_only=unread_only)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "counts": notification_counts_for(request.user),
        "unread_only": unread_only,
        "querystring": "show=unread" if unread_only else "",
    }
    return render(request, "accounts/notification_list.html", context)


@require_POST
def notification_open(request: AuthedRequest, pk: int) -> HttpResponse:
    """Open one of the user's own notifications: marked read, then to its page when that is a
    path of this site; any other address (or none) goes back to the list (issue 14, item 8)."""
    notification = notification_get_for(request.user, pk)
    services.notification_mark_read(user=request.user, notification=notification)
    if _is_local_path(notification.url):
        return HttpResponseRedirect(notification.url)
    return redirect("accounts:notifications")


def notification_settings(request: AuthedRequest) -> HttpResponse:
    """The user's own e-mail choice: at once, a morning digest, or none (issue 14, item 8)."""
    form = NotificationSettingsForm(
        request.POST or None, initial={"notify_by": request.user.notify_by}
    )
    if request.method == "POST" and form.is_valid():
        services.notification_settings_save(
            user=request.user, notify_by=form.cleaned_data["notify_by"]
        )
        messages.success(request, _("Đã lưu cài đặt thông báo."))
        return redirect("accounts:notification_settings")
    return render(request, "accounts/notification_settings.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Reset links at most 3 times an hour per address and 10 per client (issue 12, item 3).
    Over the client's limit the form says so; over the address's limit nothing is sent and the
    page reads as usual, so it never tells whether an address has an account."""

    def form_valid(self, form: Any) -> HttpResponse:
        if not hit(PASSWORD_RESET_PER_CLIENT, client_ip(self.request) or "unknown"):
            form.add_error(
                None,
                _(
                    "Máy này đã gửi nhiều yêu cầu đặt lại mật khẩu trong một giờ qua. Hãy thử "
                    "lại sau, hoặc nhờ điều phối viên của phường đặt lại giúp."
                ),
            )
            return self.form_invalid(form)
        if not hit(PASSWORD_RESET_PER_ADDRESS, form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


def mfa_setup(request: AuthedRequest) -> HttpResponse:
    """Set up the authenticator app: scan the code, type the first six digits, keep the ten
    recovery codes shown once (issue 12, item 1). Replacing an app needs the old one first."""
    if mfa.has_app(request.user) and not mfa.verified(request):
        return redirect(f"{reverse('accounts:mfa_verify')}?next={request.path}")
    error = ""
    if request.method == "POST":
        codes = mfa.app_confirm(request, request.user, request.POST.get("code", ""))
        if codes is not None:
            shown = {"codes": codes, "next": _next_or_home(request)}
            return render(request, "accounts/mfa_recovery.html", shown)
        error = _("Mã chưa đúng. Mở ứng dụng, gõ 6 chữ số đang hiện (mã đổi sau mỗi 30 giây).")
    device = mfa.pending_app(request.user) or mfa.app_start(request.user)  # one secret per try
    secret = b32encode(device.bin_key).decode()
    context: dict[str, Any] = {
        "qr": segno.make(device.config_url, error="m").svg_inline(scale=4),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": mfa.mfa_required(request.user),
        "error": error,
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    return render(request, "accounts/mfa_setup.html", context)


def mfa_verify(request: AuthedRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or a recovery code."""
    error = ""
    if request.method == "POST":
        if mfa.code_check(request, request.user, request.POST.get("code", "")):
            return redirect(_next_or_home(request))
        error = _(
            "Mã không đúng hoặc đã dùng. Gõ mã 6 chữ số trong ứng dụng, hoặc một mã dự phòng."
        )
    return render(request, "accounts/mfa_verify.html", {"error": error})


def _next_or_home(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("web:home")


def _is_local_path(url: str) -> bool:
    """A path of this site ("/plans/3/"), never another site or a scheme such as javascript:."""
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)
