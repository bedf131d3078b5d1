"""Every URL pattern that names a record × every role × a record of another ward → 404 or 403
(issue 12, item 9). The patterns come from the URLconf, so an endpoint added tomorrow fails
here until it is given a record to try or an exemption with its reason."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import png_bytes
from lantoa.accounts.models import Notification, Role, User
from lantoa.activities.models import (
    Activity,
    ActivityEvidence,
    Attendance,
    CoOrganiserInvitation,
)
from lantoa.demo.ward_roster import ACCOUNTS
from lantoa.indicators.models import Indicator, ManualValue
from lantoa.org.models import DataRequest, Person, RosterImport, Unit
from lantoa.org.selectors import ward_root_of
from lantoa.plans.models import Evidence, Plan, PlanImport, Target, Task, TaskOccurrence
from lantoa.reporting.models import Report, ReportingRule
from tests.test_crawl import demo_and_second_ward  # noqa: F401 - the module's shared world

# What a route's record parameter names, found among a ward's records (its path prefix).
RECORDS: dict[str, Callable[[str], Model | None]] = {
    "people/<int:pk>/": lambda p: Person.objects.filter(unit__path__startswith=p).first(),
    "org/units/<int:pk>/": lambda p: (
        Unit.objects.filter(path__startswith=p).exclude(path=p).first()
    ),
    "org/people/<int:pk>/": lambda p: Person.objects.filter(unit__path__startswith=p).first(),
    "org/people/import/<int:pk>/": lambda p: RosterImport.objects.filter(
        unit__path__startswith=p
    ).first(),
    "org/data-requests/<int:pk>/": lambda p: DataRequest.objects.filter(
        unit__path__startswith=p
    ).first(),
    "plans/import/<int:pk>/": lambda p: PlanImport.objects.filter(unit__path__startswith=p).first(),
    "plans/<int:pk>/": lambda p: Plan.objects.filter(issuer__path__startswith=p).first(),
    "plans/tasks/<int:pk>/": lambda p: (
        Task.objects.filter(plan__issuer__path__startswith=p).exclude(lead_unit=None).first()
    ),
    "plans/evidence/<int:pk>/": lambda p: Evidence.objects.filter(
        occurrence__task__plan__issuer__path__startswith=p
    ).first(),
    "plans/periods/<int:pk>/": lambda p: TaskOccurrence.objects.filter(
        task__plan__issuer__path__startswith=p
    ).first(),
    "activities/<int:pk>/": lambda p: Activity.objects.filter(
        organiser__path__startswith=p
    ).first(),
    "activities/attendance/<int:pk>/": lambda p: Attendance.objects.filter(
        activity__organiser__path__startswith=p
    ).first(),
    "activities/evidence/<int:pk>/": lambda p: ActivityEvidence.objects.filter(
        activity__organiser__path__startswith=p
    ).first(),
    "activities/invitations/<int:pk>/": lambda p: CoOrganiserInvitation.objects.filter(
        unit__path__startswith=p
    ).first(),
    "targets/<int:pk>/": lambda p: Target.objects.filter(plan__issuer__path__startswith=p).first(),
    "targets/values/<int:pk>/": lambda p: ManualValue.objects.filter(
        indicator__target__plan__issuer__path__startswith=p
    ).first(),
    "reports/rules/<int:pk>/": lambda p: ReportingRule.objects.filter(
        owner__path__startswith=p
    ).first(),
    "reports/<int:pk>/": lambda p: Report.objects.filter(unit__path__startswith=p).first(),
    "accounts/notifications/<int:pk>/": lambda p: Notification.objects.filter(
        user__role_assignments__unit__path__startswith=p
    ).first(),
}
OTHER_PARAMETERS = {"number": lambda p: 1, "fmt": lambda p: "docx"}
EXEMPT = {
    "accounts/password/reset/<uidb64>/<token>/": "a signed one-time token, not a record",
    "org/people/import/template.<str:fmt>": "the blank template, the same for everyone",
    "d/<str:token>/": "the sent document's own key (test_dispatch: opens for its unit only)",
    "checkin/<str:token>/": "public by design; names nobody (test_checkin)",
}


def routes() -> Iterator[str]:
    def walk(resolver: URLResolver, prefix: str) -> Iterator[str]:
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and "<" in str(entry.pattern):
                yield prefix + str(entry.pattern)

    yield from (r for r in walk(get_resolver(), "") if not r.startswith("admin/"))


def url_for(route: str, ward_path: str) -> str | None:
    """The route filled with a record of the ward: its first parameter from RECORDS (the
    route up to it), a person for `person_pk`, fixed values for the rest."""
    key = route[: route.index(">") + 2]
    record = RECORDS[key](ward_path)
    if record is None:
        return None
    url = route.replace(key, key.split("<")[0] + f"{record.pk}/", 1)
    while "<" in url:
        start, end = url.index("<"), url.index(">")
        name = url[start + 1 : end].split(":")[-1]
        if name == "person_pk":
            value: Any = RECORDS["org/people/<int:pk>/"](ward_path).pk  # type: ignore[union-attr]
        else:
            value = OTHER_PARAMETERS[name](ward_path)
        url = url[:start] + str(value) + url[end + 1 :]
    return "/" + url


def give_every_record_kind(ward: Unit, user: User) -> None:
    """Files and entries the crawl's worlds lack: one of each, in the ward."""
    task = Task.objects.filter(plan__issuer=ward).exclude(lead_unit=None).first()
    period = task.occurrences.first()
    activity = Activity.objects.filter(organiser__path__startswith=ward.path).first()
    target = Target.objects.filter(plan__issuer=ward).first()
    indicator, _ = Indicator.objects.get_or_create(target=target, defaults={"kind": "manual"})
    png = ContentFile(png_bytes(), name="anh.png")
    files = {"original_name": "anh.png", "kind": "png", "size": 40, "uploaded_by": user}
    Evidence.objects.create(occurrence=period, file=png, **files)
    ActivityEvidence.objects.create(activity=activity, file=png, **files)
    ManualValue.objects.create(indicator=indicator, value=1, as_of=activity.date, file=png, **files)
    invited = Unit.objects.filter(path__startswith=ward.path).exclude(pk=activity.organiser_id)
    CoOrganiserInvitation.objects.create(activity=activity, unit=invited.last())
    person = Person.objects.filter(unit__path__startswith=ward.path).first()
    DataRequest.objects.create(
        person=person,
        unit=person.unit,
        kind="access",
        received_on=activity.date,
        acknowledge_by=activity.date,
        due_on=activity.date,
    )
    RosterImport.objects.create(unit=ward, uploaded_by=user, file=png, original_name="ds.xlsx")
    Notification.objects.create(user=user, text="Nhắc việc", url=task.get_absolute_url())


