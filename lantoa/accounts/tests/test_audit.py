"""The audit trail covers every domain model's writes and is scoped like the rest (issue 2)."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_person
from lantoa.accounts.models import Role
from lantoa.accounts.services import role_assign, role_revoke
from lantoa.core.dates import local_today
from lantoa.core.models import AuditEntry
from lantoa.org import services


def actions_for(obj):
    return list(
        AuditEntry.objects.filter(object_id=str(obj.pk), content_type__model=obj._meta.model_name)
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_unit_writes_are_audited_with_changed_fields(coordinator, world):
    services.unit_update(actor=coordinator, unit=world.school_a, phone="0209 3870 000")
    entry = AuditEntry.objects.filter(action="unit.changed").latest("id")
    assert entry.actor == coordinator
    assert entry.changes == {"phone": ["", "0209 3870 000"]}
    assert entry.unit_path == world.school_a.path
    assert actions_for(world.school_a) == ["unit.created", "unit.changed"]


def test_person_lifecycle_is_audited(coordinator, world):
    person = make_person("Ngô Thị Lụa", world.school_a)
    services.person_update(actor=coordinator, person=person, position="Tổ trưởng")
    services.person_move(
        actor=coordinator, person=person, unit=world.school_b, on=dt.date(2026, 9, 1)
    )
    person_id = person.pk
    services.person_delete(actor=coordinator, person=person)
    person.pk = person_id
    assert actions_for(person) == [
        "person.created",
        "person.changed",
        "person.moved",
        "person.deleted",
    ]
    changed = AuditEntry.objects.get(action="person.changed", object_id=str(person_id))
    assert changed.changes == {"position": ["", "Tổ trưởng"]}


def test_audience_and_role_writes_are_audited(coordinator, world, school_b_officer):
    audience = services.audience_create(actor=coordinator, unit=world.ward, name="Cha mẹ học sinh")
    services.audience_update(actor=coordinator, audience=audience, estimated_size=1200)
    services.audience_delete(actor=coordinator, audience=audience)
    assert [
        a
        for a in AuditEntry.objects.order_by("id").values_list("action", flat=True)
        if a.startswith("audience")
    ] == ["audience.created", "audience.changed", "audience.deleted"]
    assignment = role_assign(
        actor=coordinator, user=school_b_officer, role=Role.CONTRIBUTOR, unit=world.school_b
    )
    role_revoke(actor=coordinator, assignment=assignment)
    assert AuditEntry.objects.filter(action="role.assigned", actor=coordinator).exists()
    assert AuditEntry.objects.filter(action="role.revoked", actor=coordinator).exists()


def test_unchanged_save_writes_no_audit_row(coordinator, world):
    before = AuditEntry.objects.count()
    services.unit_update(actor=coordinator, unit=world.school_a, name=world.school_a.name)
    assert AuditEntry.objects.count() == before


def test_audit_page_is_for_the_coordinator_and_scoped(
    coordinator, other_coordinator, school_a_officer, world, login
):
    services.person_update(actor=coordinator, person=world.teacher_a, position="Tổng phụ trách Đội")
    mine = login(coordinator).get(reverse("accounts:audit"), {"record": "nguyen van an"})
    assert mine.status_code == 200
    assert "Tổng phụ trách Đội" in mine.content.decode()
    theirs = login(other_coordinator).get(reverse("accounts:audit"), {"record": "nguyen van an"})
    assert "Tổng phụ trách Đội" not in theirs.content.decode()
    assert login(school_a_officer).get(reverse("accounts:audit")).status_code == 403


def test_audit_page_filters_by_person_and_date(coordinator, world, login):
    services.person_update(actor=coordinator, person=world.teacher_b, phone="0911000222")
    client = login(coordinator)
    by_person = client.get(reverse("accounts:audit"), {"person": "coordinator"}).context["page"]
    assert {e.action for e in by_person} == {"person.changed", "auth.login"}
    today = local_today().strftime("%d/%m/%Y")
    assert len(client.get(reverse("accounts:audit"), {"date_from": today}).context["page"]) >= 1
    old = client.get(reverse("accounts:audit"), {"date_to": "01/01/2020"}).context["page"]
    assert len(old) == 0


@pytest.mark.parametrize("n", [40])
def test_audit_page_query_count_is_bounded(
    coordinator, world, login, n, django_assert_max_num_queries
):
    for i in range(n):
        services.person_update(actor=coordinator, person=world.teacher_a, position=f"Vị trí {i}")
    client = login(coordinator)
    with django_assert_max_num_queries(8):
        client.get(reverse("accounts:audit"))


def test_the_audit_page_shows_any_field_an_entry_holds(coordinator, world, login):
    """Issue 10, item 5: an entry about a reverse relation ("tasks" of a plan), an unknown key
    and a bare value all display instead of failing the page."""
    from lantoa.core.audit import audit_record
    from lantoa.plans.models import Plan

    plan = Plan.objects.create(issuer=world.ward, title="Kế hoạch thử")
    audit_record(
        actor=coordinator,
        action="plan.imported",
        obj=plan,
        unit_path=world.ward.path,
        changes={"tasks": [None, 33], "khong_co": "giá trị lẻ", "source": [None, "kh.docx"]},
    )
    response = login(coordinator).get(reverse("accounts:audit"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<strong>Nhiệm vụ</strong>: 33" in body and "giá trị lẻ" in body
