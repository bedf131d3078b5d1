"""Co-organising is an invitation the named unit accepts or declines (issue 12, finding 8)."""

import datetime as dt

import pytest

from lantoa.activities.models import Activity, ActivityKind, CoOrganiserInvitation
from lantoa.activities.selectors import activity_list_for, invitations_for
from lantoa.activities.services import activity_record
from lantoa.core.models import AuditEntry


@pytest.fixture
def seminar(db):
    return ActivityKind.objects.get(category="seminar", unit__isnull=True)


def _invite(actor, world, seminar) -> Activity:
    return activity_record(
        actor=actor,
        organiser=world.school_a,
        co_organisers=[world.school_b],
        kind=seminar,
        title="Tọa đàm liên trường",
        date=dt.date(2026, 11, 20),
    )


def test_a_unit_named_by_another_is_invited_and_counts_only_after_accepting(
    school_a_officer, school_b_officer, other_coordinator, world, seminar, login
):
    activity = _invite(school_a_officer, world, seminar)
    invitation = activity.invitations.get()
    assert invitation.status == CoOrganiserInvitation.Status.PENDING
    assert list(activity.co_organisers.all()) == []
    assert list(activity_list_for(school_b_officer)) == []

    school_b = login(school_b_officer)
    assert school_b.get(activity.get_absolute_url()).status_code == 404
    listing = school_b.get("/activities/").content.decode()
    assert 'data-testid="invitations-waiting"' in listing and "1 lời mời" in listing
    assert list(invitations_for(school_b_officer)) == [invitation]
    page = school_b.get(invitation.get_absolute_url()).content.decode()
    assert "Tọa đàm liên trường" in page and 'data-testid="invitation-answer"' in page
    # the organiser cannot answer for the invited unit; another ward cannot see it at all
    organiser = login(school_a_officer)
    assert organiser.post(invitation.get_absolute_url(), {"answer": "accept"}).status_code == 404
    assert organiser.get(invitation.get_absolute_url()).status_code == 404
    assert login(other_coordinator).get(invitation.get_absolute_url()).status_code == 404
    assert login(other_coordinator).post(invitation.get_absolute_url()).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == CoOrganiserInvitation.Status.PENDING

    response = school_b.post(invitation.get_absolute_url(), {"answer": "accept"})

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == CoOrganiserInvitation.Status.ACCEPTED
    assert invitation.answered_by == school_b_officer
    assert list(activity.co_organisers.all()) == [world.school_b]
    assert list(activity_list_for(school_b_officer)) == [activity]
    assert school_b.get(activity.get_absolute_url()).status_code == 200
    assert list(invitations_for(school_b_officer)) == []
    assert AuditEntry.objects.filter(action="activity.co_organising_accepted").exists()


def test_a_declined_invitation_never_counts_and_the_organiser_sees_the_answer(
    school_a_officer, school_b_officer, world, seminar, login
):
    activity = _invite(school_a_officer, world, seminar)
    invitation = activity.invitations.get()
    school_b = login(school_b_officer)

    school_b.post(invitation.get_absolute_url(), {"answer": "decline"})
    again = school_b.post(invitation.get_absolute_url(), {"answer": "accept"}, follow=True)

    invitation.refresh_from_db()
    assert invitation.status == CoOrganiserInvitation.Status.DECLINED
    assert "đã được trả lời" in again.content.decode()
    assert list(activity.co_organisers.all()) == []
    assert list(activity_list_for(school_b_officer)) == []
    organiser_page = login(school_a_officer).get(activity.get_absolute_url()).content.decode()
    assert "đã từ chối" in organiser_page
    assert AuditEntry.objects.filter(action="activity.co_organising_declined").exists()


def test_a_unit_the_writer_speaks_for_co_organises_at_once(coordinator, world, seminar):
    activity = _invite(coordinator, world, seminar)

    assert list(activity.co_organisers.all()) == [world.school_b]
    assert not activity.invitations.exists()


def test_editing_keeps_a_pending_invitation_and_unticking_withdraws_it(
    school_a_officer, world, seminar, login
):
    activity = _invite(school_a_officer, world, seminar)
    client = login(school_a_officer)
    form = client.get(f"/activities/{activity.pk}/edit/").context["form"]
    assert form.initial["co_organisers"] == [world.school_b.pk]
    data = {
        "kind": seminar.pk,
        "title": "Tọa đàm liên trường (sửa)",
        "date": "20/11/2026",
        "version": activity.version,
        "co_organisers": [world.school_b.pk],
    }

    client.post(f"/activities/{activity.pk}/edit/", data)
    assert activity.invitations.get().status == CoOrganiserInvitation.Status.PENDING
    data.pop("co_organisers")
    data["version"] = Activity.objects.get(pk=activity.pk).version
    client.post(f"/activities/{activity.pk}/edit/", data)

    assert not activity.invitations.exists()
