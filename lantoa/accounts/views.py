"""Account pages beyond Django's auth views: the audit trail (issue 2, item 7)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts import services
from lantoa.accounts.forms import AuditFilterForm
from lantoa.accounts.selectors import audit_list_for, can_view_audit
from lantoa.core.net import client_ip
from lantoa.core.ratelimit import PASSWORD_RESET_PER_ADDRESS, PASSWORD_RESET_PER_CLIENT, hit

PAGE_SIZE = 50


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
def notifications_read(request: HttpRequest) -> HttpResponse:
    """Mark the user's own notifications read (nobody else's: the filter is the user)."""
    services.notifications_mark_read(user=request.user)  # type: ignore[arg-type]
    return redirect("web:home")


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
