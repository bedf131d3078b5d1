"""Recording activities and attendance, scoped like everything else (issue 4, items 1–2)."""

import pytest
from django.urls import reverse

from conftest import make_person, png_bytes
from lantoa.activities.models import Activity, ActivityKind, Attendance
from lantoa.activities.selectors import activity_list_for, kinds_for
from lantoa.activities.services import activity_kind_create, activity_record, attendance_add
from lantoa.core.models import AuditEntry


@pytest.fixture
def briefing_kind(db):
    return ActivityKind.objects.get(category="briefing", unit__isnull=True)


def test_builtin_kinds_cover_the_plan(db):
    categories = set(
        ActivityKind.objects.filter(unit__isnull=True).values_list("category", flat=True)
    )
    assert set(ActivityKind.Category.values) == categories


def test_school_records_a_briefing_on_one_screen(school_a_officer, briefing_kind, world, login):
    client = login(school_a_officer)
    form_page = client.get(reverse("activities:create"))
    assert form_page.status_code == 200
    response = client.post(
        reverse("activities:create"),
        {
            "kind": briefing_kind.pk,
            "title": "Quán triệt Nghị quyết 71 cho giáo viên",
            "organiser": world.school_a.pk,
            "date": "12/09/2026",
            "place": "Phòng họp",
            "guests": "3",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.organiser, activity.guests) == (world.school_a, 3)
    assert AuditEntry.objects.filter(action="activity.recorded").exists()


def test_school_cannot_record_for_another_school(school_a_officer, briefing_kind, world, login):
    response = login(school_a_officer).post(
        reverse("activities:create"),
        {
            "kind": briefing_kind.pk,
            "title": "Giả danh",
            "organiser": world.school_b.pk,
            "date": "12/09/2026",
        },
    )
    assert response.status_code == 200 and "organiser" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_co_organised_event_counts_once_and_both_units_see_it(
    coordinator, school_a_officer, school_b_officer, briefing_kind, world
):
    seminar = ActivityKind.objects.get(category="seminar", unit__isnull=True)
    import datetime as dt

    activity = activity_record(
        actor=coordinator,
        organiser=world.school_a,
        co_organisers=[world.school_b],
        kind=seminar,
        title="Tọa đàm liên trường",
        date=dt.date(2026, 11, 20),
    )
    assert list(activity_list_for(coordinator)) == [activity]  # once, not twice
    assert list(activity_list_for(school_a_officer)) == [activity]
    assert list(activity_list_for(school_b_officer)) == [activity]


def test_a_unit_named_as_co_organiser_can_take_its_name_off(
    school_a_officer, school_b_officer, other_coordinator, world, login
):
    """Issue 12, finding 8: any unit could name another as co-organiser and the other could
    not remove it; the activity counted for it and its people read it."""
    import datetime as dt

    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        co_organisers=[world.school_b],
        kind=ActivityKind.objects.get(category="seminar", unit__isnull=True),
        title="Tọa đàm liên trường",
        date=dt.date(2026, 11, 20),
    )
    school_b = login(school_b_officer)
    school_b.post(activity.invitations.get().get_absolute_url(), {"answer": "accept"})
    page = school_b.get(activity.get_absolute_url()).content.decode()
    assert 'data-testid="co-organiser-leave"' in page
    assert login(school_a_officer).post(f"/activities/{activity.pk}/leave/").status_code == 403
    assert login(other_coordinator).post(f"/activities/{activity.pk}/leave/").status_code == 404

    school_b.post(f"/activities/{activity.pk}/leave/")

    assert list(activity.co_organisers.all()) == []
    assert list(activity_list_for(school_b_officer)) == []
    assert school_b.get(activity.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="activity.co_organiser_left").exists()


def test_attendance_is_picked_from_the_roster_by_folded_name(
    school_a_officer, briefing_kind, world, login
):
    import datetime as dt

    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        kind=briefing_kind,
        title="Quán triệt",
        date=dt.date(2026, 9, 12),
    )
    client = login(school_a_officer)
    page = client.get(activity.get_absolute_url(), {"q": "nguyen van an"})
    assert [p.pk for p in page.context["candidates"]] == [world.teacher_a.pk]
    client.post(
        reverse("activities:attendance_add", args=[activity.pk]), {"person": [world.teacher_a.pk]}
    )
    client.post(
        reverse("activities:attendance_add", args=[activity.pk]), {"person": [world.teacher_a.pk]}
    )
    assert Attendance.objects.filter(activity=activity).count() == 1  # a person attends once
    # another school's teacher cannot be added: 404 on the person, nothing saved
    response = client.post(
        reverse("activities:attendance_add", args=[activity.pk]), {"person": [world.teacher_b.pk]}
    )
    assert response.status_code == 404
    assert Attendance.objects.filter(activity=activity).count() == 1


