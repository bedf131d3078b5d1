"""Uploading a plan, reviewing what was read, saving it in one transaction; scope of plans and
tasks (P2, O1.1; issue 3)."""

import datetime as dt

import time_machine
from django.urls import reverse

from conftest import SEED_FILE, review_form_data
from conftest import upload_plan as upload
from lantoa.org.models import Unit
from lantoa.plans.models import Plan, PlanImport, Task, TaskOccurrence
from lantoa.plans.selectors import PeriodFilters, bucket_counts, period_list_for, task_list_for

K = Unit.Kind


def test_p2_upload_shows_review_and_saves_nothing_yet(coordinator, ward_units, login):
    client = login(coordinator)
    response = upload(client)
    assert response.status_code == 302
    record = PlanImport.objects.get()
    review = client.get(response.url)
    body = review.content.decode()
    assert "Kiểm tra kế hoạch vừa đọc" in body
    assert "Mục tiêu thứ 4 lặp lại nguyên văn mục tiêu thứ 3." in body
    assert "Bỏ mục trùng này" in body
    assert Plan.objects.count() == 0 and Task.objects.count() == 0
    assert record.parsed["title"].startswith("Đẩy mạnh công tác truyền thông")


def test_p2_confirm_saves_the_plan_with_tasks_for_the_named_units(coordinator, ward_units, login):
    world = ward_units
    client = login(coordinator)
    review_url = upload(client).url
    data = review_form_data(client.get(review_url).content.decode())
    data["number"] = "12/KH-UBND"
    data["date"] = "15/03/2026"
    response = client.post(review_url, data)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert (plan.number, plan.date, plan.issuer) == ("12/KH-UBND", dt.date(2026, 3, 15), world.ward)
    assert (plan.start_year, plan.end_year) == (2026, 2035)
    assert plan.signer_name == "Phan Đình Huy"
    assert plan.legal_bases.count() == 4
    assert plan.objectives.filter(kind="general").count() == 5  # the duplicate was dropped
    assert plan.targets.count() == 6
    # "Giao Trung tâm Dịch vụ tổng hợp phường ..." is led by the centre
    radio = Task.objects.get(title__startswith="Giao Trung tâm Dịch vụ tổng hợp")
    assert radio.lead_unit == world.centre and radio.recurrence == "yearly"
    # "Các cơ sở giáo dục trực thuộc" fans out to every school: 5 duties x 2 schools
    school_tasks = Task.objects.filter(source="responsibility", lead_unit__kind=K.SCHOOL)
    assert school_tasks.count() == 10
    assert {t.lead_unit for t in school_tasks} == {world.school_a, world.school_b}
    # the Front, its organisations and the residential groups are asked, not assigned
    requested = Task.objects.filter(requested=True)
    assert {t.lead_unit.kind for t in requested} == {
        K.FRONT,
        K.MASS_ORGANISATION,
        K.RESIDENTIAL_GROUP,
    }
    honour = Task.objects.get(title__contains="Ngày Nhà giáo Việt Nam 20/11")
    assert honour.occasion == "20/11"
    assert honour.occurrences.count() == 10  # 2026..2035
    assert plan.distributions.filter(mode="paper").count() == 1
    assert PlanImport.objects.get().status == PlanImport.Status.CONFIRMED
    assert client.get(review_url).status_code == 302  # the review now leads to the plan


def test_a_failed_confirm_leaves_nothing(coordinator, ward_units, login, monkeypatch):
    from lantoa.plans import plan_import

    client = login(coordinator)
    review_url = upload(client).url
    data = review_form_data(client.get(review_url).content.decode())

    def broken(task, plan):
        raise RuntimeError("disk full")

    monkeypatch.setattr(plan_import, "occurrences_create", broken)
    client.raise_request_exception = False
    assert client.post(review_url, data).status_code == 500
    assert Plan.objects.count() == 0 and Task.objects.count() == 0


def test_unknown_unit_can_be_created_from_the_review(coordinator, world, login):
    text = SEED_FILE.read_text().replace(
        "2. Phòng Kinh tế, Hạ tầng và Đô thị", "2. Ban Quản lý chợ phường"
    )
    client = login(coordinator)
    review_url = upload(client, text.encode()).url
    page = client.get(review_url).content.decode()
    assert "Tạo đơn vị mới «Ban Quản lý chợ phường»" in page
    data = review_form_data(page)
    data["resp-1-units"] = "new"
    client.post(review_url, data)
    market = Unit.objects.get(name="Ban Quản lý chợ phường")
    assert market.parent == world.ward
    assert Task.objects.filter(lead_unit=market).count() == 3


