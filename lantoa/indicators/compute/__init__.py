"""Each target's value, status and projection computed from the record at a date (issue 4;
T1–T6). Nothing here is stored: the same call on the same record gives the same number.

Rules every kind follows (docs/decisions.md, "Indicators"):
- the window is the target's phase (else the plan's years), from 1 January of its first year to
  31 December of its last, evaluated at `at` (today by default);
- "about the plan" means an activity linked to the plan or to a plan derived from it, or to one
  of their task periods;
- denominators are dated: the people posted, and the units existing, on the evaluation date;
- `within` narrows everything to one unit's subtree (a school's own dashboard).

One module per kind, each implementing `base.Kind`; `registry.KINDS` maps kind to module.
"""

from lantoa.indicators.compute.base import Reading, Status
from lantoa.indicators.compute.context import base_unit_of
from lantoa.indicators.compute.registry import drill, read

__all__ = ["Reading", "Status", "base_unit_of", "drill", "read"]
