"""06 rõ on tasks, reporting and returning results, and issuing a plan (O1.1; issue 3)."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_person, png_bytes
from lantoa.plans.models import Plan, Task, TaskOccurrence
from lantoa.plans.services import (
    OCCURRENCE_DONE_NEEDS_RESULT,
    OCCURRENCE_RETURN_NEEDS_REASON,
    plan_issue,
)


@pytest.fixture
def school_task(issued_plan, world):
    return Task.objects.filter(lead_unit=world.school_a).order_by("pk").first()


def test_o1_1_coordinator_fills_the_06ro(coordinator, school_task, world, login):
    client = login(coordinator)
    response = client.post(
        reverse("plans:task_edit", args=[school_task.pk]),
        {
            "title": school_task.title,
            "assignee": world.teacher_a.pk,
            "lead_unit": world.school_a.pk,
            "authority": "Hiệu trưởng",
            "due": "30/04/2026",
            "recurrence": "once",
            "expected_result": "Kế hoạch của trường được ban hành",
        },
    )
    assert response.status_code == 302
    school_task.refresh_from_db()
    assert school_task.missing_06ro() == []
    assert school_task.occurrences.count() == 1
    assert school_task.occurrences.get().due == dt.date(2026, 4, 30)
    assert "Đã đủ 06 rõ." in client.get(school_task.get_absolute_url()).content.decode()


def test_school_officer_may_only_name_its_own_person(school_a_officer, school_task, world, login):
    client = login(school_a_officer)
    url = reverse("plans:task_edit", args=[school_task.pk])
    assert client.post(url, {"assignee": world.teacher_a.pk}).status_code == 302
    school_task.refresh_from_db()
    assert school_task.assignee == world.teacher_a
    assert client.post(url, {"assignee": world.teacher_b.pk}).status_code == 400  # not a choice
    school_task.refresh_from_db()
    assert school_task.assignee == world.teacher_a


def test_other_school_cannot_touch_the_task(school_b_officer, school_task, login):
    client = login(school_b_officer)
    assert client.get(school_task.get_absolute_url()).status_code == 404
    assert client.post(reverse("plans:task_edit", args=[school_task.pk]), {}).status_code == 404
    occurrence = school_task.occurrences.first()
    assert (
        client.post(reverse("plans:occurrence_report", args=[occurrence.pk]), {}).status_code == 404
    )


def test_done_needs_a_result_and_evidence_and_may_be_returned(
    school_a_officer, coordinator, school_task, login
):
    occurrence = school_task.occurrences.order_by("due").first()
    school = login(school_a_officer)
    url = reverse("plans:occurrence_report", args=[occurrence.pk])
    refused = school.post(
        url, {"completed_on": "10/04/2026", "result_note": "Đã làm", "evidence_url": ""}
    )
    assert refused.status_code == 400
    occurrence.refresh_from_db()
    assert occurrence.status == "open"
    ok = school.post(
        url,
        {
            "completed_on": "10/04/2026",
            "result_note": "Đã ban hành kế hoạch",
            "evidence_url": "https://truong.edu.vn/kh",
        },
    )
    assert ok.status_code == 302
    occurrence.refresh_from_db()
    assert (occurrence.status, occurrence.completed_on) == ("done", dt.date(2026, 4, 10))

    coord = login(coordinator)
    back = reverse("plans:occurrence_return", args=[occurrence.pk])
    assert coord.post(back, {"reason": ""}).status_code == 400
    assert coord.post(back, {"reason": "Thiếu biên bản sinh hoạt chuyên đề"}).status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.status == "returned"
    assert (
        school.post(back, {"reason": "tự trả"}).status_code == 403
    )  # only the coordinator returns
    again = school.post(
        url,
        {
            "completed_on": "20/04/2026",
            "result_note": "Bổ sung biên bản",
            "evidence_url": "https://truong.edu.vn/bb",
        },
    )
    assert again.status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.status == "done" and occurrence.result_note == "Bổ sung biên bản"


def test_messages_are_constants_the_tests_can_name():
    assert "minh chứng" in str(OCCURRENCE_DONE_NEEDS_RESULT)
    assert "lý do" in str(OCCURRENCE_RETURN_NEEDS_REASON)


def test_o1_1_incomplete_plan_cannot_be_issued_without_a_leaders_reason(
    saved_plan,
    coordinator,
    leader,
    login,
):
    header = {"number": "12/KH-UBND", "date": "16/03/2026"}
    coord = login(coordinator)
    refused = coord.post(
        reverse("plans:issue", args=[saved_plan.pk]), {**header, "override_reason": "cần gấp"}
    )
    assert refused.status_code == 400 and "chưa đủ 06 rõ" in refused.content.decode()
    saved_plan.refresh_from_db()
    assert saved_plan.status == "draft"  # the coordinator cannot override
    boss = login(leader)
    boss.post(reverse("plans:issue", args=[saved_plan.pk]), {**header, "override_reason": ""})
    saved_plan.refresh_from_db()
    assert saved_plan.status == "draft"  # a leader must give the reason
    boss.post(
        reverse("plans:issue", args=[saved_plan.pk]),
        {
            **header,
            "override_reason": "Ban hành để kịp triển khai; các đơn vị bổ sung 06 rõ trước 30/4",
        },
    )
    saved_plan.refresh_from_db()
    assert saved_plan.status == "issued"
    assert saved_plan.issue_override_reason.startswith("Ban hành để kịp")
    assert (saved_plan.number, saved_plan.date) == ("12/KH-UBND", dt.date(2026, 3, 16))


def test_complete_plan_is_issued_by_the_coordinator(saved_plan, coordinator, world):
    person = make_person("Đỗ Thị Hạnh", world.vhxh)
    for task in saved_plan.tasks.all():
        Task.objects.filter(pk=task.pk).update(
            assignee=person,
            lead_unit=task.lead_unit or world.vhxh,
            authority="Chủ tịch UBND phường",
            due=task.due or dt.date(2026, 12, 31),
            expected_result=task.expected_result or "Báo cáo kết quả",
        )
    Plan.objects.filter(pk=saved_plan.pk).update(number="12/KH-UBND", date=dt.date(2026, 3, 16))
    saved_plan.refresh_from_db()
    plan_issue(actor=coordinator, plan=saved_plan)
    assert saved_plan.status == "issued" and saved_plan.issue_override_reason == ""


def test_occurrences_of_a_recurring_task_keep_their_own_status(issued_plan):
    yearly = Task.objects.filter(recurrence="yearly").first()
    labels = list(yearly.occurrences.values_list("label", flat=True))
    assert labels == [str(y) for y in range(2026, 2036)]
    assert set(TaskOccurrence.objects.filter(task=yearly).values_list("status", flat=True)) == {
        "open"
    }


PNG = png_bytes()


def test_done_with_an_evidence_file_which_only_the_task_readers_can_open(
    school_a_officer, school_b_officer, coordinator, school_task, login
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    occurrence = school_task.occurrences.order_by("due").first()
    school = login(school_a_officer)
    url = reverse("plans:occurrence_report", args=[occurrence.pk])
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 not a pdf")
    refused = school.post(
        url, {"completed_on": "10/04/2026", "result_note": "Đã họp", "evidence_files": [fake]}
    )
    assert refused.status_code == 400
    assert "Tệp «bien-ban.pdf» không phải ảnh" in refused.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.status == "open" and not occurrence.evidence.exists()

    photo = SimpleUploadedFile("anh-sinh-hoat.png", PNG)
    ok = school.post(
        url, {"completed_on": "10/04/2026", "result_note": "Đã họp", "evidence_files": [photo]}
    )
    assert ok.status_code == 302
    evidence = occurrence.evidence.get()
    assert (evidence.kind, evidence.original_name) == ("png", "anh-sinh-hoat.png")
    download = school.get(evidence.get_absolute_url())
    assert download.status_code == 200 and download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == PNG
    assert login(coordinator).get(evidence.get_absolute_url()).status_code == 200
    assert login(school_b_officer).get(evidence.get_absolute_url()).status_code == 404
