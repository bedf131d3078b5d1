"""Fixtures of the plans tests: the cast's ward with the units the seed names, and the seed
imported and saved through the review page as the coordinator would."""

import datetime as dt

import pytest

from conftest import make_unit, review_form_data
from conftest import upload_plan as upload
from lantoa.org.models import Unit
from lantoa.plans.models import Plan

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


@pytest.fixture
def issued_plan(saved_plan):
    """The saved plan issued as 12/KH-UBND of 16/03/2026 (its tasks lack part of the 06 rõ, so
    as the system, with a reason)."""
    from lantoa.plans.services import plan_issue

    Plan.objects.filter(pk=saved_plan.pk).update(number="12/KH-UBND", date=dt.date(2026, 3, 16))
    saved_plan.refresh_from_db()
    return plan_issue(actor=None, plan=saved_plan, override_reason="Ban hành để triển khai ngay.")
