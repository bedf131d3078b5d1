"""Account pages beyond Django's auth views: the audit trail (issue 2, item 7)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from lantoa.accounts import services
from lantoa.accounts.forms import AuditFilterForm
from lantoa.accounts.selectors import audit_list_for, can_view_audit

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
