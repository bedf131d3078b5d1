"""The one scoping mechanism: which units' records a user may read and write.

Every unit carries a materialised `path` ("/00000001/00000007/"); a scope is a set of path
prefixes. `scope_filter` narrows any queryset to the records whose unit lies under one of
those prefixes. Selectors call it for every read, services call `Scope.can_write` for every
write. A user's scope is computed from their roles by `lantoa.accounts` (`User.scope`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class Scope:
    read_paths: frozenset[str] = field(default_factory=frozenset)
    write_paths: frozenset[str] = field(default_factory=frozenset)
    is_superuser: bool = False
    # (role, path): the unit each role held stands at — the ward's root for a coordinator or a
    # leader, the unit itself otherwise — for the rules that ask "which role, where".
    homes: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    # the units the roles are bound to (a coordinator's is the Culture-Society Office)
    stations: frozenset[str] = field(default_factory=frozenset)

    def home_paths(self, *roles: str) -> set[str]:
        return {path for role, path in self.homes if role in roles}

    def holds(self, path: str, *roles: str) -> bool:
        """One of the roles is held at exactly this unit (the ward's coordinator, the Sở's
        officer); always for a superuser."""
        return self.is_superuser or path in self.home_paths(*roles)

    def is_at(self, path: str) -> bool:
        """The user speaks for exactly this unit: a role is bound to it, or it is the home of
        a role (the ward for its coordinators and leaders). No pass for a superuser: opening
        a document sent to a unit records that the unit opened it."""
        return path in self.stations or any(path == home for _role, home in self.homes)

    def reaches(self, path: str, *roles: str) -> bool:
        """The unit lies within the home of one of the roles; always for a superuser."""
        return self.is_superuser or any(path.startswith(h) for h in self.home_paths(*roles))

    def can_read_path(self, path: str) -> bool:
        return self.is_superuser or any(path.startswith(p) for p in self.read_paths)

    def can_write_path(self, path: str) -> bool:
        return self.is_superuser or any(path.startswith(p) for p in self.write_paths)

    def can_read(self, unit: HasPath) -> bool:
        return self.can_read_path(unit.path)

    def can_write(self, unit: HasPath) -> bool:
        return self.can_write_path(unit.path)


class HasPath(Protocol):
    path: str


class ScopedUser(Protocol):
    @property
    def scope(self) -> Scope: ...


def _minimal(paths: Iterable[str]) -> list[str]:
    """Drop prefixes already covered by a shorter one, so the SQL stays short."""
    kept: list[str] = []
    for path in sorted(set(paths), key=lambda p: (len(p), p)):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return kept


def scope_condition(scope: Scope, path_field: str, *, write: bool = False) -> Q:
    """The records whose unit path (through `path_field`) starts with one of the scope's
    prefixes, as a condition to combine with others; all records for a superuser."""
    if scope.is_superuser:
        return Q()
    paths = _minimal(scope.write_paths if write else scope.read_paths)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{path_field}__startswith": path})
    return condition


def scope_filter(
    queryset: QuerySet[M],
    scope: Scope,
    path_field: str | tuple[str, ...],
    *,
    write: bool = False,
) -> QuerySet[M]:
    """Records whose unit path starts with one of the scope's prefixes (none if it has none).

    Several path fields mean "any of them": a task is in scope through its plan's issuer or
    through its lead unit.
    """
    if scope.is_superuser:
        return queryset
    if not (scope.write_paths if write else scope.read_paths):
        return queryset.none()
    fields = (path_field,) if isinstance(path_field, str) else path_field
    condition = Q(pk__in=[])
    for field_name in fields:
        condition |= scope_condition(scope, field_name, write=write)
    return queryset.filter(condition).distinct() if len(fields) > 1 else queryset.filter(condition)


def get_in_scope(
    queryset: QuerySet[M],
    scope: Scope,
    path_field: str | tuple[str, ...],
    pk: object,
    *,
    write: bool = False,
) -> M:
    """One record by pk: 404 when missing or outside the read scope; 403 when read-only.

    Missing and forbidden look the same to a reader (STYLE.md), so a guessed URL tells nothing.
    """
    try:
        obj = scope_filter(queryset, scope, path_field).get(pk=pk)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if write:
        fields = (path_field,) if isinstance(path_field, str) else path_field
        paths = [_follow(obj, name) for name in fields]
        if not any(p and scope.can_write_path(p) for p in paths):
            raise PermissionDenied
    return obj


def _follow(obj: object, path_field: str) -> str:
    value: object = obj
    for part in path_field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return ""
    return str(value)


def require_write(actor: ScopedUser | None, unit: HasPath) -> None:
    """Raise PermissionDenied unless `actor` may change records of `unit` (None: the system —
    the demo loader, commands, the worker)."""
    if actor is not None and not actor.scope.can_write(unit):
        raise PermissionDenied
