"""Co-organising pages (issue 12, finding 8): the invitations a unit has received, answering
one, and taking a unit's name off an activity. Thin: selector, service, message."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lantoa.activities import co_organising, selectors


def invitation_list(request: HttpRequest) -> HttpResponse:
    """The invitations to co-organise waiting for an answer from the user's units."""
    return render(
        request,
        "activities/invitation_list.html",
        {"invitations": selectors.invitations_for(request.user)},
    )


@require_http_methods(["GET", "POST"])
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """What the invitation is about, and the answer: accept or decline."""
    invitation = selectors.invitation_get_for(request.user, pk, write=request.method == "POST")
    if request.method == "POST":
        accept = request.POST.get("answer") == "accept"
        try:
            co_organising.co_organising_answer(
                actor=request.user, invitation=invitation, accept=accept
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(invitation)
        if accept:
            messages.success(
                request,
                _("%(unit)s đã nhận phối hợp tổ chức «%(title)s»; hoạt động được tính cho đơn vị.")
                % {"unit": invitation.unit.name, "title": invitation.activity.title},
            )
            return redirect(invitation.activity)
        messages.success(
            request,
            _("Đã từ chối phối hợp tổ chức «%(title)s».") % {"title": invitation.activity.title},
        )
        return redirect("activities:invitations")
    return render(
        request,
        "activities/invitation_answer.html",
        {
            "invitation": invitation,
            "activity": invitation.activity,
            "can_answer": request.user.scope.can_write(invitation.unit)
            and invitation.status == invitation.Status.PENDING,
        },
    )


@require_POST
def co_organising_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """A co-organising unit takes its name off the activity; it can no longer open it after."""
    activity = selectors.activity_get_for(request.user, pk)
    units = co_organising.co_organising_leave(actor=request.user, activity=activity)
    messages.success(
        request,
        _("Đã bỏ tên %(units)s khỏi hoạt động «%(title)s».")
        % {"units": ", ".join(u.name for u in units), "title": activity.title},
    )
    return redirect("activities:list")
