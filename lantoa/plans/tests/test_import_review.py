"""The review of an imported plan as a working copy (issue 13, items 4 and 9): leads for many
tasks at once, merge and split, warnings that link to their rows, a draft resumed later."""

import datetime as dt

import pytest

from conftest import review_form_data
from conftest import upload_plan as upload
from lantoa.plans.models import Plan, PlanImport, Task
from lantoa.plans.tests.documents import docx_with_header_and_table


@pytest.fixture
def review(coordinator, ward_units, login):
    client = login(coordinator)
    url = upload(client).url
    return client, url


def tasks_of(record: PlanImport) -> list[dict]:
    record.refresh_from_db()
    return [t for g in record.parsed["task_groups"] for t in g["tasks"]]


def test_a_lead_given_to_many_ticked_tasks_at_once(review, ward_units):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    centre = str(ward_units.centre.pk)

    response = client.post(
        url, {**data, "action": "lead_many", "selected": ["1-0", "1-1"], "bulk-lead": centre}
    )

    assert response.status_code == 302 and response.url.endswith("#tasks")
    record = PlanImport.objects.get()
    groups = record.parsed["task_groups"]
    assert [t["lead_choice"] for t in groups[1]["tasks"][:2]] == [centre, centre]
    assert groups[0]["tasks"][0]["lead_choice"] == data.get("task-0-0-lead")  # kept as shown
    page = client.get(url).content.decode()
    assert page.count(f'<option value="{centre}" selected') >= 2
    assert record.draft_saved_at is not None
    assert Plan.objects.count() == 0  # nothing saved as a plan yet


def test_asking_for_a_lead_without_ticking_says_what_to_do(review):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    page = client.post(url, {**data, "action": "lead_many"}, follow=True).content.decode()
    assert "Chọn (đánh dấu) ít nhất một nhiệm vụ" in page


def test_two_tasks_merge_into_one_and_one_splits_at_its_semicolon(review):
    client, url = review
    record = PlanImport.objects.get()
    count = len(tasks_of(record))
    first, second = record.parsed["task_groups"][0]["tasks"][:2]
    data = review_form_data(client.get(url).content.decode())

    client.post(url, {**data, "action": "merge", "selected": ["0-0", "0-1"]})

    merged = tasks_of(record)
    assert len(merged) == count - 1
    assert merged[0]["text"] == f"{first['text'].rstrip(' ;.')}; {second['text'].rstrip(' ;.')}"
    data = review_form_data(client.get(url).content.decode())
    assert 'value="split-0-0"' in client.get(url).content.decode()

    client.post(url, {**data, "action": "split-0-0"})

    again = tasks_of(record)
    assert len(again) == count
    assert [again[0]["text"], again[1]["text"]] == [
        first["text"].rstrip(" ;."),
        second["text"].rstrip(" ;."),
    ]


def test_merging_across_groups_is_refused_with_the_reason(review):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    page = client.post(
        url, {**data, "action": "merge", "selected": ["0-0", "1-0"]}, follow=True
    ).content.decode()
    assert "Chỉ gộp được các nhiệm vụ trong cùng một nhóm." in page


def test_a_draft_keeps_typed_partners_and_times_and_is_listed_to_resume(review):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    data.update({"task-0-1-partners": "Hội Khuyến học phường; Đoàn Thanh niên phường",
                 "task-0-1-time": "Quý II/2026", "action": "draft"})  # fmt: skip

    client.post(url, data)

    task = tasks_of(PlanImport.objects.get())[1]
    assert task["support_units"] == ["Hội Khuyến học phường", "Đoàn Thanh niên phường"]
    assert task["time"] == "Quý II/2026"
    listing = client.get("/plans/import/").content.decode()
    assert 'data-testid="open-imports"' in listing and "nháp lưu lúc" in listing
    page = client.get(url).content.decode()
    assert 'value="Quý II/2026"' in page and "Bản nháp lưu lúc" in page


def test_each_warning_links_to_its_row(review):
    client, url = review
    page = client.get(url).content.decode()
    record = PlanImport.objects.get()
    where = next(w["where"] for w in record.parsed["warnings"] if w["where"].startswith("task_"))
    g, t = (int(n) for n in where.replace("]", "[").split("[")[1::2])
    assert f'href="#task-{g}-{t}"' in page and f'id="task-{g}-{t}"' in page


def test_the_date_read_from_a_docx_is_on_the_review_page(coordinator, ward_units, login):
    client = login(coordinator)
    url = upload(client, docx_with_header_and_table(), "ke-hoach.docx").url
    page = client.get(url).content.decode()
    assert 'value="05/03/2026"' in page


def test_another_wards_coordinator_cannot_open_or_post_the_review(review, other_coordinator, login):
    _client, url = review
    intruder = login(other_coordinator)
    assert intruder.get(url).status_code == 404
    assert intruder.post(url, {"action": "draft"}).status_code == 404
    assert "open-imports" not in intruder.get("/plans/import/").content.decode()


def test_the_saved_plan_takes_the_drafts_partners(review, ward_units):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    data.update({"task-0-1-partners": ward_units.school_a.name, "action": "draft"})
    client.post(url, data)
    data = review_form_data(client.get(url).content.decode())
    data.update({"number": "12/KH-UBND", "date": "15/03/2026", "action": "save"})

    client.post(url, data)

    task = Task.objects.get(plan=Plan.objects.get(), position=1)
    assert list(task.support_units.all()) == [ward_units.school_a]
    assert Plan.objects.get().date == dt.date(2026, 3, 15)


@pytest.mark.parametrize(
    "extra",
    [
        {"action": "lead_many", "selected": ["99-99"], "bulk-lead": "1"},
        {"action": "merge", "selected": ["0-0", "0-99"]},
        {"action": "split-0-999"},
        {"action": "split-99-0"},
        {"action": "lead_many", "selected": ["0-0"], "bulk-lead": "abc"},
        {"action": "save", "task-0-0-lead": "abc"},
        {"action": "draft", "task-0-0-lead": "abc"},
        {"action": "nonsense"},
    ],
)
def test_odd_posts_are_refused_with_a_message_and_store_nothing_odd(review, extra):
    """Review finding: positions out of range answered 500; any lead value was stored."""
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    response = client.post(url, {**data, **extra})
    assert response.status_code in (200, 302)
    leads = {t.get("lead_choice") for t in tasks_of(PlanImport.objects.get())}
    assert "abc" not in leads
    assert client.get(url).status_code in (200, 302)  # 302: saved, the plan opens instead


def test_a_page_opened_before_a_merge_cannot_write_onto_the_moved_rows(review):
    client, url = review
    stale = review_form_data(client.get(url).content.decode())
    client.post(url, {**stale, "action": "merge", "selected": ["0-0", "0-1"]})
    record = PlanImport.objects.get()
    before = tasks_of(record)

    page = client.post(
        url, {**stale, "task-0-1-time": "Quý IV/2026", "action": "draft"}, follow=True
    )

    assert "Trang này đã cũ" in page.content.decode()
    assert tasks_of(record) == before


def test_a_draft_keeps_the_date_and_the_dropped_objectives(review):
    client, url = review
    data = review_form_data(client.get(url).content.decode())
    data.pop("objective-3-drop", None)  # keep the duplicate this time
    client.post(url, {**data, "date": "20/03/2026", "action": "draft"})

    page = client.get(url).content.decode()
    assert 'value="20/03/2026"' in page
    assert 'name="objective-3-drop" id="drop-3" value="1">' in page  # no longer ticked
