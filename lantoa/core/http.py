"""The request type of pages behind sign-in, for the type checker (issue 11, item 9)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lantoa.core.scoping import ScopedUser


class ScopedRequest(HttpRequest):
    """A request the sign-in middleware let through: its user is signed in and has a scope."""

    user: ScopedUser  # type: ignore[assignment]  # never AnonymousUser past the middleware
    htmx: Any  # django-htmx's details of an htmx request (falsy otherwise)
