"""Opening a sent document by its link (D1)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from lantoa.core.files import private_file
from lantoa.dispatch import selectors, services


@login_not_required
def dispatch_open(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the notification or e-mail: records the first opening, then hands over the
    document as it was sent (the recipient may have no account); a document sent before the
    system kept them leads to its record's page."""
    dispatch = selectors.dispatch_by_token(token)
    try:
        services.dispatch_open(dispatch=dispatch, user=request.user)
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404 from None
    document = dispatch.document
    if document.file:
        return private_file(
            FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)
        )
    if not request.user.is_authenticated:  # sent before documents were kept: read it inside
        return redirect_to_login(request.get_full_path())
    if document.subject is None:
        raise Http404
    return redirect(document.subject.get_absolute_url())
