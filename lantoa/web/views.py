"""The shell: home page per role and the Vietnamese error pages (issue 2, item 8)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.accounts.models import Role
from lantoa.core.dates import local_today
from lantoa.core.files import private_file
from lantoa.core.http import ScopedRequest
from lantoa.org.models import Unit
from lantoa.org.selectors import person_get_for, unit_list_for
from lantoa.web import personal_data
from lantoa.web.dashboard import Period, dashboard_for, wards_side_by_side
from lantoa.web.forms import DashboardFilterForm
from lantoa.web.my_work import my_work_for
from lantoa.web.selectors import home_summary_for

WARDS_PER_PAGE = 20


def home(request: HttpRequest) -> HttpResponse:
    """«Việc của tôi»: the user's work first, then what needs attention (issue 14, item 1)."""
    user = request.user
    context = {
        "work": my_work_for(user),  # type: ignore[arg-type]
        "summary": home_summary_for(user),  # type: ignore[arg-type]
        "roles": user.roles,  # type: ignore[union-attr]
    }
    return render(request, "web/home.html", context)


def dashboard(request: HttpRequest) -> HttpResponse:
    """Targets, tasks and activities of one unit the user reads (its top unit by default); a
    province viewer starts from its wards side by side (issue 4, item 4)."""
    user = request.user
    units = unit_list_for(user)  # type: ignore[arg-type]
    default_unit = units.first()
    form = DashboardFilterForm(request.GET or None, units=units, default_unit=default_unit)
    data = form.cleaned_data if form.is_valid() else {}
    today = local_today()
    period = Period(
        data.get("date_from") or dt.date(today.year, 1, 1), data.get("date_to") or today
    )
    if period.end < period.start:
        period = Period(period.end, period.start)
    unit = data.get("unit")
    if unit is None and user.has_role(Role.PROVINCE_VIEWER):  # type: ignore[union-attr]
        wards = units.filter(kind=Unit.Kind.PEOPLE_COMMITTEE).order_by("name_folded")
        page = Paginator(wards, WARDS_PER_PAGE).get_page(request.GET.get("page"))
        rows = wards_side_by_side(list(page), at=period.end)
        return render(
            request,
            "web/dashboard_province.html",
            {"form": form, "page": page, "rows": rows, "period": period},
        )
    unit = unit or default_unit
    if unit is None:
        return render(request, "web/dashboard.html", {"form": form, "board": None})
    board = dashboard_for(user, unit, period, today)  # type: ignore[arg-type]
    return render(request, "web/dashboard.html", {"form": form, "board": board})


@login_not_required
def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest: Lan Tỏa added to a phone's home screen opens like an app
    (issue 14, item 8)."""
    icons = [
        {"src": static(f"lantoa/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({"src": static("lantoa/icon.svg"), "sizes": "any", "type": "image/svg+xml"})
    data = {
        "name": "Lan Tỏa",
        "short_name": "Lan Tỏa",
        "description": _("Truyền thông kế hoạch của phường, từ văn bản đến báo cáo"),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("web:home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#f6f7f9",
        "theme_color": "#0b5d7a",
        "icons": icons,
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers that ask for /favicon.ico get the app icon."""
    return redirect(static("lantoa/icon-192.png"), permanent=True)


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


def person_data(request: ScopedRequest, pk: int, fmt: str = "json") -> HttpResponse:
    """A person's data to hand over at their request, as JSON or a workbook (issue 12, item 7)."""
    person = person_get_for(request.user, pk)
    data = personal_data.person_data(request.user, person)
    stem = f"du-lieu-ca-nhan-{person.pk}"
    if fmt == "xlsx":
        response = HttpResponse(
            personal_data.person_data_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.xlsx"'
    else:
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{stem}.json"'
    return private_file(response)


@require_POST
def person_erase(request: ScopedRequest, pk: int) -> HttpResponse:
    """Erase a person's data at their request; the reason (their request) is kept."""
    person = person_get_for(request.user, pk)
    try:
        personal_data.person_erase(
            actor=request.user, person=person, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã xóa dữ liệu cá nhân; số liệu đã có vẫn giữ nguyên."))
    return redirect(person.get_absolute_url())
