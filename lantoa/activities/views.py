"""Activity pages: record one, list them, take attendance (issue 4). Thin: selector, form, service."""

from __future__ import annotations

import io
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.accounts.models import Role
from lantoa.activities import selectors, services
from lantoa.activities.co_organising import invited_names
from lantoa.activities.forms import ActivityFilterForm, ActivityForm, CheckInForm, DeleteForm
from lantoa.activities.models import Activity
from lantoa.core.concurrency import StaleEdit, form_after_stale
from lantoa.core.dates import local_today
from lantoa.core.files import evidence_response
from lantoa.core.net import client_ip
from lantoa.core.undo import offer_undo
from lantoa.org.selectors import (
    audience_choices_for,
    person_get_for,
    person_list_for,
    unit_list_for,
    ward_units_for_choice,
)
from lantoa.plans.models import Plan
from lantoa.plans.selectors import plan_list_for, plan_readable

PAGE_SIZE = 30
ROSTER_SHOWN = 80  # the organiser's own people listed to tick; a larger unit searches


def activity_list(request: HttpRequest) -> HttpResponse:
    form = ActivityFilterForm(request.GET or None, units=unit_list_for(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    activities = selectors.activity_list_for(
        request.user,
        unit=data.get("unit"),
        categories=data.get("category"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        with_photo=bool(data.get("photo")),
    )
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    can_record = bool(request.user.scope.write_paths) or request.user.is_superuser
    return render(
        request,
        "activities/activity_list.html",
        {
            "page": page,
            "form": form,
            "filtered": any(data.values()),
            "invitation_count": selectors.invitations_for(request.user).count(),
            "can_record": can_record,
            "querystring": _without_page(request),
        },
    )


def _without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    """Record an activity; `?kind=` (the home page's quick buttons) fills the kind and a title
    so a briefing is saved in one tap, then attendance follows (issue 14, item 1)."""
    first = unit_list_for(request.user, write=True).first()
    choices = _form_choices(request, first)
    initial: dict[str, Any] = {"organiser": first, "date": local_today()}
    kind = choices["kinds"].filter(pk=_int(request.GET.get("kind"))).first()
    if kind is not None:
        initial |= {"kind": kind, "title": kind.name}
    form = ActivityForm(request.POST or None, initial=initial, **choices)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            data.pop("version", None)
            activity = services.activity_record(
                actor=request.user,
                co_organisers=data.pop("co_organisers"),
                audiences=data.pop("audiences"),
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _saved(request, activity, _("Đã ghi hoạt động."))
            if activity.kind.has_attendance:
                return redirect(f"{activity.get_absolute_url()}#attendance")
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form, "quick_kind": kind})


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _saved(request: HttpRequest, activity: Activity, text: str) -> None:
    """The saved message, naming the units invited to co-organise that have not answered."""
    invited = invited_names(activity)
    if invited:
        text += " " + _(
            "Đã gửi lời mời phối hợp tới %(units)s; hoạt động được tính cho đơn vị đó khi đơn vị "
            "nhận lời."
        ) % {"units": ", ".join(invited)}
    messages.success(request, text)


def _form_choices(request: HttpRequest, organiser: Any) -> dict[str, Any]:
    return {
        "kinds": selectors.kinds_for(organiser),
        "organisers": unit_list_for(request.user, write=True),
        "units": ward_units_for_choice(request.user),
        "audiences": audience_choices_for(request.user),
        "plans": plan_list_for(request.user).filter(status=Plan.Status.ISSUED),
    }


@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a recorded activity (issue 10, item 4); a form that fails keeps what was typed."""
    activity = selectors.activity_get_for(request.user, pk, write=True)
    form = ActivityForm(
        request.POST or None,
        instance=selectors.activity_get_for(request.user, pk),
        **_form_choices(request, activity.organiser),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.activity_update(
                actor=request.user,
                activity=activity,
                co_organisers=data.pop("co_organisers"),
                audiences=data.pop("audiences"),
                **data,
            )
        except StaleEdit as exc:
            form_after_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            _saved(request, activity, _("Đã lưu hoạt động."))
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity})


@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for a reason, then delete (softly: the coordinator can restore it)."""
    activity = selectors.activity_get_for(request.user, pk, write=True)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.activity_delete(
            actor=request.user, activity=activity, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("Đã xóa hoạt động «%(title)s». Cán bộ điều phối khôi phục được nếu cần.")
            % {"title": activity.title},
        )
        return redirect("activities:list")
    return render(
        request,
        "activities/confirm_delete.html",
        {"form": form, "activity": activity, "what": activity.title},
    )


@require_POST
def activity_restore(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.deleted_activity_get_for(request.user, pk)
    services.activity_restore(actor=request.user, activity=activity)
    messages.success(request, _("Đã khôi phục hoạt động «%(title)s».") % {"title": activity.title})
    return redirect(activity)


def deleted_list(request: HttpRequest) -> HttpResponse:
    """What was deleted in the user's scope, with who, when, why and «Khôi phục»."""
    return render(
        request,
        "activities/deleted_list.html",
        {
            "deleted": selectors.deleted_for(request.user),
            "can_restore": request.user.is_superuser or request.user.has_role(Role.COORDINATOR),
        },
    )


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk)
    can_write = request.user.scope.can_write(activity.organiser)
    query = request.GET.get("q", "")
    candidates: list[Any] = []
    roster: list[Any] = []
    if can_write and activity.kind.has_attendance:
        present = activity.attendances.values("person_id")
        if query.strip():
            found = person_list_for(request.user, query=query).exclude(pk__in=present)
            candidates = list(found[:30])
        else:
            own = person_list_for(request.user, unit=activity.organiser).exclude(pk__in=present)
            roster = list(own[: ROSTER_SHOWN + 1])
    checkin = selectors.checkin_open_for(activity) if can_write else None
    checkin_url = request.build_absolute_uri(checkin.get_absolute_url()) if checkin else ""
    return render(
        request,
        "activities/activity_detail.html",
        {
            "activity": activity,
            "participants": selectors.tally(Activity.objects.filter(pk=activity.pk)).participants,
            "plan_readable": activity.plan is not None
            and plan_readable(request.user, activity.plan),
            "checkin": checkin,
            "checkin_url": checkin_url,
            "checkin_qr": _qr_svg(checkin_url) if checkin else "",
            "attendances": activity.attendances.select_related("person__unit").order_by(
                "person__name_folded"
            ),
            "can_write": can_write,
            "invitations_sent": selectors.invitations_sent(activity) if can_write else [],
            "can_leave": not can_write
            and any(request.user.scope.can_write(u) for u in activity.co_organisers.all()),
            "query": query,
            "candidates": candidates,
            "roster": roster[:ROSTER_SHOWN],
            "roster_more": len(roster) > ROSTER_SHOWN,
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
    person = person_get_for(request.user, person_pk)
    removed = services.attendance_remove(actor=request.user, activity=activity, person=person)
    if removed is not None:
        offer_undo(
            request,
            _("Đã bỏ %(name)s khỏi danh sách người dự.") % {"name": person.full_name},
            reverse("activities:attendance_restore", args=[removed.pk]),
        )
    return redirect(activity)


@require_POST
def attendance_restore(request: HttpRequest, pk: int) -> HttpResponse:
    attendance = selectors.deleted_attendance_get_for(request.user, pk)
    services.attendance_restore(actor=request.user, attendance=attendance)
    messages.success(
        request,
        _("Đã ghi lại %(name)s vào danh sách người dự.") % {"name": attendance.person.full_name},
    )
    return redirect(attendance.activity)


@require_http_methods(["GET", "POST"])
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.activity_evidence_get_for_write(request.user, pk)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.activity_evidence_delete(
            actor=request.user, evidence=evidence, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Đã bỏ tệp «%(name)s» khỏi minh chứng.") % {"name": evidence.original_name}
        )
        return redirect(evidence.activity)
    return render(
        request,
        "activities/confirm_delete.html",
        {"form": form, "activity": evidence.activity, "what": evidence.original_name},
    )


@require_POST
def evidence_restore(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = selectors.deleted_evidence_get_for(request.user, pk)
    services.activity_evidence_restore(actor=request.user, evidence=evidence)
    messages.success(request, _("Đã khôi phục tệp «%(name)s».") % {"name": evidence.original_name})
    return redirect(evidence.activity)


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


def _qr_svg(url: str) -> str:
    """The check-in link as an inline SVG QR code (segno writes only its own markup)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False)
    return buffer.getvalue().decode()


@require_POST
def checkin_open(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk, write=True)
    try:
        services.checkin_open(actor=request.user, activity=activity)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(activity)


@require_POST
def checkin_close(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for(request.user, pk, write=True)
    services.checkin_close(actor=request.user, activity=activity)
    messages.success(request, _("Đã đóng điểm danh bằng mã QR."))
    return redirect(activity)


@login_not_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """The attendee's page behind the QR code: their name and birth date (or phone ending) put
    them on the list; no account needed, nobody listed (issue 4, item 2; issue 12, finding 5)."""
    session = selectors.checkin_get(token)
    expired = session.expires_at <= timezone.now()
    form = CheckInForm(request.POST or None)
    confirmed = added = None
    if request.method == "POST" and not expired and form.is_valid():
        try:
            confirmed, added = services.checkin_self(
                session=session, client=client_ip(request) or "unknown", **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
    context = {
        "session": session,
        "activity": session.activity,
        "expired": expired,
        "form": form,
        "confirmed": confirmed,
        "added": added,
    }
    return render(request, "activities/checkin.html", context)


@require_POST
def attendance_import(request: HttpRequest, pk: int) -> HttpResponse:
    """A sign-in sheet (XLSX/CSV) adds its people to the attendance; all or nothing."""
    activity = selectors.activity_get_for(request.user, pk, write=True)
    upload = request.FILES.get("sheet")
    if upload is None:
        messages.error(request, _("Chọn tệp danh sách ký (.xlsx hoặc .csv) để tải lên."))
        return redirect(activity)
    try:
        added = services.attendance_import(
            actor=request.user,
            activity=activity,
            upload=upload,
            roster=selectors.signin_roster_for(request.user, activity),
        )
    except ValidationError as exc:
        messages.error(
            request,
            _("Chưa ghi ai vì tệp có lỗi: %(errors)s") % {"errors": " · ".join(exc.messages)},
        )
    else:
        messages.success(request, _("Đã thêm %(n)s người dự từ danh sách ký.") % {"n": added})
    return redirect(activity)