def test_bad_file_on_upload_gets_the_message(coordinator, world, login):
    response = upload(login(coordinator), b"Thong bao lich truc Tet\n", "thong-bao.txt")
    assert response.status_code == 200
    assert "Không nhận ra văn bản này là kế hoạch" in response.content.decode()
    assert PlanImport.objects.count() == 0


def test_school_sees_only_its_tasks_and_another_ward_gets_404(
    issued_plan, school_a_officer, other_coordinator, world, login
):
    mine = task_list_for(school_a_officer)
    assert mine.count() == 5 and {t.lead_unit for t in mine} == {world.school_a}
    client = login(school_a_officer)
    other_school_task = Task.objects.filter(lead_unit=world.school_b).first()
    assert client.get(other_school_task.get_absolute_url()).status_code == 404
    page = client.get(issued_plan.get_absolute_url())  # the ward's plan, which the school runs
    assert page.status_code == 200
    assert page.context["tasks"].count() == 5  # its own tasks only
    outsider = login(other_coordinator)
    assert outsider.get(issued_plan.get_absolute_url()).status_code == 404
    assert outsider.get(mine.first().get_absolute_url()).status_code == 404
    record = PlanImport.objects.get()
    assert outsider.get(reverse("plans:import_review", args=[record.pk])).status_code == 404


def test_a_draft_stays_with_its_author_until_it_is_issued(
    saved_plan, coordinator, school_a_officer, world, login
):
    """O4.1: a ward's draft is neither listed nor readable by the schools it names."""
    client = login(school_a_officer)
    task = Task.objects.filter(lead_unit=world.school_a).first()
    assert client.get(saved_plan.get_absolute_url()).status_code == 404
    assert client.get(task.get_absolute_url()).status_code == 404
    assert saved_plan not in client.get(reverse("plans:list")).context["plans"]
    assert task_list_for(school_a_officer).count() == 0
    assert login(coordinator).get(saved_plan.get_absolute_url()).status_code == 200


@time_machine.travel(dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC), tick=False)
def test_four_buckets_count_the_periods_begun_by_the_day(issued_plan, coordinator):
    honour = TaskOccurrence.objects.filter(task__occasion="20/11").order_by("due")
    first = honour[0]  # 20/11/2026, now past
    first.status, first.completed_on = "done", dt.date(2026, 11, 20)
    first.save()
    selection = period_list_for(coordinator, PeriodFilters(plan=issued_plan))
    buckets = bucket_counts(selection)
    # periods of 2026 are past, 2027's have begun, 2028+ do not count yet; subtasks have none
    assert buckets["done_on_time"] == 1
    assert buckets["open_overdue"] > 0 and buckets["open_in_time"] > 0
    top = TaskOccurrence.objects.filter(task__plan=issued_plan, task__parent__isnull=True)
    begun = top.filter(starts__year__lte=2027).count() + top.filter(starts__isnull=True).count()
    assert sum(buckets.values()) == begun == selection.count()
    # read on an earlier day, the period done on 20/11/2026 was still open then
    earlier = bucket_counts(
        period_list_for(coordinator, PeriodFilters(plan=issued_plan, at=dt.date(2026, 11, 19)))
    )
    assert earlier["done_on_time"] == 0


def test_periods_never_start_before_the_plan(issued_plan):
    """Issue 10, item 10: a plan dated 16/03/2026 has no period that ended before that day,
    and the first one starts on it."""
    from lantoa.plans.services import task_update

    task = Task.objects.filter(plan=issued_plan, parent__isnull=True).first()
    task_update(actor=None, task=task, recurrence="quarterly")
    periods = list(task.occurrences.order_by("due"))
    assert periods[0].label == "03/2026" and periods[0].starts == dt.date(2026, 3, 16)
    assert all(p.due >= dt.date(2026, 3, 16) for p in periods)
    december = Task.objects.filter(plan=issued_plan, parent__isnull=True).last()
    task_update(actor=None, task=december, recurrence="quarterly", start=dt.date(2026, 12, 1))
    labels = list(december.occurrences.order_by("due").values_list("label", flat=True))
    assert labels[0] == "12/2026"


def test_task_list_query_count_is_bounded(
    issued_plan, coordinator, login, django_assert_max_num_queries
):
    client = login(coordinator)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("plans:task_list"))
    assert response.status_code == 200
    assert (
        response.context["page"].paginator.count
        == issued_plan.tasks.filter(parent__isnull=True).count()
    )


def test_plan_page_counts_incomplete_06ro(saved_plan, coordinator, login):
    body = login(coordinator).get(saved_plan.get_absolute_url()).content.decode()
    assert "nhiệm vụ chưa đủ «06 rõ»" in body