def test_attendance_only_for_kinds_that_take_it(school_a_officer, world):
    import datetime as dt

    from django.core.exceptions import ValidationError

    radio = ActivityKind.objects.get(category="radio", unit__isnull=True)
    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        kind=radio,
        title="Bản tin",
        date=dt.date(2026, 9, 12),
    )
    with pytest.raises(ValidationError):
        attendance_add(actor=school_a_officer, activity=activity, people=[world.teacher_a])


def test_other_unit_gets_404_on_activity_pages(
    school_a_officer, school_b_officer, other_coordinator, briefing_kind, world, login
):
    import datetime as dt

    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        kind=briefing_kind,
        title="Quán triệt",
        date=dt.date(2026, 9, 12),
    )
    for user in (school_b_officer, other_coordinator):
        client = login(user)
        assert client.get(activity.get_absolute_url()).status_code == 404
        url = reverse("activities:attendance_add", args=[activity.pk])
        assert client.post(url, {"person": [world.teacher_a.pk]}).status_code == 404
    assert not Attendance.objects.exists()


def test_coordinator_extends_the_kinds_for_the_ward(coordinator, world):
    kind = activity_kind_create(
        actor=coordinator, unit=world.ward, name="Ngày hội đọc sách", category="other"
    )
    assert kind in kinds_for(world.school_a)
    assert kind not in kinds_for(world.other_school)


def test_activity_list_query_count_is_bounded(
    school_a_officer, briefing_kind, world, login, django_assert_max_num_queries
):
    import datetime as dt

    for n in range(25):
        activity = activity_record(
            actor=school_a_officer,
            organiser=world.school_a,
            kind=briefing_kind,
            title=f"Buổi {n}",
            date=dt.date(2026, 9, 1),
        )
        attendance_add(
            actor=school_a_officer,
            activity=activity,
            people=[world.teacher_a, make_person(f"Người {n}", world.school_a)],
        )
    client = login(school_a_officer)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("activities:list"))
    assert response.context["page"].paginator.count == 25


def test_co_organisers_come_from_the_same_ward(coordinator, world, briefing_kind):
    import datetime as dt

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        activity_record(
            actor=coordinator,
            organiser=world.school_a,
            co_organisers=[world.other_school],
            kind=briefing_kind,
            title="Liên phường",
            date=dt.date(2026, 9, 12),
        )
    assert not Activity.objects.exists()


def test_school_may_name_ward_units_as_co_organisers_but_not_other_wards(
    school_a_officer, world, login
):
    from lantoa.org.services import audience_create

    audience_create(actor=None, unit=world.ward, name="Cha mẹ học sinh")
    form = login(school_a_officer).get(reverse("activities:create")).context["form"]
    names = {u.name for u in form.fields["co_organisers"].queryset}
    assert world.vhxh.name in names and world.other_school.name not in names
    assert [a.name for a in form.fields["audiences"].queryset] == ["Cha mẹ học sinh"]


def test_evidence_files_are_checked_and_served_only_in_scope(
    school_a_officer, school_b_officer, briefing_kind, world, login
):
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile

    from lantoa.activities.models import ActivityEvidence

    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        kind=briefing_kind,
        title="Quán triệt",
        date=dt.date(2026, 9, 12),
    )
    client = login(school_a_officer)
    url = reverse("activities:evidence_add", args=[activity.pk])
    png = png_bytes()
    bad = client.post(
        url,
        {
            "files": [
                SimpleUploadedFile("anh.png", png),
                SimpleUploadedFile("bien-ban.pdf", b"MZ not pdf"),
            ]
        },
        follow=True,
    )
    assert "Tệp «bien-ban.pdf» không phải ảnh" in bad.content.decode()
    assert not ActivityEvidence.objects.exists()  # all or none
    client.post(url, {"files": [SimpleUploadedFile("anh.png", png)]})
    evidence = ActivityEvidence.objects.get()
    served = client.get(evidence.get_absolute_url())
    assert served["Content-Type"] == "image/png"
    # issue 12, item 4: opened in the browser, an uploaded file runs nothing and is not cached
    assert served["Content-Security-Policy"].startswith("sandbox; default-src 'none'")
    assert "no-store" in served["Cache-Control"]
    assert login(school_b_officer).get(evidence.get_absolute_url()).status_code == 404
    assert (
        login(school_b_officer).post(url, {"files": [SimpleUploadedFile("x.png", png)]}).status_code
        == 404
    )


