"""Report pages: what a unit owes, the report with its numbers and narrative, submission,
return and acceptance, downloads, completeness (issue 5); the ward report's signature has its
own pages (`signing_views`). Thin: selector, form, service."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lantoa.accounts.http import AuthedRequest
from lantoa.accounts.models import Role
from lantoa.core.concurrency import StaleEdit, form_after_stale
from lantoa.core.dates import local_today
from lantoa.core.files import private_file
from lantoa.core.pdf import PdfUnavailable
from lantoa.dispatch.selectors import dispatches_of
from lantoa.dispatch.services import subject_opened
from lantoa.org.models import Unit
from lantoa.org.selectors import unit_get_for, ward_root_of
from lantoa.plans.models import TaskOccurrence
from lantoa.reporting import content, documents, permissions, selectors, services, signing_views
from lantoa.reporting import evaluation as evaluation_module
from lantoa.reporting.forms import (
    CriterionForm,
    DecisionForm,
    NarrativeForm,
    ReviewForm,
    RuleForm,
    SignerForm,
    YearForm,
)
from lantoa.reporting.models import Report, ReportingRule
from lantoa.reporting.periods import Frequency, ReportingPeriod

WAITS_FOR_SIGNATURE = gettext_lazy(
    "Báo cáo đang chờ lãnh đạo ký nên không sửa được; muốn sửa, bấm «Rút lại để sửa» trước."
)


def _presented(report: Report, snapshot: dict[str, Any]) -> dict[str, Any]:
    """What the snapshot partial needs beyond the snapshot: the task buckets, each labelled and
    linked to its periods (the same filters the counts came from), and the narrative."""
    labels = dict(TaskOccurrence.Bucket.choices)
    periods = content.task_filters(report.unit, report.start, report.end, report.plan)
    return {
        "snapshot": snapshot,
        "task_rows": [
            (k, labels[k], n, periods.url(bucket=k) if report.plan else "")
            for k, n in snapshot["tasks"].items()
        ],
        "narrative": [
            (name, heading, snapshot["narrative"].get(name, ""))
            for name, heading in Report.narrative_headings()
        ],
    }


def _year(request: AuthedRequest) -> int:
    form = YearForm(request.GET)
    return (form.is_valid() and form.cleaned_data["year"]) or local_today().year


def report_index(request: AuthedRequest) -> HttpResponse:
    """All the user's report work; ?status=awaiting_signature: the leader's «Chờ ký» only."""
    if request.GET.get("status") == Report.Status.AWAITING_SIGNATURE:
        return signing_views.awaiting_signature(request)
    return render(request, "reporting/report_index.html", _index_context(request))


def _index_context(request: AuthedRequest, **forms_: Any) -> dict[str, Any]:
    user = request.user
    reports = selectors.report_list_for(user)
    units = permissions.author_units(user)
    context = {
        "review_form": ReviewForm(
            units=units, initial={"start": dt.date(local_today().year - 1, 12, 15)}
        )
        if units
        else None,
        "owed": selectors.owed_by(units),
        "waiting": list(selectors.waiting_for(user).select_related("unit").order_by("updated_at")),
        "to_sign": list(selectors.awaiting_signature_for(user)),
        "recent": reports.filter(first_submitted_at__isnull=False).order_by("-updated_at")[:30],
        "is_coordinator": user.has_role(Role.COORDINATOR, Role.LEADER),
        "is_province": user.has_role(Role.PROVINCE_VIEWER),
    }
    context.update(forms_)
    return context


@require_POST
def review_open(request: AuthedRequest) -> HttpResponse:
    """Open a review over the dates chosen; a form that fails comes back with what was typed."""
    form = ReviewForm(request.POST, units=permissions.author_units(request.user))
    if form.is_valid():
        try:
            report = services.review_open(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(report)
    context = _index_context(request, review_form=form)
    return render(request, "reporting/report_index.html", context, status=400)


@require_POST
def report_open(request: AuthedRequest) -> HttpResponse:
    rule = selectors.rule_get_for(request.user, request.POST.get("rule", ""))
    unit = unit_get_for(request.user, request.POST.get("unit"))
    try:
        key = ReportingPeriod.parse(request.POST.get("period", ""))
        report = services.report_open(actor=request.user, unit=unit, rule=rule, key=key)
    except (ValueError, ValidationError) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("reporting:index")
    return redirect(report)


def report_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    if report.first_submitted_at is not None and permissions.is_recipient(request.user, report):
        subject_opened(subject=report, unit=report.recipient, user=request.user)
    return render(request, "reporting/report_detail.html", _detail_context(request, report))


def _detail_context(request: AuthedRequest, report: Report, **forms_: Any) -> dict[str, Any]:
    user = request.user
    can_write = permissions.can_write(user, report)
    context = {
        "report": report,
        **_presented(report, selectors.latest_snapshot(report)),
        "live": report.live,
        "versions": list(report.versions.select_related("submitted_by", "decided_by")),
        "dispatches": dispatches_of(report),
        "can_write": can_write,
        "can_submit": can_write and not report.is_ward_report,
        "can_request_signature": permissions.can_request_signature(user, report),
        "can_withdraw": permissions.can_withdraw(user, report),
        "can_decide": permissions.can_decide(user, report),
        "can_issue": permissions.can_issue(user, report),
        "narrative_form": NarrativeForm(instance=report) if can_write else None,
        "signer_form": SignerForm(instance=report) if can_write and report.is_ward_report else None,
        "decision_form": DecisionForm(),
        "period_over": local_today() >= report.end,
    }
    context.update(forms_)
    return context


def version_detail(request: AuthedRequest, pk: int, number: int) -> HttpResponse:
    version = selectors.version_get_for(request.user, pk, number)
    return render(
        request,
        "reporting/version_detail.html",
        {
            "report": version.report,
            "version": version,
            **_presented(version.report, version.snapshot),
        },
    )


@require_POST
def report_save(request: AuthedRequest, pk: int) -> HttpResponse:
    """Save the draft (and send it, with «Gửi»; put it before the leader, with «Trình ký»). A
    form that fails comes back with what was typed and the errors, never a redirect that loses
    it (issue 10, item 4)."""
    report = selectors.report_get_for(request.user, pk)
    if not permissions.can_write(request.user, report):
        if permissions.can_withdraw(request.user, report):  # put before the leader meanwhile
            messages.error(request, str(WAITS_FOR_SIGNATURE))
            return redirect(report)
        raise PermissionDenied
    form = NarrativeForm(request.POST, instance=selectors.report_get_for(request.user, pk))
    signer = (
        SignerForm(request.POST, instance=selectors.report_get_for(request.user, pk))
        if report.is_ward_report
        else None
    )
    if form.is_valid() and (signer is None or signer.is_valid()):
        fields = {name: form.cleaned_data[name] for name in ["plan", *Report.NARRATIVE_FIELDS]}
        if signer is not None:
            fields.update(signer.cleaned_data)
        try:
            services.report_update(
                actor=request.user, report=report, version=form.cleaned_data["version"], **fields
            )
        except StaleEdit as exc:
            form_after_stale(form, exc)
        else:
            if "submit" in request.POST:
                return report_submit(request, pk)
            if "request_signature" in request.POST:
                return signing_views.report_request_signature(request, pk)
            messages.success(request, _("Đã lưu bản nháp."))
            return redirect(report)
    context = _detail_context(request, report, narrative_form=form, signer_form=signer)
    return render(request, "reporting/report_detail.html", context, status=400)


@require_POST
def report_submit(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    try:
        version = services.report_submit(actor=request.user, report=report)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Đã gửi báo cáo (lần %(n)s) đến %(to)s. Số liệu đã được chốt.")
            % {"n": version.number, "to": report.recipient.name},
        )
    return redirect(report)


@require_POST
def report_gather(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    services.ward_report_gather(actor=request.user, report=report)
    messages.success(request, _("Đã lấy lại khó khăn, đề xuất từ các báo cáo đã tiếp nhận."))
    return redirect(report)


@require_POST
def report_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for(request.user, pk)
    form = DecisionForm(request.POST)
    form.is_valid()
    accept = request.POST.get("decision") == "accept"
    try:
        services.report_decide(
            actor=request.user,
            report=report,
            accept=accept,
            comment=form.cleaned_data.get("comment", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Đã tiếp nhận báo cáo.") if accept else _("Đã trả lại báo cáo.")
        )
    return redirect(report)


def report_download(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in documents.FORMATS:
        raise Http404
    report = selectors.report_get_for(request.user, pk)
    number = request.GET.get("version")
    snapshot = (
        selectors.version_get_for(request.user, pk, number).snapshot
        if number
        else selectors.latest_snapshot(report)
    )
    try:
        data = documents.render(report, snapshot, fmt)
    except PdfUnavailable as exc:
        messages.error(request, str(exc))
        return redirect(report)
    response = HttpResponse(data, content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{documents.filename(report, fmt)}"'
    return private_file(response)


def completeness(request: AuthedRequest) -> HttpResponse:
    """The ward's grid: its units × the periods of the year (issue 5, item 3)."""
    year = _year(request)
    rules = [
        r
        for r in selectors.rules_for(request.user).filter(
            level=ReportingRule.Level.UNITS, is_active=True
        )
    ]
    grids = [(rule, selectors.completeness([rule], year, reader=request.user)) for rule in rules]
    return render(
        request,
        "reporting/completeness.html",
        {"grids": grids, "year": year, "years": [year - 1, year, year + 1]},
    )


