"""The ward report's signature pages (issue 14, item 7): the drafter puts it before the leader
(«Trình ký») or takes it back; the leader reads a preview of the document to be issued, gives
the number and date, confirms them, and issues it — or sends it back with a reason. Thin:
selector, form, service."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.accounts.http import AuthedRequest
from lantoa.core.dates import format_vn_date, local_today
from lantoa.core.lifecycle import IllegalMove
from lantoa.reporting import permissions, selectors, services
from lantoa.reporting.forms import IssueForm, SendBackForm
from lantoa.reporting.models import Report
from lantoa.reporting.preview import report_preview


def awaiting_signature(request: AuthedRequest) -> HttpResponse:
    """«Chờ ký»: the reports put before this leader (/reports/?status=awaiting_signature)."""
    reports = list(selectors.awaiting_signature_for(request.user))
    return render(request, "reporting/awaiting_signature.html", {"reports": reports})


@require_POST
def report_request_signature(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    try:
        services.report_request_signature(actor=request.user, report=report)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Đã trình ký: lãnh đạo UBND phường sẽ xem trước, cấp số và ban hành báo cáo."),
        )
    return redirect(report)


@require_POST
def report_withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    try:
        services.report_withdraw(actor=request.user, report=report)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã rút lại báo cáo để sửa; sửa xong thì trình ký lại."))
    return redirect(report)


@require_http_methods(["GET", "POST"])
def report_issue(request: AuthedRequest, pk: int) -> HttpResponse:
    """GET: the preview and the number and date; POST: the confirmation naming them; POST
    with «confirm»: the issue. A refusal comes back with what was typed."""
    report = selectors.report_get_for(request.user, pk)
    if not permissions.is_signer(request.user, report):
        raise PermissionDenied
    if not permissions.can_issue(request.user, report):
        messages.info(request, str(Report.LIFECYCLE["issue"].refusal))
        return redirect(report)
    if request.method != "POST":
        return _issue_page(request, report, IssueForm(initial=_suggested(request, report)))
    form = IssueForm(request.POST)
    if form.is_valid():
        try:
            number = services.issue_number_check(report=report, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if "confirm" in request.POST:
                return _issue(request, report, form)
            return _confirm_page(request, report, number, form.cleaned_data["issued_on"])
    return _issue_page(request, report, form, status=400)


def _suggested(request: AuthedRequest, report: Report) -> dict[str, Any]:
    """The next number of the year and today; what the leader typed when they come back from
    the confirmation («Quay lại»)."""
    return {
        "number": request.GET.get("number")
        or selectors.next_number(report.unit, local_today().year),
        "issued_on": request.GET.get("issued_on") or local_today(),
    }


def _issue(request: AuthedRequest, report: Report, form: IssueForm) -> HttpResponse:
    try:
        services.report_issue(actor=request.user, report=report, **form.cleaned_data)
    except IllegalMove as exc:  # issued or taken back from another tab meanwhile
        messages.error(request, " ".join(exc.messages))
        return redirect(report)
    except ValidationError as exc:
        form.add_error(None, exc)
        return _issue_page(request, report, form, status=400)
    messages.success(
        request,
        _("Đã ban hành báo cáo số %(number)s ngày %(date)s và gửi %(to)s.")
        % {
            "number": form.cleaned_data["number"].strip(),
            "date": format_vn_date(form.cleaned_data["issued_on"]),
            "to": report.recipient.name,
        },
    )
    return redirect(report)


@require_POST
def report_send_back(request: AuthedRequest, pk: int) -> HttpResponse:
    """«Trả lại để sửa»: the report is a draft again, with the leader's reason on it."""
    report = selectors.report_get_for(request.user, pk)
    form = SendBackForm(request.POST)
    form.is_valid()
    try:
        services.report_send_back(
            actor=request.user, report=report, reason=form.cleaned_data.get("reason", "")
        )
    except IllegalMove as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(report)
    except ValidationError as exc:
        form.add_error(None, exc)
        issue_form = IssueForm(initial=_suggested(request, report))
        return _issue_page(request, report, issue_form, send_back_form=form, status=400)
    messages.success(request, _("Đã trả lại báo cáo để sửa."))
    return redirect(report)


def _issue_page(
    request: AuthedRequest,
    report: Report,
    form: IssueForm,
    *,
    send_back_form: SendBackForm | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "report": report,
        "form": form,
        "send_back_form": send_back_form or SendBackForm(),
        "preview": report_preview(report, selectors.latest_snapshot(report)),
    }
    return render(request, "reporting/report_issue.html", context, status=status)


def _confirm_page(
    request: AuthedRequest, report: Report, number: str, issued_on: dt.date
) -> HttpResponse:
    """The question that names what will be issued, above the document as it will read."""
    typed = {"number": number, "issued_on": format_vn_date(issued_on)}
    back = f"{reverse('reporting:issue', args=[report.pk])}?{urlencode(typed)}"
    preview = report_preview(
        report, selectors.latest_snapshot(report), number=number, issued_on=issued_on
    )
    return render(
        request,
        "reporting/report_issue_confirm.html",
        {"report": report, **typed, "back": back, "preview": preview},
    )
