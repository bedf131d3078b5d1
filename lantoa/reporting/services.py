"""Every write to reports: regimes, drafts, submission with its frozen version, return and
acceptance, the ward report's signature — trình ký, sent back or taken back, issued (issue 5;
issue 14, item 7; N5.2, O1.4). Each checks who may act (`permissions`) and audits."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lantoa.accounts.services import notify
from lantoa.core.audit import audit_record
from lantoa.core.concurrency import version_claim
from lantoa.core.dates import format_vn_date
from lantoa.core.lifecycle import transition
from lantoa.core.scoping import require_write
from lantoa.dispatch.services import Document, Recipient, document_send
from lantoa.org.models import Unit
from lantoa.org.selectors import department_of, ward_root_of
from lantoa.plans.selectors import plan_in_force
from lantoa.reporting import content, documents, permissions
from lantoa.reporting.models import (
    DEFAULT_REPORTER_KINDS,
    Criterion,
    Report,
    ReportingRule,
    ReportVersion,
)
from lantoa.reporting.periods import Frequency, ReportingPeriod
from lantoa.reporting.selectors import (
    authors_of,
    deciders_of,
    default_plan,
    reporters_of,
    signers_of,
)

NUMBER_RE = re.compile(r"^\d{1,4}/BC-[A-ZĐ0-9&-]+$")
# Days after the cut-off (the 14th) by default: units to the ward by the 17th, the ward to the
# Sở by the 20th; ND 09/2019 asks at least one working day between cut-off and deadline.
UNIT_DUE_DAYS, WARD_DUE_DAYS = 3, 6
SEND_BACK_NEEDS_REASON = gettext_lazy("Ghi lý do trả lại để người soạn biết cần sửa gì.")


def rules_ensure(ward: Unit, recipient: Unit | None = None) -> list[ReportingRule]:
    """The default regime of a ward: its schools and TTDVTH report quarterly; the ward reports
    to Sở GD&ĐT quarterly and yearly (editable by the coordinator afterwards)."""
    recipient = recipient or department_of(ward)
    rules = [
        ReportingRule.objects.get_or_create(
            owner=ward,
            level=ReportingRule.Level.UNITS,
            frequency=Frequency.QUARTERLY,
            defaults={"reporter_kinds": list(DEFAULT_REPORTER_KINDS), "due_days": UNIT_DUE_DAYS},
        )[0]
    ]
    if recipient is not None:
        for frequency in (Frequency.QUARTERLY, Frequency.YEARLY):
            rules.append(
                ReportingRule.objects.get_or_create(
                    owner=ward,
                    level=ReportingRule.Level.WARD,
                    frequency=frequency,
                    defaults={"recipient": recipient, "due_days": WARD_DUE_DAYS},
                )[0]
            )
    return rules


@transaction.atomic
def rule_update(*, actor: Any, rule: ReportingRule, **fields: Any) -> ReportingRule:
    require_write(actor, rule.owner)
    before = {name: getattr(rule, name) for name in fields}
    for name, value in fields.items():
        setattr(rule, name, value)
    rule.full_clean()
    rule.save()
    audit_record(
        actor=actor,
        action="reporting_rule.updated",
        obj=rule,
        unit_path=rule.owner.path,
        changes={k: [str(before[k]), str(v)] for k, v in fields.items() if before[k] != v},
    )
    return rule


@transaction.atomic
def report_open(*, actor: Any, unit: Unit, rule: ReportingRule, key: ReportingPeriod) -> Report:
    """The unit's report for the period, created as a draft the first time (pre-filled)."""
    if key.frequency != rule.frequency:
        raise ValidationError(_("Kỳ báo cáo không khớp với chế độ báo cáo."))
    start, end = rule.window(key)
    if unit not in reporters_of(rule, start, end):
        raise PermissionDenied
    existing = Report.objects.filter(unit=unit, rule=rule, period=str(key)).first()
    if existing is not None:
        return existing
    require_write(actor, unit)
    ward = rule.owner
    report = Report(
        unit=unit,
        recipient=rule.recipient if rule.level == ReportingRule.Level.WARD else ward,
        rule=rule,
        period=str(key),
        start=start,
        end=end,
        due=rule.due(key),
        plan=rule.plan or plan_in_force(ward, end),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if report.unit.kind == Unit.Kind.PEOPLE_COMMITTEE:
        _ward_defaults(report)
    report.save()
    audit_record(actor=actor, action="report.created", obj=report, unit_path=unit.path)
    return report


@transaction.atomic
def review_open(*, actor: Any, unit: Unit, kind: str, start: dt.date, end: dt.date) -> Report:
    """An interim or final review (sơ kết, tổng kết) over several periods (O1.4): the same
    draft, submission and issue as a periodic report, over the dates the unit chooses."""
    if kind not in (Report.Kind.INTERIM_REVIEW, Report.Kind.FINAL_REVIEW):
        raise ValidationError({"kind": _("Chọn sơ kết hoặc tổng kết.")})
    if end < start:
        raise ValidationError({"end": _("Ngày cuối phải sau ngày đầu của giai đoạn.")})
    require_write(actor, unit)
    ward = ward_root_of(unit)
    recipient = (department_of(ward) or ward) if unit == ward else ward
    report = Report(
        unit=unit,
        recipient=recipient,
        kind=kind,
        start=start,
        end=end,
        plan=default_plan(
            ward, ReportingRule.Level.WARD if unit == ward else ReportingRule.Level.UNITS, end
        ),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if unit == ward:
        _ward_defaults(report)
    report.save()
    audit_record(actor=actor, action="report.created", obj=report, unit_path=unit.path)
    return report


def _ward_defaults(report: Report) -> None:
    """The ward's draft: the units' difficulties and proposals gathered, the plan's signer."""
    units = content.accepted_unit_reports(report.unit, report.start, report.end)
    snapshot = {"unit_reports": units}
    report.difficulties = content.gathered(snapshot, "difficulties")
    report.proposals = content.gathered(snapshot, "proposals")
    report.take_signer_from_plan()


@transaction.atomic
def report_update(
    *, actor: Any, report: Report, version: int | None = None, **fields: Any
) -> Report:
    """The author's words, the signer and the plan reported on, while the report is editable.
    `version`: the one the form was opened on (core.concurrency). Only the fields named are
    saved, so a stale copy never puts back an old status."""
    report.status = Report.objects.values_list("status", flat=True).get(pk=report.pk)
    if not permissions.can_write(actor, report):
        raise PermissionDenied
    version_claim(report, version, str(_("báo cáo này")))
    allowed = set(Report.NARRATIVE_FIELDS) | {
        "signer_authority",
        "signer_title",
        "signer_name",
        "plan",
    }
    changed = {}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        if getattr(report, name) != value:
            changed[name] = [str(getattr(report, name) or "")[:200], str(value or "")[:200]]
            setattr(report, name, value)
    report.save(update_fields=[*changed, "updated_at"])
    if changed:
        audit_record(
            actor=actor, action="report.updated", obj=report, unit_path=report.unit.path,
            changes=changed,
        )  # fmt: skip
    return report


@transaction.atomic
def ward_report_gather(*, actor: Any, report: Report) -> Report:
    """Replace the ward draft's difficulties and proposals with the units' latest words."""
    if not (report.is_ward_report and permissions.can_write(actor, report)):
        raise PermissionDenied
    _ward_defaults(report)
    report.save()
    return report


def _freeze(actor: Any, report: Report, now: dt.datetime) -> ReportVersion:
    number = report.versions.count() + 1
    return ReportVersion.objects.create(
        report=report,
        number=number,
        snapshot=content.collect(report),
        submitted_at=now,
        submitted_by=actor if getattr(actor, "pk", None) else None,
    )


def _check_period_over(report: Report, today: dt.date) -> None:
    if today < report.end:
        raise ValidationError(
            _(
                "Kỳ báo cáo chưa hết: số liệu chốt đến ngày %(end)s, từ ngày đó mới gửi được "
                "báo cáo."
            )
            % {"end": format_vn_date(report.end)}
        )


@transaction.atomic
def report_submit(*, actor: Any, report: Report, now: dt.datetime | None = None) -> ReportVersion:
    """A unit sends its report: the numbers freeze into a new version (issue 5, item 2)."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if report.is_ward_report:
        raise PermissionDenied  # the ward's report leaves by a leader's issue
    if not permissions.can_write(actor, report):
        raise PermissionDenied
    now = now or timezone.now()
    _check_period_over(report, timezone.localdate(now))
    return _send(actor, report, now, move="submit")


def _send(
    actor: Any,
    report: Report,
    now: dt.datetime,
    *,
    move: str,
    values: dict[str, Any] | None = None,
    changes: dict[str, list[Any]] | None = None,
) -> ReportVersion:
    """Submit or issue: the status moves first (of two people sending at once, one is refused
    before anything is frozen), then the numbers freeze, the recipient is told and the document
    leaves."""
    transition(
        actor=actor,
        obj=report,
        move=move,
        unit_path=report.unit.path,
        values={"first_submitted_at": report.first_submitted_at or now, **(values or {})},
        changes={"version": [None, report.versions.count() + 1], **(changes or {})},
    )
    version = _freeze(actor, report, now)
    text = _("%(unit)s đã gửi báo cáo %(period)s (lần %(n)s).") % {
        "unit": report.unit.name,
        "period": report.period_label,
        "n": version.number,
    }
    for user in deciders_of(report):
        notify(user=user, text=text, url=report.get_absolute_url())
    _dispatch(actor, report, version, now)
    return version


def _dispatch(actor: Any, report: Report, version: ReportVersion, now: dt.datetime) -> None:
    """Each version leaves as a document of its own, frozen as sent; the recipient's people
    are told by the notification above, so the dispatch only records it and its opening."""
    title = _("Báo cáo %(period)s của %(unit)s") % {
        "period": report.period_label,
        "unit": report.unit.name,
    }
    if version.number > 1:
        title += _(" (lần %(n)s)") % {"n": version.number}
    document_send(
        actor=actor,
        document=Document(
            subject=report,
            title=title,
            filename=documents.filename(report, "docx"),
            content=documents.render(report, version.snapshot, "docx"),
        ),
        sender=report.unit,
        recipients=[Recipient(name=report.recipient.name, unit=report.recipient)],
        notify_users=False,
        again=True,
        at=now,
    )


@transaction.atomic
def report_decide(
    *,
    actor: Any,
    report: Report,
    accept: bool,
    comment: str = "",
    now: dt.datetime | None = None,
) -> ReportVersion:
    """The recipient accepts the submitted version or returns it with a reason."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if not permissions.can_decide(actor, report):
        raise PermissionDenied
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": _("Ghi lý do trả lại để đơn vị biết cần sửa gì.")})
    transition(
        actor=actor,
        obj=report,
        move="accept" if accept else "return",
        unit_path=report.unit.path,
        changes={"comment": [None, comment]} if comment else None,
    )
    version = report.versions.order_by("-number")[0]  # a submitted report has one
    version.decision = (
        ReportVersion.Decision.ACCEPTED if accept else ReportVersion.Decision.RETURNED
    )
    version.decided_at = now or timezone.now()
    version.decided_by = actor if getattr(actor, "pk", None) else None
    version.comment = comment
    version.save(update_fields=["decision", "decided_at", "decided_by", "comment"])
    if accept:
        text = _("Báo cáo %(period)s của %(unit)s đã được tiếp nhận.")
    else:
        text = _("Báo cáo %(period)s của %(unit)s bị trả lại: %(reason)s")
    message = text % {"period": report.period_label, "unit": report.unit.name, "reason": comment}
    for user in authors_of(report):
        notify(user=user, text=message, url=report.get_absolute_url())
    return version


@transaction.atomic
def report_request_signature(
    *, actor: Any, report: Report, now: dt.datetime | None = None
) -> Report:
    """The drafter puts the ward's finished report before its leaders (trình ký): it is no
    longer edited, and the leaders are told (issue 14, item 7)."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if not (report.is_ward_report and permissions.is_author(actor, report)):
        raise PermissionDenied
    _check_period_over(report, timezone.localdate(now or timezone.now()))
    transition(
        actor=actor, obj=report, move="request_signature", unit_path=report.unit.path,
        values={"sent_back_reason": ""},
    )  # fmt: skip
    text = _("Báo cáo %(period)s của %(unit)s đã trình ký, chờ đồng chí xem và ban hành.") % {
        "period": report.period_label,
        "unit": report.unit.name,
    }
    for user in signers_of(report):
        notify(user=user, text=text, url=reverse("reporting:issue", args=[report.pk]))
    return report


@transaction.atomic
def report_withdraw(*, actor: Any, report: Report) -> Report:
    """The drafter takes back a report the leader has not signed, to mend it (issue 14)."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if not (report.is_ward_report and permissions.is_author(actor, report)):
        raise PermissionDenied
    transition(actor=actor, obj=report, move="withdraw", unit_path=report.unit.path)
    return report


@transaction.atomic
def report_send_back(*, actor: Any, report: Report, reason: str) -> Report:
    """The leader returns the report put before them to its drafter, saying what to mend
    (trả lại để sửa); it is a draft again (issue 14, item 7)."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if not permissions.is_signer(actor, report):
        raise PermissionDenied
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": SEND_BACK_NEEDS_REASON})
    transition(
        actor=actor, obj=report, move="send_back", unit_path=report.unit.path,
        values={"sent_back_reason": reason}, changes={"reason": [None, reason]},
    )  # fmt: skip
    text = _("Lãnh đạo trả lại báo cáo %(period)s để sửa: %(reason)s") % {
        "period": report.period_label,
        "reason": reason,
    }
    for user in authors_of(report):
        notify(user=user, text=text, url=report.get_absolute_url())
    return report


def issue_number_check(*, report: Report, number: str, issued_on: dt.date) -> str:
    """The number as it will print, or ValidationError: written like 05/BC-UBND and not used
    by another report of the unit in the year. The issue page asks it before confirming."""
    number = number.strip()
    if not NUMBER_RE.match(number):
        raise ValidationError(
            {"number": _("Số văn bản ghi theo dạng 05/BC-UBND (số thứ tự/BC-cơ quan ban hành).")}
        )
    clash = (
        Report.objects.filter(unit=report.unit, number=number, issued_on__year=issued_on.year)
        .exclude(pk=report.pk)
        .exists()
    )
    if clash:
        raise ValidationError(
            {"number": _("Số %(number)s đã dùng cho một báo cáo khác trong năm %(year)s.")
             % {"number": number, "year": issued_on.year}}
        )  # fmt: skip
    return number


@transaction.atomic
def report_issue(
    *,
    actor: Any,
    report: Report,
    number: str,
    issued_on: dt.date,
    now: dt.datetime | None = None,
) -> ReportVersion:
    """A leader signs the report put before them: it gets its number and date and goes to the
    Sở, the numbers freezing into a version as a unit's submission does (N5.2)."""
    report = Report.objects.select_related("unit", "recipient").get(pk=report.pk)
    if not permissions.is_signer(actor, report):
        raise PermissionDenied
    number = issue_number_check(report=report, number=number, issued_on=issued_on)
    now = now or timezone.now()
    _check_period_over(report, timezone.localdate(now))
    return _send(
        actor, report, now,
        move="issue",
        values={
            "number": number,
            "issued_on": issued_on,
            "approved_by": actor if getattr(actor, "pk", None) else None,
            "approved_at": now,
        },
        changes={"number": [None, number], "issued_on": [None, format_vn_date(issued_on)]},
    )  # fmt: skip


@transaction.atomic
def criterion_save(*, actor: Any, rubric: Any, measure: str, goal: Any, points: int) -> Any:
    """Add a criterion to the ward's rubric, or change the goal and points of one (N5.1)."""
    require_write(actor, rubric.owner)
    criterion, _created = Criterion.objects.update_or_create(
        rubric=rubric,
        measure=measure,
        defaults={"goal": goal, "points": points},
        create_defaults={
            "goal": goal,
            "points": points,
            "position": rubric.criteria.count(),
        },
    )
    audit_record(
        actor=actor,
        action="criterion.saved",
        obj=criterion,
        unit_path=rubric.owner.path,
        changes={"goal": [None, str(goal)], "points": [None, points]},
    )
    return criterion


@transaction.atomic
def criterion_delete(*, actor: Any, criterion: Any) -> None:
    require_write(actor, criterion.rubric.owner)
    audit_record(
        actor=actor,
        action="criterion.deleted",
        obj=criterion,
        unit_path=criterion.rubric.owner.path,
    )
    criterion.delete()
