"""Activity pages: record one, list them, take attendance (issue 4). Thin: selector, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.activities import selectors, services
from lantoa.activities.forms import ActivityForm
from lantoa.core.files import evidence_response
from lantoa.org.selectors import (
    audience_choices_for,
    person_get_for,
    person_list_for,
    unit_list_for,
    ward_units_for_choice,
)
from lantoa.plans.selectors import plan_list_for

PAGE_SIZE = 30


def activity_list(request: HttpRequest) -> HttpResponse:
    activities = selectors.activity_list_for(request.user)
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    can_record = bool(request.user.scope.write_paths) or request.user.is_superuser
    return render(
        request, "activities/activity_list.html", {"page": page, "can_record": can_record}
    )


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    organisers = unit_list_for(request.user, write=True)
    first = organisers.first()
    form = ActivityForm(
        request.POST or None,
        kinds=selectors.kinds_for(first),
        organisers=organisers,
        units=ward_units_for_choice(request.user),
        audiences=audience_choices_for(request.user),
        plans=plan_list_for(request.user),
        initial={"organiser": first},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            activity = services.activity_record(
                actor=request.user,
                co_organisers=data.pop("co_organisers"),
                audiences=data.pop("audiences"),
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã ghi hoạt động."))
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form})


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk)
    can_write = request.user.scope.can_write(activity.organiser)
    query = request.GET.get("q", "")
    candidates = []
    if can_write and activity.kind.has_attendance and query.strip():
        present = activity.attendances.values("person_id")
        candidates = list(person_list_for(request.user, query=query).exclude(pk__in=present)[:30])
    return render(
        request,
        "activities/activity_detail.html",
        {
            "activity": activity,
            "attendances": activity.attendances.select_related("person__unit").order_by(
                "person__name_folded"
            ),
            "can_write": can_write,
            "query": query,
            "candidates": candidates,
        },
    )


@require_POST
def attendance_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk, write=True)
    people = [person_get_for(request.user, p) for p in request.POST.getlist("person")]
    try:
        added = services.attendance_add(actor=request.user, activity=activity, people=people)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã thêm %(n)s người dự.") % {"n": added})
    return redirect(activity)


@require_POST
def attendance_remove(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk, write=True)
    services.attendance_remove(
        actor=request.user, activity=activity, person=person_get_for(request.user, person_pk)
    )
    return redirect(activity)


@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk, write=True)
    try:
        added = services.activity_evidence_add(
            actor=request.user, activity=activity, files=request.FILES.getlist("files")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã đính kèm %(n)s tệp minh chứng.") % {"n": added})
    return redirect(activity)


def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """A file of an activity, only for those who may read the activity."""
    return evidence_response(selectors.activity_evidence_get_for(request.user, pk))
