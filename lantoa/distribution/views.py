"""Opening a sent document by its link, and sending a plan to its recipients (D1)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lantoa.distribution import services
from lantoa.distribution.models import Dispatch
from lantoa.plans.documents import plan_docx
from lantoa.plans.selectors import plan_get_for

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_not_required
def dispatch_open(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the notification or e-mail: records the first opening, then hands over the
    document as DOCX (the recipient may have no account to read it in the system)."""
    dispatch = (
        Dispatch.objects.select_related("plan__issuer", "report__unit", "unit")
        .filter(token=token)
        .first()
    )
    if dispatch is None:
        raise Http404
    try:
        services.dispatch_open(dispatch=dispatch, user=request.user)
    except PermissionDenied:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404 from None
    if dispatch.plan_id:
        data, name = plan_docx(dispatch.plan), f"ke-hoach-{dispatch.plan.pk}.docx"
    else:
        from lantoa.reporting import documents

        report = dispatch.report
        data = documents.render(report, documents.latest_snapshot(report), "docx")
        name = documents.filename(report, "docx")
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def plan_send(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_get_for(request.user, pk, write=True)
    try:
        sent = services.plan_dispatch(
            actor=request.user, plan=plan, base_url=request.build_absolute_uri("/")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã gửi đến %(n)s nơi nhận.") % {"n": len(sent)})
    return redirect(plan)