def province(request: AuthedRequest) -> HttpResponse:
    """Sở GD&ĐT: its wards × the periods, for each frequency the wards report (item 7)."""
    departments = [a.unit for a in request.user.roles if a.role == Role.PROVINCE_VIEWER]
    if not departments:
        raise Http404
    year = _year(request)
    grids = []
    targets, reporting_wards = selectors.province_targets(departments[0], year)
    for department in departments:
        for frequency in (Frequency.QUARTERLY, Frequency.YEARLY):
            rules = selectors.province_rules(department, frequency)
            if rules:
                grids.append(
                    (
                        department,
                        frequency,
                        selectors.completeness(rules, year, reader=request.user),
                    )
                )
    return render(
        request,
        "reporting/province.html",
        {
            "grids": grids,
            "targets": targets,
            "reporting_wards": reporting_wards,
            "year": year,
            "years": [year - 1, year, year + 1],
        },
    )


def rule_list(request: AuthedRequest) -> HttpResponse:
    rules = list(selectors.rules_for(request.user))
    forms = [
        (
            rule,
            RuleForm(instance=rule, prefix=f"r{rule.pk}"),
            request.user.scope.can_write(rule.owner),
        )
        for rule in rules
    ]
    return render(request, "reporting/rule_list.html", {"forms": forms})


