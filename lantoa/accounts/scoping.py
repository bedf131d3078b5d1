"""From a user's roles to their Scope (the mechanism itself is lantoa.core.scoping)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from lantoa.core.scoping import Scope
from lantoa.org.selectors import ward_root_of

if TYPE_CHECKING:
    from lantoa.accounts.models import RoleAssignment


def scope_for_roles(assignments: Iterable[RoleAssignment], *, is_superuser: bool) -> Scope:
    """Union of what each role reaches (ROLE_READ_REACH); writers write where they read.

    Read-only roles bound to a unit (province viewer, contributor) see that unit's own records;
    what other units send them arrives through the modules that send it (reports, articles).
    """
    from lantoa.accounts.models import ROLE_READ_REACH, WRITERS

    read: set[str] = set()
    write: set[str] = set()
    for assignment in assignments:
        reach = ROLE_READ_REACH[assignment.role]
        unit = assignment.unit
        path = ward_root_of(unit).path if reach == "ward" else unit.path
        read.add(path)
        if assignment.role in WRITERS:
            write.add(path)
    return Scope(
        read_paths=frozenset(read),
        write_paths=frozenset(write),
        is_superuser=is_superuser,
    )
