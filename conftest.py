"""The fixed cast of the test suite, named by role (STYLE.md), built through the services.

Two wards: phường A (the cast's own) and phường B (another ward, for guessed-URL tests).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client

from lantoa.accounts.models import Role, User
from lantoa.accounts.services import user_create
from lantoa.indicators.models import Indicator
from lantoa.indicators.params import clean_params
from lantoa.org.models import Person, Unit
from lantoa.org.services import person_create, unit_create
from lantoa.plans.models import Phase, Plan, Target

PASSWORD = "mat-khau-thu-nghiem-2026"
ROOT = Path(__file__).resolve().parent
# The ward's plan (the demo imports the same copy) and what importing it must yield; both equal
# the files of ../shared (tests/test_fixtures.py), so the suite needs nothing outside the repository.
SEED_FILE = ROOT / "lantoa" / "demo" / "fixtures" / "ke-hoach-71-phuong-bac-kan.txt"
GOLDEN_FILE = ROOT / "tests" / "fixtures" / "ke-hoach-71-phuong-bac-kan.plan.json"
HCM = dt.timezone(dt.timedelta(hours=7))


def at_hcm(*parts: int) -> dt.datetime:
    """A moment in Hà Nội time."""
    return dt.datetime(*parts, tzinfo=HCM)


def upload_plan(client: Client, content: bytes | None = None, name: str = "ke-hoach.txt"):
    """Upload a plan document (the seed by default) as the coordinator would."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    content = SEED_FILE.read_bytes() if content is None else content
    return client.post(reverse("plans:import"), {"file": SimpleUploadedFile(name, content)})


