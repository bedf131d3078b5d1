"""Every role reads and writes only its own scope; another unit's object answers 404 (issue 2)."""

import pytest
from django.urls import reverse

from lantoa.org.models import Person
from lantoa.org.selectors import person_list_for, unit_list_for

ALL_ROLES = [
    "coordinator",
    "leader",
    "school_a_officer",
    "school_b_officer",
    "editor",
    "budget_officer",
    "province_viewer",
    "contributor",
]

# Which of the cast's people each role may read.
READABLE = {
    "coordinator": {"teacher_a", "teacher_b", "official"},
    "leader": {"teacher_a", "teacher_b", "official"},
    "school_a_officer": {"teacher_a"},
    "school_b_officer": {"teacher_b"},
    "editor": set(),
    "budget_officer": set(),
    "province_viewer": set(),
    "contributor": {"teacher_a"},
}
WRITABLE = {
    "coordinator": {"teacher_a", "teacher_b", "official"},
    "leader": set(),
    "school_a_officer": {"teacher_a"},
    "school_b_officer": {"teacher_b"},
    "editor": set(),
    "budget_officer": set(),
    "province_viewer": set(),
    "contributor": set(),
}
PEOPLE = ["teacher_a", "teacher_b", "official", "other_teacher"]


@pytest.mark.parametrize("role", ALL_ROLES)
def test_roster_selector_returns_exactly_the_roles_scope(role, request, world):
    user = request.getfixturevalue(role)
    names = set(person_list_for(user).values_list("pk", flat=True))
    expected = {getattr(world, p).pk for p in READABLE[role]}
    # editor and budget officer see their own units' people only (none in the cast)
    assert names == expected


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("person", PEOPLE)
def test_person_page_answers_404_outside_scope(role, person, request, world, login):
    user = request.getfixturevalue(role)
    target = getattr(world, person)
    response = login(user).get(reverse("org:person_detail", args=[target.pk]))
    assert response.status_code == (200 if person in READABLE[role] else 404)


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("person", PEOPLE)
def test_person_edit_is_allowed_only_where_the_role_writes(role, person, request, world, login):
    user = request.getfixturevalue(role)
    target = getattr(world, person)
    client = login(user)
    url = reverse("org:person_edit", args=[target.pk])
    response = client.post(
        url,
        {
            "full_name": "Tên Đã Sửa",
            "staff_category": target.staff_category,
            "unit": target.unit_id,
            "birth_date": "17/05/1985",
            "active_from": "01/01/2025",
        },
    )
    target.refresh_from_db()
    if person in WRITABLE[role]:
        assert response.status_code == 302
        assert target.full_name == "Tên Đã Sửa"
    else:
        # readers who may not write get 403; everyone else cannot even see it
        assert response.status_code == (403 if person in READABLE[role] else 404)
        assert target.full_name != "Tên Đã Sửa"


@pytest.mark.parametrize("role", ALL_ROLES)
def test_unit_pages_follow_scope(role, request, world, login):
    user = request.getfixturevalue(role)
    client = login(user)
    visible = set(unit_list_for(user).values_list("pk", flat=True))
    for unit in [world.ward, world.school_a, world.school_b, world.other_school, world.department]:
        response = client.get(reverse("org:unit_detail", args=[unit.pk]))
        assert response.status_code == (200 if unit.pk in visible else 404)
    assert world.other_school.pk not in visible


def test_school_officer_cannot_open_other_school_person_by_guessed_url(
    school_a_officer, world, login
):
    client = login(school_a_officer)
    assert client.get(f"/org/people/{world.teacher_b.pk}/").status_code == 404
    assert client.get(f"/org/people/{world.teacher_b.pk}/edit/").status_code == 404
    assert client.get(f"/org/units/{world.school_b.pk}/edit/").status_code == 404
    assert client.get("/org/people/999999/").status_code == 404


def test_coordinator_cannot_reach_another_ward(coordinator, world, login):
    client = login(coordinator)
    assert client.get(f"/org/people/{world.other_teacher.pk}/").status_code == 404
    assert client.get(f"/org/units/{world.other_ward.pk}/").status_code == 404


def test_school_officer_cannot_create_a_person_in_another_school(school_a_officer, world, login):
    client = login(school_a_officer)
    response = client.post(
        reverse("org:person_create"),
        {"full_name": "Người Lạ", "staff_category": "teacher", "unit": world.school_b.pk},
    )
    assert response.status_code == 200  # the form refuses the unit: it is not a choice
    assert "unit" in response.context["form"].errors
    assert not Person.objects.filter(full_name="Người Lạ").exists()


def test_unit_filter_on_person_list_cannot_widen_scope(school_a_officer, world, login):
    response = login(school_a_officer).get(reverse("org:person_list"), {"unit": world.school_b.pk})
    assert response.status_code == 404


def test_coordinator_moves_a_teacher_and_history_is_kept(coordinator, world, login):
    client = login(coordinator)
    response = client.post(
        reverse("org:person_edit", args=[world.teacher_a.pk]),
        {
            "full_name": world.teacher_a.full_name,
            "staff_category": "teacher",
            "unit": world.school_b.pk,
            "birth_date": "17/05/1985",
            "active_from": "01/01/2025",
        },
    )
    assert response.status_code == 302
    postings = list(world.teacher_a.postings.order_by("start"))
    assert [p.unit_id for p in postings] == [world.school_a.pk, world.school_b.pk]
    assert postings[0].end is not None and postings[1].end is None
