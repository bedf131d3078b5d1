"""Login by username or e-mail (issue 2, item 6), one identity for sign-in and lockout
(issue 12, item 1)."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from lantoa.accounts.models import User


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if not username or password is None:
            return None
        try:
            user = User.objects.get_by_login(username)
        except (User.DoesNotExist, User.MultipleObjectsReturned):
            User().set_password(password)  # same work as a real check: no timing oracle
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def login_identity(request: HttpRequest | None, credentials: dict[str, Any]) -> str:
    """What the lockout counts failures against: the account's lower-cased username, whether
    it was typed in another casing or as the e-mail; the lower-cased text for no account."""
    login = str((credentials or {}).get("username") or "").strip()
    try:
        return User.objects.get_by_login(login).username.lower()
    except (User.DoesNotExist, User.MultipleObjectsReturned):
        return login.lower()