def review_form_data(page_html: str) -> dict:
    """What a person submits on the import review page by leaving every pre-selected field as
    it is."""
    import re

    data: dict = {}
    for tag in re.findall(r"<input[^>]*>", page_html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or not value or ('type="checkbox"' in tag and " checked" not in tag):
            continue
        data.setdefault(name.group(1), []).append(value.group(1))
    data = {k: v[0] if len(v) == 1 else v for k, v in data.items()}
    for select in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', page_html, re.S):
        name, body = select
        chosen = re.findall(r'<option value="([^"]*)" selected', body)
        if chosen:
            data[name] = chosen if len(chosen) > 1 else chosen[0]
    title = re.search(r'<textarea name="title"[^>]*>(.*?)</textarea>', page_html, re.S)
    data["title"] = title.group(1).strip()
    data.pop("csrfmiddlewaretoken", None)
    return data


@pytest.fixture(autouse=True)
def _huey_immediate(settings):
    """Jobs run at once in tests, inside the request that queues them."""
    from huey.contrib.djhuey import HUEY

    previous = HUEY.immediate
    HUEY.immediate = True
    yield
    HUEY.immediate = previous


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test():
    """A request in English leaves English active on the thread; the next test starts afresh."""
    from django.utils import translation

    yield
    translation.activate("vi")


@pytest.fixture(autouse=True)
def _second_step_where_a_test_asks_for_it(settings):
    """Two-step sign-in is required of coordinators in production; the tests that are about it
    turn it on (accounts/tests/test_mfa.py), the rest sign in with a password."""
    settings.LANTOA_MFA_REQUIRED = False


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Argon2 is the point in production and costs a tenth of a second per hash; the suite
    hashes thousands of passwords (test_login checks production's hasher)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "private"


@dataclass
class World:
    ward: Unit
    vhxh: Unit
    economy: Unit
    centre: Unit
    school_a: Unit
    school_b: Unit
    department: Unit
    other_ward: Unit
    other_school: Unit
    teacher_a: Person
    teacher_b: Person
    official: Person
    other_teacher: Person


def make_unit(code: str, name: str, kind: str, parent: Unit | None = None, **extra) -> Unit:
    return unit_create(actor=None, code=code, name=name, kind=kind, parent=parent, **extra)


def make_person(
    name: str, unit: Unit, category: str = Person.StaffCategory.TEACHER, **extra
) -> Person:
    extra.setdefault("active_from", dt.date(2025, 1, 1))
    extra.setdefault("birth_date", dt.date(1985, 5, 17))
    return person_create(actor=None, full_name=name, unit=unit, staff_category=category, **extra)


def builtin_kinds_ensure() -> None:
    """The built-in activity kinds come from a data migration; a live-server test flushes the
    tables after itself, so every world puts them back (the migration's own function)."""
    from importlib import import_module

    from django.apps import apps

    import_module("lantoa.activities.migrations.0002_builtin_kinds").add_kinds(apps, None)


@pytest.fixture
def world(db) -> World:
    builtin_kinds_ensure()
    K = Unit.Kind
    ward = make_unit("90001", "Ủy ban nhân dân phường An Hòa", K.PEOPLE_COMMITTEE)
    vhxh = make_unit("90001-VHXH", "Phòng Văn hóa - Xã hội", K.CULTURE_SOCIETY_OFFICE, ward)
    economy = make_unit("90001-KT", "Phòng Kinh tế, Hạ tầng và Đô thị", K.ECONOMY_OFFICE, ward)
    centre = make_unit("90001-TT", "Trung tâm Dịch vụ tổng hợp", K.SERVICE_CENTRE, ward)
    school_a = make_unit(
        "90001-THA", "Trường Tiểu học Thử A", K.SCHOOL, ward, school_level="primary"
    )
    school_b = make_unit(
        "90001-THB", "Trường Tiểu học Thử B", K.SCHOOL, ward, school_level="primary"
    )
    department = make_unit("90-SGD", "Sở Giáo dục và Đào tạo tỉnh Thử", K.PROVINCIAL_DEPARTMENT)
    other_ward = make_unit("90002", "Ủy ban nhân dân phường Bình Yên", K.PEOPLE_COMMITTEE)
    other_school = make_unit(
        "90002-MN", "Trường Mầm non Bình Yên", K.SCHOOL, other_ward, school_level="preschool"
    )
    return World(
        ward=ward,
        vhxh=vhxh,
        economy=economy,
        centre=centre,
        school_a=school_a,
        school_b=school_b,
        department=department,
        other_ward=other_ward,
        other_school=other_school,
        teacher_a=make_person("Nguyễn Văn An", school_a),
        teacher_b=make_person("Trần Thị Bình", school_b),
        official=make_person("Lê Thị Hoa", vhxh, Person.StaffCategory.CIVIL_SERVANT),
        other_teacher=make_person("Phạm Văn Cường", other_school),
    )


@dataclass
class WardPlan:
    plan: Plan
    phase: Phase

    def target(self, kind: str, text: str = "", value: int | None = 100, **params) -> Target:
        target = Target.objects.create(
            plan=self.plan,
            phase=self.phase,
            position=Target.objects.filter(plan=self.plan).count(),
            text=text or kind,
            value=Decimal(value) if value is not None else None,
            unit_of_measure="%" if value == 100 else "",
        )
        Indicator.objects.create(
            target=target, kind=kind, params=clean_params(kind, params), confirmed=True
        )
        return target


@pytest.fixture
def ward_plan(world) -> WardPlan:
    """An issued ward plan (12/KH-UBND of 16/03/2026, phase 2026–2030); tests add the targets
    they need with `ward_plan.target(kind, text, **params)`."""
    plan = Plan.objects.create(
        issuer=world.ward,
        number="12/KH-UBND",
        date=dt.date(2026, 3, 16),
        title="Kế hoạch thử",
        status=Plan.Status.ISSUED,
        start_year=2026,
        end_year=2030,
    )
    phase = Phase.objects.create(
        plan=plan, label="Giai đoạn 2026-2030", start_year=2026, end_year=2030
    )
    return WardPlan(plan, phase)


def make_user(username: str, role: str, unit: Unit) -> User:
    return user_create(
        actor=None,
        username=username,
        password=PASSWORD,
        role=role,
        unit=unit,
        email=f"{username}@example.org",
        full_name=username.replace("_", " ").title(),
    )


@pytest.fixture
def coordinator(world) -> User:
    return make_user("coordinator", Role.COORDINATOR, world.vhxh)


@pytest.fixture
def leader(world) -> User:
    return make_user("leader", Role.LEADER, world.ward)


@pytest.fixture
def school_a_officer(world) -> User:
    return make_user("school_a_officer", Role.UNIT_OFFICER, world.school_a)


@pytest.fixture
def school_b_officer(world) -> User:
    return make_user("school_b_officer", Role.UNIT_OFFICER, world.school_b)


@pytest.fixture
def editor(world) -> User:
    return make_user("editor", Role.EDITOR, world.centre)


@pytest.fixture
def budget_officer(world) -> User:
    return make_user("budget_officer", Role.BUDGET_OFFICER, world.economy)


@pytest.fixture
def province_viewer(world) -> User:
    return make_user("province_viewer", Role.PROVINCE_VIEWER, world.department)


@pytest.fixture
def contributor(world) -> User:
    return make_user("contributor", Role.CONTRIBUTOR, world.school_a)


@pytest.fixture
def other_coordinator(world) -> User:
    other_vhxh = make_unit(
        "90002-VHXH",
        "Phòng Văn hóa - Xã hội (Bình Yên)",
        Unit.Kind.CULTURE_SOCIETY_OFFICE,
        world.other_ward,
    )
    return make_user("other_coordinator", Role.COORDINATOR, other_vhxh)


@pytest.fixture
def resident() -> Client:
    """A resident has no account: an anonymous browser."""
    return Client()


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def login():
    """login(user) → a test client signed in as that user."""
    return client_for


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are sync.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def sign_in(browser, live_server, username, viewport):
    page = browser.new_page(viewport=viewport, locale="vi-VN")
    page.goto(f"{live_server.url}/")
    assert page.locator("h1").inner_text() == "Đăng nhập"
    page.get_by_label("Tên đăng nhập hoặc thư điện tử").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{live_server.url}/")
    return page


def png_bytes(size: tuple[int, int] = (4, 3)) -> bytes:
    """A real, tiny PNG (uploads of photos are re-encoded, so fake bytes no longer pass)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()
