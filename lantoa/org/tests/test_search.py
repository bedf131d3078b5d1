from django.urls import reverse

from conftest import make_person
from lantoa.org.selectors import person_list_for


def test_search_ignores_diacritics_and_case(coordinator, world):
    found = person_list_for(coordinator, query="nguyen van an")
    assert list(found) == [world.teacher_a]
    assert list(person_list_for(coordinator, query="NGUYỄN văn")) == [world.teacher_a]
    assert list(person_list_for(coordinator, query="tran thi binh")) == [world.teacher_b]


def test_search_matches_d_for_đ(coordinator, world):
    person = make_person("Đặng Đình Dũng", world.school_a)
    assert list(person_list_for(coordinator, query="dang dinh dung")) == [person]


def test_roster_page_search_finds_by_folded_name(coordinator, world, login):
    response = login(coordinator).get(reverse("org:person_list"), {"q": "nguyen van an"})
    assert response.status_code == 200
    assert "Nguyễn Văn An" in response.content.decode()
    assert "Trần Thị Bình" not in response.content.decode()


def test_roster_search_returns_partial_for_htmx(coordinator, world, login):
    response = login(coordinator).get(
        reverse("org:person_list"), {"q": "binh"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert 'id="results"' in body and "<html" not in body
    assert "Trần Thị Bình" in body


def test_person_list_query_count_is_bounded(
    coordinator, world, login, django_assert_max_num_queries
):
    for n in range(60):
        make_person(f"Giáo Viên Số {n}", world.school_a, birth_date=None)
    client = login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("org:person_list"))
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 63


def test_unit_tree_query_count_is_bounded(coordinator, world, login, django_assert_max_num_queries):
    client = login(coordinator)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("org:unit_list"))
    rows = response.context["rows"]
    assert [r.unit for r in rows][0] == world.ward
    assert {r.unit for r in rows} == {
        world.ward,
        world.vhxh,
        world.economy,
        world.centre,
        world.school_a,
        world.school_b,
    }


def test_unit_page_query_count_is_bounded(coordinator, world, login, django_assert_max_num_queries):
    for n in range(40):
        make_person(f"Giáo Viên Thứ {n}", world.school_a, birth_date=None)
    client = login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("org:unit_detail", args=[world.school_a.pk]))
    assert response.context["page"].paginator.count == 41


def test_next_page_keeps_the_search(coordinator, world, login):
    for n in range(55):
        make_person(f"Lê Văn Trang {n:02d}", world.school_a, birth_date=None)
    response = login(coordinator).get(reverse("org:person_list"), {"q": "le van trang"})
    body = response.content.decode()
    assert 'href="?q=le+van+trang&page=2"' in body
    second = login(coordinator).get(reverse("org:person_list"), {"q": "le van trang", "page": 2})
    assert second.context["page"].number == 2 and len(second.context["page"]) == 5
