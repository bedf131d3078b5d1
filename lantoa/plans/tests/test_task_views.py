"""The board, the month timeline and updates on a task (issue 3, item 5)."""

import datetime as dt

import time_machine
from django.db.models import Q
from django.urls import reverse

from lantoa.plans.models import Task, TaskComment, TaskOccurrence


@time_machine.travel(dt.datetime(2026, 11, 26, 3, 0, tzinfo=dt.UTC), tick=False)
def test_board_has_the_four_buckets_of_periods_with_counts(
    issued_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("plans:task_board"))
    columns = response.context["columns"]
    assert [c.bucket for c, _rows in columns] == [
        "done_on_time",
        "done_late",
        "open_in_time",
        "open_overdue",
    ]
    begun = TaskOccurrence.objects.filter(
        Q(starts__lte=dt.date(2026, 11, 26)) | Q(starts__isnull=True),
        task__plan=issued_plan,
        task__parent__isnull=True,
    )
    assert sum(c.count for c, _rows in columns) == begun.count()
    honour = Task.objects.get(title__contains="Ngày Nhà giáo Việt Nam 20/11")
    overdue = [o.task_id for o in columns[3][1]]
    assert honour.pk in overdue  # 20/11/2026 has passed without a result
    for count, _rows in columns:  # each count leads to a list of exactly that many periods
        listed = client.get(count.url).context["page"].paginator.count
        assert listed == count.count


def test_timeline_lists_the_month_deadlines_in_scope(issued_plan, school_a_officer, login):
    client = login(school_a_officer)
    response = client.get(reverse("plans:task_timeline"), {"month": "2026-12"})
    days = response.context["days"]
    assert [d for d, _items in days] == [dt.date(2026, 12, 31)]
    assert {o.task.lead_unit.code for _d, items in days for o in items} == {"90001-THA"}
    empty = client.get(reverse("plans:task_timeline"), {"month": "2026-02"})
    assert "Tháng này không có hạn nhiệm vụ nào." in empty.content.decode()


def test_a_month_out_of_range_is_a_message_not_an_error(issued_plan, coordinator, login):
    response = login(coordinator).get(reverse("plans:task_timeline"), {"month": "9999-12"})
    assert response.status_code == 200
    assert "Tháng «9999-12» không đúng" in response.content.decode()


def test_unit_posts_an_update_and_others_cannot(
    issued_plan, school_a_officer, school_b_officer, world, login
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


def test_task_and_period_lists_filter_by_assignee_and_due_window(
    issued_plan, coordinator, world, login
):
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
        reverse("plans:period_list"), {"due_from": "01/06/2026", "due_to": "30/06/2026"}
    )
    assert task.pk in [o.task_id for o in window.context["page"]]
    assert all(dt.date(2026, 6, 1) <= o.due <= dt.date(2026, 6, 30) for o in window.context["page"])
    # the counts above the list follow the same filters: they add up to the rows listed
    counts = window.context["buckets"]
    assert sum(b.count for b in counts) == window.context["page"].paginator.count


def test_the_counts_on_the_task_list_follow_its_filters(issued_plan, coordinator, world, login):
    """Issue 10: the plan and unit filters change the four counts, and each count leads to
    exactly its periods."""
    client = login(coordinator)
    everything = client.get(reverse("plans:task_list")).context["buckets"]
    school = client.get(reverse("plans:task_list"), {"unit": world.school_a.pk}).context["buckets"]
    assert sum(b.count for b in school) < sum(b.count for b in everything)
    for count in school:
        assert client.get(count.url).context["page"].paginator.count == count.count


def test_a_date_out_of_range_in_a_filter_is_named(issued_plan, coordinator, login):
    response = login(coordinator).get(reverse("plans:period_list"), {"due_from": "01/01/0001"})
    assert response.status_code == 200
    assert "Năm phải từ 1900 đến 2100" in response.content.decode()


def test_task_page_title_is_the_task_not_markup(issued_plan, coordinator, login):
    task = Task.objects.filter(parent__isnull=True).first()
    body = login(coordinator).get(task.get_absolute_url()).content.decode()
    title = body.split("<title>")[1].split("</title>")[0]
    assert "<" not in title and title.startswith(task.title[:20])
    assert body.count('data-testid="comments"') == 1


def test_every_plan_endpoint_answers_404_to_another_ward(issued_plan, other_coordinator, login):
    task = Task.objects.filter(parent__isnull=True).first()
    occurrence = task.occurrences.first()
    client = login(other_coordinator)
    for url in [
        reverse("plans:issue", args=[issued_plan.pk]),
        reverse("plans:occurrence_return", args=[occurrence.pk]),
        reverse("plans:task_comment", args=[task.pk]),
        reverse("plans:task_edit", args=[task.pk]),
    ]:
        assert client.post(url, {"reason": "x", "text": "x"}).status_code == 404, url
    board = client.get(reverse("plans:task_board")).context["columns"]
    assert all(count.count == 0 and rows == [] for count, rows in board)
    assert client.get(reverse("plans:period_list")).context["page"].paginator.count == 0
    assert client.get(reverse("plans:list")).context["plans"].count() == 0


def test_plan_list_query_count_is_bounded(
    issued_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:list"))
    assert [p.pk for p in response.context["plans"]] == [issued_plan.pk]


def test_plan_page_query_count_is_bounded(
    issued_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(25):
        assert client.get(issued_plan.get_absolute_url()).status_code == 200


def test_the_period_list_query_count_is_bounded_and_another_ward_sees_none(
    issued_plan, coordinator, other_coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("plans:period_list"))
    assert response.context["page"].paginator.count > 20
    assert (
        login(other_coordinator).get(reverse("plans:period_list")).context["page"].paginator.count
        == 0
    )
    assert (
        login(other_coordinator).get(reverse("plans:edit", args=[issued_plan.pk])).status_code
        == 404
    )