@require_POST
def rule_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    rule = selectors.rule_get_for(request.user, pk, write=True)
    form = RuleForm(
        request.POST, instance=ReportingRule.objects.get(pk=rule.pk), prefix=f"r{rule.pk}"
    )
    if form.is_valid():
        services.rule_update(actor=request.user, rule=rule, **form.cleaned_data)
        messages.success(request, _("Đã lưu chế độ báo cáo."))
        return redirect("reporting:rules")
    rules = list(selectors.rules_for(request.user))
    forms = [
        (
            r,
            form if r.pk == rule.pk else RuleForm(instance=r, prefix=f"r{r.pk}"),
            request.user.scope.can_write(r.owner),
        )
        for r in rules
    ]
    return render(request, "reporting/rule_list.html", {"forms": forms}, status=400)


def _ward_of_reader(request: AuthedRequest) -> Unit:
    """The ward whose evaluation the user sees: the ward of their first role's unit."""
    for assignment in request.user.roles:
        ward = ward_root_of(assignment.unit)
        if ward.is_ward_root and request.user.scope.can_read(ward):
            return ward
    raise Http404


def evaluation(request: AuthedRequest) -> HttpResponse:
    """The annual evaluation: the rubric and the ranked units with the evidence (N5.1). Reading
    it writes nothing (issue 10, item 5)."""
    return render(request, "reporting/evaluation.html", _evaluation_context(request))


def _evaluation_context(request: AuthedRequest, **forms_: Any) -> dict[str, Any]:
    ward = _ward_of_reader(request)
    year = _year(request)
    can_edit = request.user.scope.can_write(ward)
    context = {
        "ward": ward,
        "not_started": evaluation_module.evaluation_window(year)[0] > local_today(),
        "criteria": evaluation_module.criteria_for(ward, year),
        "ranked": evaluation_module.evaluate(ward, year),
        "can_edit": can_edit,
        "criterion_form": CriterionForm() if can_edit else None,
        "year": year,
        "years": [year - 1, year, year + 1],
    }
    context.update(forms_)
    return context


@require_POST
def criterion_save(request: AuthedRequest) -> HttpResponse:
    ward = _ward_of_reader(request)
    if not request.user.scope.can_write(ward):
        raise PermissionDenied
    year = _year(request)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        context = _evaluation_context(request, criterion_form=form)
        return render(request, "reporting/evaluation.html", context, status=400)
    services.criterion_save(
        actor=request.user,
        rubric=evaluation_module.rubric_ensure(ward, year),
        **form.cleaned_data,
    )
    messages.success(request, _("Đã lưu tiêu chí."))
    return redirect(f"{reverse('reporting:evaluation')}?year={year}")


@require_POST
def criterion_delete(request: AuthedRequest) -> HttpResponse:
    """Drop a criterion from the ward's rubric of the year (the page asks to confirm first)."""
    ward = _ward_of_reader(request)
    if not request.user.scope.can_write(ward):
        raise PermissionDenied
    year = _year(request)
    rubric = evaluation_module.rubric_ensure(ward, year)
    criterion = rubric.criteria.filter(measure=request.POST.get("measure", "")).first()
    if criterion is None:
        raise Http404
    services.criterion_delete(actor=request.user, criterion=criterion)
    messages.success(
        request,
        _("Đã bỏ tiêu chí «%(name)s».") % {"name": criterion.get_measure_display()},
    )
    return redirect(f"{reverse('reporting:evaluation')}?year={year}")
