"""A school makes its plan from the ward's; the ward sees who has and who has not (O4.1, O1.3)."""

import pytest
from django.urls import reverse

from lantoa.plans.models import Plan, Task
from lantoa.plans.selectors import child_plans_of


def test_o4_1_school_derives_its_plan_with_linked_tasks(
    issued_plan, school_a_officer, world, login
):
    client = login(school_a_officer)
    response = client.post(
        reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.school_a.pk}
    )
    assert response.status_code == 302
    child = Plan.objects.get(parent=issued_plan)
    assert child.issuer == world.school_a and child.status == "draft"
    copies = list(child.tasks.all())
    originals = Task.objects.filter(plan=issued_plan, lead_unit=world.school_a, parent__isnull=True)
    assert len(copies) == originals.count() == 5
    assert {c.parent_task_id for c in copies} == {o.pk for o in originals}
    assert all(c.occurrences.exists() for c in copies)
    last_basis = child.legal_bases.order_by("position").last()
    assert last_basis.issuer == world.ward.name  # the ward's plan is the school's basis
    assert client.get(child.get_absolute_url()).status_code == 200
    again = client.post(reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.school_a.pk})
    assert again.status_code == 302 and Plan.objects.filter(parent=issued_plan).count() == 1


def test_o1_3_parent_plan_shows_which_units_have_a_plan(
    issued_plan, school_a_officer, coordinator, world, login
):
    login(school_a_officer).post(
        reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.school_a.pk}
    )
    rows = {row.unit: row.plan for row in child_plans_of(issued_plan)}
    assert rows[world.school_a] is not None
    assert rows[world.school_b] is None
    body = login(coordinator).get(issued_plan.get_absolute_url()).content.decode()
    assert (
        "Kế hoạch của các đơn vị" in body and "chưa có kế hoạch" not in body
    )  # the coordinator may make it
    assert "Lập kế hoạch của đơn vị" in body


def test_school_cannot_derive_for_another_school(issued_plan, school_a_officer, world, login):
    response = login(school_a_officer).post(
        reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.school_b.pk}
    )
    assert response.status_code == 404
    assert not Plan.objects.filter(parent=issued_plan).exists()


def test_another_ward_cannot_see_or_derive(issued_plan, other_coordinator, world, login):
    client = login(other_coordinator)
    assert (
        client.post(
            reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.other_school.pk}
        ).status_code
        == 404
    )


def test_o4_1_a_school_issues_its_own_plan_with_its_own_number_and_signer(
    issued_plan, school_a_officer, coordinator, world, login
):
    """Issue 10, item 3: derive, fill the document blocks, issue — and the DOCX is the
    school's, signed by its head; T2 counts the school."""
    import datetime as dt
    import io

    import docx

    from conftest import make_person
    from lantoa.indicators.models import Indicator
    from lantoa.indicators.selectors import readings_for
    from lantoa.org.services import unit_update

    head = make_person("Vũ Thị Hạnh", world.school_a, "education_manager", position="Hiệu trưởng")
    unit_update(actor=None, unit=world.school_a, head=head)
    client = login(school_a_officer)
    client.post(reverse("plans:derive", args=[issued_plan.pk]), {"unit": world.school_a.pk})
    child = Plan.objects.get(parent=issued_plan)
    assert (child.signer_title, child.signer_name) == ("HIỆU TRƯỞNG", "Vũ Thị Hạnh")

    # the issue form proposes the school's own number; a wrong one is named and explained
    page = client.get(child.get_absolute_url()).content.decode()
    assert 'value="01/KH-THA"' in page
    refused = client.post(
        reverse("plans:issue", args=[child.pk]), {"number": "1/KH", "date": "05/04/2026"}
    )
    assert refused.status_code == 400 and "01/KH-THA" in refused.content.decode()
    child.refresh_from_db()
    assert child.status == "draft"

    # number, date, recipients on the edit page; then issued with a reason (06 rõ incomplete)
    edit = client.get(reverse("plans:edit", args=[child.pk])).context["form"]
    data = {name: edit[name].value() or "" for name in edit.fields}
    data.update(
        date="05/04/2026",
        place="An Hòa",
        electronic_recipients="UBND phường (để báo cáo)\nPhòng Văn hóa - Xã hội\nCán bộ, giáo viên nhà trường",
    )
    assert client.post(reverse("plans:edit", args=[child.pk]), data).status_code == 302
    from lantoa.plans.services import plan_issue

    plan_issue(
        actor=None,
        plan=Plan.objects.get(pk=child.pk),
        number="01/KH-THA",
        override_reason="Triển khai ngay đầu học kỳ",
    )
    child.refresh_from_db()
    assert (child.status, child.number, child.date) == ("issued", "01/KH-THA", dt.date(2026, 4, 5))

    document = docx.Document(
        io.BytesIO(client.get(reverse("plans:export", args=[child.pk])).content)
    )
    header = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert header[:2] == ["ỦY BAN NHÂN DÂN PHƯỜNG AN HÒA", "TRƯỜNG TIỂU HỌC THỬ A"]
    assert "Số: 01/KH-THA" in header
    signature = next(t for t in document.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    recipients, signer = (cell.text for cell in signature.rows[0].cells)
    assert "- Phòng Văn hóa - Xã hội;" in recipients
    assert signer.split("\n")[0] == "HIỆU TRƯỞNG" and signer.rstrip().endswith("Vũ Thị Hạnh")

    # T2 (schools with an issued plan), computed as its words propose, now counts school A
    rows = readings_for(world.ward)
    row = next(r for r in rows if r.target.indicator.kind == Indicator.Kind.UNIT_SHARE)
    assert row.target.plan == issued_plan and row.reading.numerator == 1


def test_a_unit_cannot_derive_from_a_draft(saved_plan, coordinator, world):
    from django.core.exceptions import ValidationError

    from lantoa.plans.services import CHILD_PLAN_PARENT_DRAFT, child_plan_create

    with pytest.raises(ValidationError) as error:
        child_plan_create(actor=coordinator, parent=saved_plan, unit=world.school_a)
    assert str(CHILD_PLAN_PARENT_DRAFT) in error.value.messages