def test_the_list_filters_by_unit_group_and_dates_and_says_when_nothing_matches(
    coordinator, world, login
):
    kinds = {k.category: k for k in ActivityKind.objects.filter(unit__isnull=True)}
    for organiser, category, day, title in (
        (world.centre, "portal_article", "2026-06-10", "Bài tháng Sáu của trung tâm"),
        (world.centre, "radio", "2026-07-10", "Bản tin tháng Bảy"),
        (world.school_a, "portal_article", "2026-07-12", "Bài tháng Bảy của trường A"),
    ):
        activity_record(
            actor=None, organiser=organiser, kind=kinds[category], title=title, date=day
        )
    client = login(coordinator)
    url = reverse("activities:list")

    july_posts = client.get(
        url, {"category": "portal_article", "date_from": "01/07/2026", "date_to": "31/07/2026"}
    ).content.decode()
    centre_july_posts = client.get(
        url,
        {
            "unit": world.centre.pk,
            "category": "portal_article",
            "date_from": "01/07/2026",
            "date_to": "31/07/2026",
        },
    ).content.decode()

    assert "Bài tháng Bảy của trường A" in july_posts
    assert "Bài tháng Sáu" not in july_posts and "Bản tin tháng Bảy" not in july_posts
    assert "Không có hoạt động nào khớp" in centre_july_posts


# --- participants and corrections (issue 10, items 3 and 4) ---------------------------------


@pytest.fixture
def briefing(school_a_officer, briefing_kind, world):
    import datetime as dt

    activity = activity_record(
        actor=school_a_officer,
        organiser=world.school_a,
        kind=briefing_kind,
        title="Quán triệt tại trường",
        date=dt.date(2026, 9, 12),
        guests=2,
    )
    others = [make_person(f"Giáo viên {n}", world.school_a) for n in range(3)]
    attendance_add(actor=school_a_officer, activity=activity, people=[world.teacher_a, *others])
    return activity


def test_attendees_are_participants_and_typed_numbers_add_only_guests(briefing, coordinator, login):
    """Four picked from the roster plus two guests are six participants, on every page."""
    from lantoa.activities.selectors import tally

    assert tally(Activity.objects.filter(pk=briefing.pk)).participants == 6
    row = activity_list_for(coordinator).get(pk=briefing.pk)
    assert (row.attendee_count, row.participant_count) == (4, 6)
    page = login(coordinator).get(briefing.get_absolute_url()).content.decode()
    assert 'data-testid="participants">6' in page


def test_an_activity_is_corrected_and_a_failed_form_keeps_what_was_typed(
    briefing, school_a_officer, school_b_officer, login
):
    client = login(school_a_officer)
    url = reverse("activities:edit", args=[briefing.pk])
    form = client.get(url).context["form"]
    data = {
        name: form[name].value() or ""
        for name in form.fields
        if name not in ("co_organisers", "audiences")
    }
    data.update(title="Quán triệt Nghị quyết tại trường (sửa)", date="31/02/2026")
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Quán triệt Nghị quyết tại trường (sửa)" in refused.content.decode()
    assert "31/02/2026 không phải ngày có thật" in refused.content.decode()
    data["date"] = "13/09/2026"
    assert client.post(url, data).status_code == 302
    briefing.refresh_from_db()
    assert briefing.title.endswith("(sửa)") and briefing.version == 2
    entry = AuditEntry.objects.filter(action="activity.changed").get()
    assert set(entry.changes) == {"title", "date"}
    assert login(school_b_officer).get(url).status_code == 404


def test_a_stale_activity_form_is_told_who_changed_what(briefing, school_a_officer, login):
    from lantoa.activities.services import activity_update

    client = login(school_a_officer)
    url = reverse("activities:edit", args=[briefing.pk])
    form = client.get(url).context["form"]
    data = {
        name: form[name].value() or ""
        for name in form.fields
        if name not in ("co_organisers", "audiences")
    }
    activity_update(actor=school_a_officer, activity=briefing, version=1, place="Hội trường")
    data.update(title="Tên tôi vừa gõ", date="12/09/2026")
    page = client.post(url, data)
    body = page.content.decode()
    assert page.status_code == 200 and "Người khác vừa sửa hoạt động này" in body
    assert "Hội trường" in body and "Tên tôi vừa gõ" in body  # their change and my typing
    briefing.refresh_from_db()
    assert briefing.title == "Quán triệt tại trường"


