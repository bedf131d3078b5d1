"""A school makes its plan from the ward's; the ward sees who has and who has not (O4.1, O1.3)."""

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
