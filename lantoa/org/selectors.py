"""Every read of units, people and audiences, filtered by the user's scope (issue 2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from lantoa.core.scoping import ScopedUser, get_in_scope, scope_filter
from lantoa.core.text import fold
from lantoa.org.models import Audience, Person, RosterImport, Unit

# Units expected to keep a roster of their staff (mass organisations and groups need not).
ROSTERED_KINDS = [
    Unit.Kind.PEOPLE_COMMITTEE,
    Unit.Kind.CULTURE_SOCIETY_OFFICE,
    Unit.Kind.ECONOMY_OFFICE,
    Unit.Kind.OFFICE,
    Unit.Kind.SERVICE_CENTRE,
    Unit.Kind.SCHOOL,
]


def unit_list_for(user: ScopedUser, *, write: bool = False) -> QuerySet[Unit]:
    """Units the user may read (or write), in tree order."""
    return scope_filter(Unit.objects.all(), user.scope, "path", write=write).order_by("path")


def unit_get_for(user: ScopedUser, pk: object, *, write: bool = False) -> Unit:
    return get_in_scope(
        Unit.objects.select_related("parent", "division", "head"),
        user.scope,
        "path",
        pk,
        write=write,
    )


@dataclass(frozen=True)
class TreeRow:
    unit: Unit
    depth: int
    people_count: int


def unit_tree_for(user: ScopedUser) -> list[TreeRow]:
    """The user's units as an indented tree, siblings by kind then name; one query."""
    units = list(
        unit_list_for(user).annotate(
            people_count=Count("people", filter=Q(people__active_to__isnull=True))
        )
    )
    by_parent: dict[int | None, list[Unit]] = {}
    ids = {u.pk for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    kind_order = {kind: i for i, kind in enumerate(Unit.Kind.values)}
    rows: list[TreeRow] = []

    def walk(parent: int | None, depth: int) -> None:
        children = sorted(
            by_parent.get(parent, []), key=lambda u: (kind_order[u.kind], u.name_folded)
        )
        for child in children:
            rows.append(TreeRow(child, depth, child.people_count))  # type: ignore[attr-defined]
            walk(child.pk, depth + 1)

    walk(None, 0)
    return rows


def ward_root_of(unit: Unit) -> Unit:
    """The People's Committee whose subtree holds `unit` (the unit itself if it is one)."""
    if unit.is_ward_root:
        return unit
    root = (
        Unit.objects.filter(pk__in=unit.ancestor_ids(), kind=Unit.Kind.PEOPLE_COMMITTEE)
        .order_by("-depth")
        .first()
    )
    return root or unit


def department_of(ward: Unit) -> Unit | None:
    """Sở GD&ĐT of the ward's province, when it is in the system (it receives the ward's
    reports and the plan's "Sở GD&ĐT" line)."""
    if ward.division is None or ward.division.parent_id is None:
        return None
    return Unit.objects.filter(
        kind=Unit.Kind.PROVINCIAL_DEPARTMENT, division_id=ward.division.parent_id
    ).first()


def signer_of(unit: Unit) -> tuple[str, str]:
    """Who signs a unit's own documents (a school's plan or report): its head's position in
    capitals and name; the customary title when no head is recorded yet."""
    default = "HIỆU TRƯỞNG" if unit.kind == Unit.Kind.SCHOOL else "THỦ TRƯỞNG ĐƠN VỊ"
    if unit.head is None:
        return default, ""
    return (unit.head.position or default).upper(), unit.head.full_name


def person_list_for(
    user: ScopedUser,
    *,
    query: str = "",
    unit: Unit | None = None,
    include_subunits: bool = False,
    staff_category: str = "",
    missing_contact: bool = False,
) -> QuerySet[Person]:
    """The roster the user may read; `query` matches names ignoring case and diacritics."""
    people = scope_filter(Person.objects.select_related("unit"), user.scope, "unit__path")
    people = people.filter(active_to__isnull=True)  # the current roster
    if unit is not None:
        people = (
            people.filter(unit__path__startswith=unit.path)
            if include_subunits
            else people.filter(unit=unit)
        )
    if staff_category:
        people = people.filter(staff_category=staff_category)
    if missing_contact:
        people = people.filter(email="", phone="")
    if query.strip():
        people = people.filter(name_folded__contains=fold(query))
    return people.order_by("unit__path", "name_folded", "pk")


def person_get_for(user: ScopedUser, pk: object, *, write: bool = False) -> Person:
    return get_in_scope(
        Person.objects.select_related("unit"), user.scope, "unit__path", pk, write=write
    )


def roster_import_list_for(user: ScopedUser) -> QuerySet[RosterImport]:
    return scope_filter(
        RosterImport.objects.select_related("unit", "uploaded_by"), user.scope, "unit__path"
    ).order_by("-created_at", "-id")


def roster_import_get_for(user: ScopedUser, pk: object) -> RosterImport:
    return get_in_scope(RosterImport.objects.select_related("unit"), user.scope, "unit__path", pk)


def units_missing(user: ScopedUser, what: str) -> QuerySet[Unit]:
    """Units of the user's scope that lack a roster (`roster`) or a recorded head (`head`)."""
    units = unit_list_for(user).filter(kind__in=ROSTERED_KINDS)
    if what == "roster":
        return units.exclude(people__active_to__isnull=True)
    if what == "head":
        return units.filter(head__isnull=True)
    return units.none()


def ward_units_for_choice(user: ScopedUser) -> QuerySet[Unit]:
    """Names of the units in the wards of the user's own units, for choice lists only (a school
    picks the ward office it organised an event with). Rosters stay behind the scope."""
    roots = {ward_root_of(a.unit).path for a in getattr(user, "roles", [])}
    if getattr(user, "is_superuser", False) and not roots:
        return Unit.objects.order_by("path")
    condition = Q(pk__in=[])
    for path in roots:
        condition |= Q(path__startswith=path)
    return Unit.objects.filter(condition).only("pk", "name", "path").order_by("path")


def audience_choices_for(user: ScopedUser) -> QuerySet[Audience]:
    """The audience groups of the user's wards and units, for choice lists."""
    units = ward_units_for_choice(user).values("pk")
    return (
        Audience.objects.filter(unit__in=units)
        .select_related("unit")
        .order_by("unit__path", "name")
    )
