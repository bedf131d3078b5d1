"""What the parser works on and what it returns (P2): the paragraphs of a plan's body and the
`ParsedPlan`, whose `as_json()` is the shape fixed by shared/golden/README.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lantoa.plans.parsing.extract import TableBlock


@dataclass
class Para:
    """A paragraph after soft-wrapped lines are joined."""

    kind: str  # roman | numbered | letter | bullet | sub | text | table
    number: str
    text: str
    table: TableBlock | None = None


@dataclass
class ParsedPlan:
    """A plan as read from its document, with the warnings a reviewer should see (P2, G3)."""

    title: str | None = None
    document_kind: str | None = None
    document_kind_code: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    number: str | None = None
    date: dt.date | None = None
    place: str | None = None
    legal_bases: list[dict[str, Any]] = field(default_factory=list)
    general_objectives: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    duplicate_objectives: list[list[int]] = field(default_factory=list)
    phases: list[dict[str, Any]] = field(default_factory=list)
    task_groups: list[dict[str, Any]] = field(default_factory=list)
    budget: list[str] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)
    recipients: dict[str, Any] = field(
        default_factory=lambda: {"electronic": [], "paper": [], "archive": None}
    )
    signer: dict[str, str | None] = field(
        default_factory=lambda: {"authority": None, "title": None, "name": None}
    )
    warnings: list[dict[str, str]] = field(default_factory=list)
    # "TỔ CHỨC THỰC HIỆN" as read, unit by unit, for the tasks it may have to supply
    duty_headings: list[dict[str, Any]] = field(default_factory=list, repr=False)
    # a "PHÂN CÔNG NHIỆM VỤ" section, unit by unit: the tasks when no other section lists them
    assignment_headings: list[dict[str, Any]] = field(default_factory=list, repr=False)

    def warn(self, code: str, message: str, where: str = "") -> None:
        self.warnings.append({"code": code, "message": message, "where": where})

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "document_kind": self.document_kind,
            "document_kind_code": self.document_kind_code,
            "issuer": self.issuer,
            "parent_issuer": self.parent_issuer,
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "legal_bases": self.legal_bases,
            "general_objectives": self.general_objectives,
            "requirements": self.requirements,
            "duplicate_objectives": self.duplicate_objectives,
            "phases": self.phases,
            "task_groups": self.task_groups,
            "budget": self.budget,
            "responsibilities": self.responsibilities,
            "recipients": self.recipients,
            "signer": self.signer,
            "warnings": self.warnings,
        }
