"""Sessions end after 30 idle minutes and at most 10 hours after sign-in; no page or file is
kept in a browser's or proxy's cache (issue 12, items 2 and 3)."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from lantoa.accounts.mfa import MFA_STATE, session_state
from lantoa.accounts.models import User

SIGNED_IN_AT = "lantoa_signed_in_at"
LAST_SEEN = "lantoa_last_seen"
LAST_SEEN_STEP = 60  # seconds: the session is written at most once a minute for this


def session_start(
    sender: object, request: HttpRequest, user: User | AnonymousUser, **kwargs: object
) -> None:
    """Signing in starts both clocks and says whether a second step is due (connected in
    AccountsConfig.ready)."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    session_state(request, user)


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            expired = self._expired(request)
            if expired is not None:
                return expired
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> HttpResponse | None:
        now = time.time()
        session = request.session
        signed_in = session.setdefault(SIGNED_IN_AT, now)
        last_seen = session.get(LAST_SEEN, now)
        idle = now - last_seen > settings.LANTOA_SESSION_IDLE_MINUTES * 60
        too_long = now - signed_in > settings.LANTOA_SESSION_MAX_HOURS * 3600
        if idle or too_long:
            logout(request)
            messages.info(
                request,
                _("Bạn đã không thao tác %(n)s phút nên phiên làm việc đã đóng; hãy đăng nhập lại.")
                % {"n": settings.LANTOA_SESSION_IDLE_MINUTES}
                if idle
                else _("Phiên làm việc đã quá %(n)s giờ; hãy đăng nhập lại.")
                % {"n": settings.LANTOA_SESSION_MAX_HOURS},
            )
            to_login = redirect_to_login(request.get_full_path())
            if getattr(request, "htmx", False):  # a partial would land inside the page
                return HttpResponse(status=204, headers={"HX-Redirect": to_login.url})
            return to_login
        if LAST_SEEN not in session or now - last_seen > LAST_SEEN_STEP:
            session[LAST_SEEN] = now
        return None


class MfaMiddleware:
    """Until the second step is done (or set up, where the role requires it), every page leads
    to it; only the two-step pages and signing out are open (issue 12, item 1)."""

    OPEN = ("/accounts/mfa/", "/accounts/logout/", "/i18n/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        state = (
            request.session.get(MFA_STATE) if user is not None and user.is_authenticated else None
        )
        if state and not request.path.startswith(self.OPEN):
            page = "accounts:mfa_verify" if state == "verify" else "accounts:mfa_setup"
            target = f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}"
            if getattr(request, "htmx", False):
                return HttpResponse(status=204, headers={"HX-Redirect": target})
            return redirect(target)
        return self.get_response(request)


class NoStoreMiddleware:
    """Every page and file Lan Tỏa itself answers carries personal or per-user data (or a CSRF
    token): `Cache-Control: no-store, private`, unless a view set its own. Static files are
    answered by WhiteNoise before this and keep their long caching."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response
