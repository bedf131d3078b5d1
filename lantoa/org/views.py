"""Pages of units, people and roster imports (issue 2, items 4–5). Thin: selector, form, service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lantoa.core.concurrency import StaleEdit, form_after_stale
from lantoa.core.http import ScopedRequest
from lantoa.org import roster, selectors, services
from lantoa.org.data_requests import data_requests_for
from lantoa.org.forms import PersonForm, RosterUploadForm, UnitForm
from lantoa.org.models import Person
from lantoa.org.roster_import import roster_import_start

PAGE_SIZE = 50


def unit_list(request: ScopedRequest) -> HttpResponse:
    missing = request.GET.get("missing", "")
    if missing in ("roster", "head"):
        return render(
            request,
            "org/unit_missing.html",
            {"units": selectors.units_missing(request.user, missing), "missing": missing},
        )
    return render(request, "org/unit_list.html", {"rows": selectors.unit_tree_for(request.user)})


def unit_detail(request: ScopedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for(request.user, pk)
    people = Paginator(selectors.person_list_for(request.user, unit=unit), PAGE_SIZE)
    children = selectors.unit_list_for(request.user).filter(parent=unit)
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "page": people.get_page(request.GET.get("page")),
            "children": children,
            "can_write": request.user.scope.can_write(unit),
        },
    )


@require_http_methods(["GET", "POST"])
def unit_edit(request: ScopedRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for(request.user, pk, write=True)
    form = UnitForm(request.POST or None, instance=selectors.unit_get_for(request.user, pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(actor=request.user, unit=unit, **form.cleaned_data)
        except StaleEdit as exc:
            form_after_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu thông tin đơn vị."))
            return redirect(unit)
    return render(request, "org/unit_form.html", {"unit": unit, "form": form})


def person_list(request: ScopedRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    unit = None
    if request.GET.get("unit"):
        unit = selectors.unit_get_for(request.user, request.GET["unit"])
    category = request.GET.get("category", "")
    if category not in Person.StaffCategory.values:
        category = ""
    people = selectors.person_list_for(
        request.user,
        query=query,
        unit=unit,
        include_subunits=True,
        staff_category=category,
        missing_contact=request.GET.get("missing") == "contact",
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query_params = request.GET.copy()
    query_params.pop("page", None)
    context = {
        "querystring": query_params.urlencode(),
        "page": page,
        "query": query,
        "unit": unit,
        "category": category,
        "categories": Person.StaffCategory.choices,
        "units": selectors.unit_list_for(request.user).only("pk", "name", "depth"),
        "can_create": bool(request.user.scope.write_paths) or request.user.scope.is_superuser,
    }
    template = "org/person_list.html#results" if request.htmx else "org/person_list.html"
    return render(request, template, context)


def person_detail(request: ScopedRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for(request.user, pk)
    can_write = request.user.scope.can_write(person.unit)
    return render(
        request,
        "org/person_detail.html",
        {
            "person": person,
            "postings": person.postings.select_related("unit"),
            "can_write": can_write,
            "data_requests": data_requests_for(request.user, person) if can_write else [],
        },
    )


@require_http_methods(["GET", "POST"])
def person_create(request: ScopedRequest) -> HttpResponse:
    units = selectors.unit_list_for(request.user, write=True)
    initial = {}
    if request.GET.get("unit"):
        initial["unit"] = selectors.unit_get_for(request.user, request.GET["unit"], write=True)
    form = PersonForm(request.POST or None, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if v is not None}
        try:
            person = services.person_create(actor=request.user, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã thêm %(name)s vào danh sách.") % {"name": person})
            return redirect(person)
    return render(request, "org/person_form.html", {"form": form, "person": None})


@require_http_methods(["GET", "POST"])
def person_edit(request: ScopedRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for(request.user, pk, write=True)
    units = selectors.unit_list_for(request.user, write=True)
    form = PersonForm(
        request.POST or None, units=units, instance=selectors.person_get_for(request.user, pk)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.get("active_from") is None:
            data.pop("active_from")
        try:
            services.person_update(actor=request.user, person=person, **data)
        except StaleEdit as exc:
            form_after_stale(form, exc)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": person})
            return redirect(person)
    return render(request, "org/person_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def roster_import(request: ScopedRequest) -> HttpResponse:
    units = selectors.unit_list_for(request.user, write=True)
    writable = list(units[:1])
    form = RosterUploadForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={"unit": writable[0] if writable else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            job = roster_import_start(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                uploaded=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            form.add_error("file", exc.message_dict.get("file", exc.messages))
        else:
            return redirect(job)
    jobs = selectors.roster_import_list_for(request.user)[:10]
    return render(
        request,
        "org/roster_import.html",
        {"form": form, "jobs": jobs, "can_import": bool(writable), "columns": roster.COLUMNS},
    )


def roster_import_detail(request: ScopedRequest, pk: int) -> HttpResponse:
    job = selectors.roster_import_get_for(request.user, pk)
    template = "org/roster_import_detail.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, {"job": job})


def roster_template(request: ScopedRequest, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(
            roster.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        response = HttpResponse(roster.template_csv(), content_type="text/csv; charset=utf-8")
    else:
        return render(request, "errors/404.html", status=404)
    response["Content-Disposition"] = f'attachment; filename="mau-danh-sach-can-bo.{fmt}"'
    return response
