"""The board, the month timeline and updates on a task (issue 3, item 5)."""

import datetime as dt

import time_machine
from django.urls import reverse

from lantoa.plans.models import Task, TaskComment


@time_machine.travel(dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC), tick=False)
def test_board_has_the_four_buckets_with_counts(
    saved_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("plans:task_board"))
    columns = response.context["columns"]
    assert [c[0] for c in columns] == ["done_on_time", "done_late", "open_in_time", "open_overdue"]
    total = sum(c[2] for c in columns)
    assert total == saved_plan.tasks.filter(parent__isnull=True).count()
    honour = Task.objects.get(title__contains="Ngày Nhà giáo Việt Nam 20/11")
    overdue = [t.pk for t in columns[3][3]]
    assert honour.pk in overdue  # 20/11/2026 has passed without a result


def test_timeline_lists_the_month_deadlines_in_scope(saved_plan, school_a_officer, login):
    client = login(school_a_officer)
    response = client.get(reverse("plans:task_timeline"), {"month": "2026-12"})
    days = response.context["days"]
    assert [d for d, _items in days] == [dt.date(2026, 12, 31)]
    assert {o.task.lead_unit.code for _d, items in days for o in items} == {"90001-THA"}
    empty = client.get(reverse("plans:task_timeline"), {"month": "2026-02"})
    assert "Tháng này không có hạn nhiệm vụ nào." in empty.content.decode()


def test_unit_posts_an_update_and_others_cannot(
    saved_plan, school_a_officer, school_b_officer, world, login
):
    task = Task.objects.filter(lead_unit=world.school_a).first()
    url = reverse("plans:task_comment", args=[task.pk])
    assert (
        login(school_a_officer)
        .post(url, {"text": "Đã họp tổ chuyên môn, chuẩn bị nội dung"})
        .status_code
        == 302
    )
    assert TaskComment.objects.get().text == "Đã họp tổ chuyên môn, chuẩn bị nội dung"
    assert login(school_b_officer).post(url, {"text": "xen vào"}).status_code == 404
    page = login(school_a_officer).get(task.get_absolute_url()).content.decode()
    assert "Đã họp tổ chuyên môn" in page


def test_task_list_filters_by_assignee_and_due_window(saved_plan, coordinator, world, login):
    from lantoa.plans.services import task_update

    task = Task.objects.filter(lead_unit=world.school_a).first()
    task_update(
        actor=coordinator,
        task=task,
        assignee=world.teacher_a,
        recurrence="once",
        due=dt.date(2026, 6, 15),
    )
    client = login(coordinator)
    mine = client.get(reverse("plans:task_list"), {"assignee": world.teacher_a.pk}).context["page"]
    assert [t.pk for t in mine] == [task.pk]
    window = client.get(
        reverse("plans:task_list"), {"due_from": "01/06/2026", "due_to": "30/06/2026"}
    )
    assert task.pk in [t.pk for t in window.context["page"]]
    assert all(
        dt.date(2026, 6, 1) <= t.next_due <= dt.date(2026, 6, 30) for t in window.context["page"]
    )


def test_task_page_title_is_the_task_not_markup(saved_plan, coordinator, login):
    task = Task.objects.filter(parent__isnull=True).first()
    body = login(coordinator).get(task.get_absolute_url()).content.decode()
    title = body.split("<title>")[1].split("</title>")[0]
    assert "<" not in title and title.startswith(task.title[:20])
    assert body.count('data-testid="comments"') == 1


def test_every_plan_endpoint_answers_404_to_another_ward(saved_plan, other_coordinator, login):
    task = Task.objects.filter(parent__isnull=True).first()
    occurrence = task.occurrences.first()
    client = login(other_coordinator)
    for url in [
        reverse("plans:issue", args=[saved_plan.pk]),
        reverse("plans:occurrence_return", args=[occurrence.pk]),
        reverse("plans:task_comment", args=[task.pk]),
        reverse("plans:task_edit", args=[task.pk]),
    ]:
        assert client.post(url, {"reason": "x", "text": "x"}).status_code == 404, url
    assert list(client.get(reverse("plans:task_board")).context["columns"][2][3]) == []
    assert client.get(reverse("plans:list")).context["plans"].count() == 0


def test_plan_list_query_count_is_bounded(
    saved_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:list"))
    assert [p.pk for p in response.context["plans"]] == [saved_plan.pk]


def test_plan_page_query_count_is_bounded(
    saved_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(25):
        assert client.get(saved_plan.get_absolute_url()).status_code == 200