WARD_ONE = [a.username for a in ACCOUNTS if a.role != Role.PROVINCE_VIEWER]
WARD_TWO = ["phuong2_dieuphoi", "phuong2_lanhdao", "phuong2_truong"]


@pytest.mark.parametrize(
    ("attackers", "victims"), [(WARD_ONE, "phuong2_dieuphoi"), (WARD_TWO, "dieuphoi")]
)
def test_no_role_reaches_another_wards_records_through_any_route(
    demo_and_second_ward,  # noqa: F811
    db,
    attackers: list[str],
    victims: str,
):
    victim = User.objects.get(username=victims)
    ward = ward_root_of(victim.primary_role.unit)
    give_every_record_kind(ward, victim)
    owner = Client()
    owner.force_login(victim)
    untried, leaks, unreachable = [], [], []
    for route in routes():
        if route in EXEMPT:
            continue
        url = url_for(route, ward.path)
        if url is None:
            untried.append(route)
            continue
        if owner.get(url).status_code == 404:  # the URL names a real record: its ward sees it
            unreachable.append(url)
        for username in attackers:
            client = Client()
            client.force_login(User.objects.get(username=username))
            for method in (client.get, client.post):
                status = method(url).status_code
                if status not in (403, 404, 405):
                    leaks.append(f"{method.__name__.upper()} {url} as {username}: {status}")
    assert untried == [], "routes with no record of the other ward to try"
    assert unreachable == [], "URLs that name no record its own ward can open"
    assert leaks == []


def test_every_route_with_a_parameter_is_tried_or_exempt_with_a_reason():
    keys = {route[: route.index(">") + 2] for route in routes() if route not in EXEMPT}
    assert keys <= set(RECORDS), f"no RECORDS entry for {sorted(keys - set(RECORDS))}"
    assert all(reason for reason in EXEMPT.values())
