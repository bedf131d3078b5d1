"""Target pages: value, status, drill-down to the records and to what is missing; the
coordinator confirms how a target computes (issue 4). Thin: selector, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.core.files import evidence_response
from lantoa.indicators import compute, selectors, services
from lantoa.indicators.forms import AtForm, IndicatorForm, ManualValueForm
from lantoa.indicators.params import describe
from lantoa.org.selectors import unit_list_for
from lantoa.plans.selectors import plan_readable


def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.target_get_for(request.user, pk)
    indicator = target.indicator
    base = compute.base_unit_of(target.plan)
    at_form = AtForm(
        request.GET or None, units=unit_list_for(request.user).filter(path__startswith=base.path)
    )
    at = unit = None
    if at_form.is_valid():
        at, unit = at_form.cleaned_data["at"], at_form.cleaned_data["unit"]
    within = selectors.within_for(request.user, target, unit)
    can_edit = request.user.scope.can_write(target.plan.issuer)
    return render(
        request,
        "indicators/target_detail.html",
        {
            "target": target,
            "plan_readable": plan_readable(request.user, target.plan),
            "indicator": indicator,
            "description": describe(indicator.kind, indicator.params),
            "reading": compute.read(indicator, at=at, within=within),
            "drill": compute.drill(indicator, at=at, within=within),
            "within": within,
            "at_form": at_form,
            "can_edit": can_edit,
            "indicator_form": IndicatorForm.for_indicator(indicator) if can_edit else None,
            "manual_form": ManualValueForm() if indicator.kind == "manual" and can_edit else None,
            "manual_values": indicator.values.order_by("-as_of", "-pk") if indicator.pk else [],
        },
    )


@require_POST
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.target_get_for(request.user, pk)
    if not request.user.scope.can_write(target.plan.issuer):
        raise PermissionDenied
    form = IndicatorForm.for_indicator(target.indicator, request.POST)
    if form.is_valid():
        try:
            services.indicator_update(
                actor=request.user,
                indicator=target.indicator,
                kind=form.cleaned_data["kind"],
                params=form.params(),
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã xác nhận cách tính chỉ tiêu."))
    else:
        messages.error(request, _("Cách tính chưa hợp lệ: kiểm tra các ô được đánh dấu."))
    return redirect(target.indicator)


@require_POST
def manual_value_add(request: HttpRequest, pk: int) -> HttpResponse:
    target = selectors.target_get_for(request.user, pk)
    form = ManualValueForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.manual_value_enter(
                actor=request.user,
                indicator=target.indicator,
                value=data["value"],
                as_of=data["as_of"],
                note=data["note"],
                upload=data["file"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã ghi số liệu; số liệu được tính khi được duyệt."))
    else:
        messages.error(
            request,
            _("Số liệu chưa hợp lệ: %(errors)s")
            % {
                "errors": "; ".join(
                    f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
                )
            },
        )
    return redirect(target.indicator)


@require_POST
def manual_value_approve(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.manual_value_get_for(request.user, pk)
    services.manual_value_approve(actor=request.user, entry=entry)
    messages.success(request, _("Đã duyệt số liệu."))
    return redirect(entry.indicator)


def manual_value_file(request: HttpRequest, pk: int) -> FileResponse:
    return evidence_response(selectors.manual_value_get_for(request.user, pk))
