"""From a user's roles to their Scope (the mechanism itself is lantoa.core.scoping)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lantoa.accounts.roles import ROLE_READ_REACH, WRITERS
from lantoa.core.scoping import Scope
from lantoa.org.models import Unit
from lantoa.org.selectors import ward_root_of

if TYPE_CHECKING:
    from lantoa.accounts.models import RoleAssignment


def scope_for_roles(assignments: Iterable[RoleAssignment], *, is_superuser: bool) -> Scope:
    """Union of what each role reaches (ROLE_READ_REACH); writers write where they read.

    A province viewer bound to a provincial department reads the wards of that department's
    province (issue 4: "the province viewer sees its wards side by side"); the contributor sees
    its own unit's records.
    """
    read: set[str] = set()
    write: set[str] = set()
    homes: set[tuple[str, str]] = set()
    stations: set[str] = set()
    for assignment in assignments:
        reach = ROLE_READ_REACH[assignment.role]
        unit = assignment.unit
        path = ward_root_of(unit).path if reach == "ward" else unit.path
        read.add(path)
        homes.add((assignment.role, path))
        stations.add(unit.path)
        if reach == "province":
            read.update(province_ward_paths(unit))
        if assignment.role in WRITERS:
            write.add(path)
    return Scope(
        read_paths=frozenset(read),
        write_paths=frozenset(write),
        is_superuser=is_superuser,
        homes=frozenset(homes),
        stations=frozenset(stations),
    )


def province_ward_paths(unit: Unit) -> list[str]:
    """The People's Committees of the communes and wards in the unit's province."""
    if unit.division_id is None:
        return []
    return list(
        Unit.objects.filter(
            kind=Unit.Kind.PEOPLE_COMMITTEE, division__parent_id=unit.division_id
        ).values_list("path", flat=True)
    )
