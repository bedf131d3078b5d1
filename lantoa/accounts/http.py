"""The request type of pages behind sign-in, for the type checker (issue 11, item 9)."""

from __future__ import annotations

from django.http import HttpRequest

from lantoa.accounts.models import User


class AuthedRequest(HttpRequest):
    """A request the sign-in middleware let through: its user is a signed-in `User`."""

    user: User
