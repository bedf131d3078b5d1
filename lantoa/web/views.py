"""The shell: home page per role and the Vietnamese error pages (issue 2, item 8)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lantoa.web.selectors import home_summary_for


def home(request: HttpRequest) -> HttpResponse:
    summary = home_summary_for(request.user)  # type: ignore[arg-type]
    return render(request, "web/home.html", {"summary": summary, "roles": request.user.roles})  # type: ignore[union-attr]


def _error(template: str, status: int) -> Callable[..., HttpResponse]:
    @login_not_required
    def handler(request: HttpRequest, exception: Any = None) -> HttpResponse:
        return render(request, template, status=status)

    return handler


bad_request = _error("errors/400.html", 400)
permission_denied = _error("errors/403.html", 403)
page_not_found = _error("errors/404.html", 404)


@login_not_required
def server_error(request: HttpRequest) -> HttpResponse:
    # no context processors: the database may be what failed
    from django.template import loader

    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)
