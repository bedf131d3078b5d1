"""Fixtures of the plans tests: the cast's ward with the units the seed names, and the seed
imported and saved through the review page as the coordinator would."""

import pytest

from conftest import make_unit
from lantoa.org.models import Unit
from lantoa.plans.models import Plan
from lantoa.plans.tests.test_import_flow import review_form_data, upload

K = Unit.Kind


@pytest.fixture
def ward_units(world):
    """The units the seed names, in the cast's ward."""
    front = make_unit("90001-MT", "Ủy ban MTTQ Việt Nam phường An Hòa", K.FRONT, world.ward)
    make_unit("90001-DTN", "Đoàn Thanh niên phường", K.MASS_ORGANISATION, front)
    make_unit("90001-HPN", "Hội Liên hiệp Phụ nữ phường", K.MASS_ORGANISATION, front)
    make_unit("90001-TDP1", "Tổ dân phố số 1", K.RESIDENTIAL_GROUP, world.ward)
    return world


@pytest.fixture
def saved_plan(coordinator, ward_units, login):
    client = login(coordinator)
    review_url = upload(client).url
    client.post(review_url, review_form_data(client.get(review_url).content.decode()))
    return Plan.objects.get()
