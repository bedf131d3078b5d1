"""The register of personal-data requests (issue 12, item 7). Thin: selector, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.core.dates import local_today
from lantoa.core.http import ScopedRequest
from lantoa.org import data_requests, selectors
from lantoa.org.forms import DataRequestForm, DataRequestStepForm


def data_request_list(request: ScopedRequest) -> HttpResponse:
    """Every request received by the user's units: open ones first, by deadline."""
    today = local_today()
    rows = [(r, r.late_on(today)) for r in data_requests.data_requests_for(request.user)]
    return render(request, "org/data_request_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def data_request_create(request: ScopedRequest, pk: int) -> HttpResponse:
    """Record a request the person made (at the one-stop desk, by letter, by e-mail)."""
    person = selectors.person_get_for(request.user, pk, write=True)
    form = DataRequestForm(request.POST or None, initial={"received_on": local_today()})
    if request.method == "POST" and form.is_valid():
        try:
            recorded = data_requests.data_request_record(
                actor=request.user, person=person, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã ghi yêu cầu vào sổ."))
            return redirect(recorded)
    return render(request, "org/data_request_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def data_request_detail(request: ScopedRequest, pk: int) -> HttpResponse:
    """One request with its deadlines; the officer records the acknowledgement and the
    settlement here."""
    entry = data_requests.data_request_get_for(request.user, pk)
    form = DataRequestStepForm(request.POST or None, initial={"on": local_today()})
    if request.method == "POST" and form.is_valid():
        step = request.POST.get("step")
        try:
            if step == "settle":
                data_requests.data_request_settle(
                    actor=request.user,
                    request=entry,
                    on=form.cleaned_data["on"],
                    outcome=form.cleaned_data["outcome"],
                )
            else:
                data_requests.data_request_acknowledge(
                    actor=request.user, request=entry, on=form.cleaned_data["on"]
                )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã ghi vào sổ yêu cầu."))
            return redirect(entry)
    return render(
        request,
        "org/data_request_detail.html",
        {"entry": entry, "form": form, "late": entry.late_on(local_today())},
    )