def test_delete_needs_a_reason_leaves_every_count_and_the_coordinator_restores(
    briefing, school_a_officer, coordinator, login
):
    client = login(school_a_officer)
    url = reverse("activities:delete", args=[briefing.pk])
    assert "Xóa «Quán triệt tại trường»?" in client.get(url).content.decode()
    assert client.post(url, {"reason": ""}).status_code == 200  # asked again, nothing deleted
    assert Activity.objects.filter(pk=briefing.pk).exists()
    client.post(url, {"reason": "Ghi trùng với buổi ngày 12/09"})
    assert not Activity.objects.filter(pk=briefing.pk).exists()
    assert not activity_list_for(coordinator).filter(pk=briefing.pk).exists()
    assert client.get(briefing.get_absolute_url()).status_code == 404
    restore = reverse("activities:restore", args=[briefing.pk])
    assert client.post(restore).status_code == 403  # the school cannot restore
    page = login(coordinator).get(reverse("activities:deleted")).content.decode()
    assert "Ghi trùng với buổi ngày 12/09" in page
    login(coordinator).post(restore)
    assert Activity.objects.filter(pk=briefing.pk).exists()
    actions = list(
        AuditEntry.objects.filter(object_id=str(briefing.pk)).values_list("action", flat=True)
    )
    assert "activity.deleted" in actions and "activity.restored" in actions


def test_removing_an_attendee_offers_an_undo_and_leaves_coverage(
    briefing, school_a_officer, world, login
):
    from lantoa.activities.selectors import tally

    client = login(school_a_officer)
    remove = reverse("activities:attendance_remove", args=[briefing.pk, world.teacher_a.pk])
    page = client.post(remove, follow=True).content.decode()
    assert "Đã bỏ Nguyễn Văn An khỏi danh sách người dự." in page and "Hoàn tác" in page
    assert not Attendance.objects.filter(activity=briefing, person=world.teacher_a).exists()
    assert tally(Activity.objects.filter(pk=briefing.pk)).participants == 5
    row = Attendance.all_objects.get(activity=briefing, person=world.teacher_a)
    client.post(reverse("activities:attendance_restore", args=[row.pk]))
    assert Attendance.objects.filter(activity=briefing, person=world.teacher_a).exists()
    # picking someone removed earlier brings the same row back (one row per person)
    attendance_add(actor=school_a_officer, activity=briefing, people=[world.teacher_a])
    assert Attendance.all_objects.filter(activity=briefing, person=world.teacher_a).count() == 1


def test_every_correction_endpoint_answers_404_to_another_ward(
    briefing, school_a_officer, other_coordinator, world, login, django_assert_max_num_queries
):
    from lantoa.activities.models import ActivityEvidence
    from lantoa.activities.services import activity_evidence_delete, attendance_remove

    evidence = ActivityEvidence.objects.create(
        activity=briefing, original_name="bien-ban.pdf", kind="pdf", size=3, file="x.pdf"
    )
    removed = attendance_remove(actor=school_a_officer, activity=briefing, person=world.teacher_a)
    client = login(other_coordinator)
    for url in [
        reverse("activities:edit", args=[briefing.pk]),
        reverse("activities:delete", args=[briefing.pk]),
        reverse("activities:evidence_delete", args=[evidence.pk]),
        reverse("activities:attendance_restore", args=[removed.pk]),
    ]:
        assert client.post(url, {"reason": "x"}).status_code == 404, url
    activity_evidence_delete(actor=school_a_officer, evidence=evidence, reason="Nhầm tệp")
    assert (
        client.post(reverse("activities:evidence_restore", args=[evidence.pk])).status_code == 404
    )
    with django_assert_max_num_queries(12):
        page = client.get(reverse("activities:deleted"))
    assert page.context["deleted"].attendances == [] and page.context["deleted"].evidence == []
    mine = login(school_a_officer).get(reverse("activities:deleted")).context["deleted"]
    assert [a.pk for a in mine.attendances] == [removed.pk]
    assert [e.pk for e in mine.evidence] == [evidence.pk]
