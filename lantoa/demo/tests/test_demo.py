"""`lantoa load_demo` builds phường Bắc Kạn; running it twice keeps what is there (issue 2, item 9)."""

from django.core.management import call_command

from conftest import builtin_kinds_ensure
from lantoa.accounts.models import Role, User
from lantoa.demo.ward_roster import DEMO_PASSWORD
from lantoa.org.models import Division, Person, Unit


def test_load_divisions_loads_the_official_list(db):
    call_command("load_divisions")
    assert Division.objects.filter(level="province").count() == 34
    assert Division.objects.filter(level="commune").count() == 3321
    assert Division.objects.get(code="01843").name == "Phường Bắc Kạn"
    assert Division.objects.get(code="01843").parent.name == "Thái Nguyên"


def test_demo_builds_the_ward_and_is_idempotent(db, client):
    builtin_kinds_ensure()  # a browser test on this worker may have flushed them
    call_command("load_demo")
    ward = Unit.objects.get(code="01843")
    assert ward.kind == Unit.Kind.PEOPLE_COMMITTEE and ward.division.code == "01843"
    names = set(Unit.objects.filter(path__startswith=ward.path).values_list("name", flat=True))
    for expected in [
        "Phòng Văn hóa - Xã hội",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Trung tâm Dịch vụ tổng hợp phường",
        "Ủy ban MTTQ Việt Nam phường Bắc Kạn",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường",
        "Hội Liên hiệp Phụ nữ phường",
        "Hội Cựu chiến binh phường",
        "Hội Nông dân phường",
    ]:
        assert expected in names
    schools = Unit.objects.filter(kind=Unit.Kind.SCHOOL)
    assert {s.school_level for s in schools} >= {"preschool", "primary", "lower_secondary"}
    assert all("(dữ liệu mẫu)" in s.name for s in schools)
    assert Unit.objects.filter(kind=Unit.Kind.RESIDENTIAL_GROUP).count() >= 3
    people = Person.objects.count()
    assert 200 <= people <= 600
    assert {r for r in User.objects.values_list("role_assignments__role", flat=True) if r} == set(
        Role.values
    )

    from lantoa.activities.models import Activity, Attendance

    assert Activity.objects.filter(kind__category="briefing").count() >= 8
    assert Activity.objects.filter(co_organisers__isnull=False).count() == 1
    briefed = Attendance.objects.values("person").distinct().count()
    eligible = Person.objects.filter(
        staff_category__in=["cadre", "civil_servant", "education_manager", "teacher"]
    ).count()
    assert 0.7 < briefed / eligible < 0.9  # the demo's T1 stands near 80%

    # a change made between runs survives the second run
    Person.objects.filter(full_name="Phan Đình Huy").update(phone="0209000000")
    snapshot = (
        Unit.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        Activity.objects.count(),
    )
    call_command("load_demo")
    assert (
        Unit.objects.count(),
        Person.objects.count(),
        User.objects.count(),
        Activity.objects.count(),
    ) == snapshot
    assert Person.objects.get(full_name="Phan Đình Huy").phone == "0209000000"

    response = client.post(
        "/accounts/login/", {"username": "truong_tha", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    home = client.get("/")
    assert "Trường Tiểu học A (dữ liệu mẫu)" in home.content.decode()
