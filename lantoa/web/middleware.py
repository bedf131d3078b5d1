"""Vietnamese first: the interface is Vietnamese unless the user chose English (issue 2, item 8).

Django's LocaleMiddleware would follow the browser's Accept-Language, and many officials'
computers run an English browser; so only the choice made with the language switch (the
language cookie) changes the language.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class VietnameseFirstLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class OwnErrorPagesMiddleware:
    """Our Vietnamese 404 and 500 pages even when DEBUG is on, as under `make run` (issue 14,
    item 8): people trying the demo never meet Django's English debug pages. Django still logs
    a 500's traceback to the console; LANTOA_DEBUG_PAGES=1 brings its debug pages back."""

    # Django's debug pages (views.debug) all carry this tag; our pages never do
    DEBUG_PAGE_MARK = b'<meta name="robots" content="NONE,NOARCHIVE">'

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            settings.DEBUG
            and not settings.LANTOA_DEBUG_PAGES
            and response.status_code in (404, 500)
            and not response.streaming
            and self.DEBUG_PAGE_MARK in response.content
        ):
            from lantoa.web import views

            if response.status_code == 404:
                return views.page_not_found(request)
            return views.server_error(request)
        return response
