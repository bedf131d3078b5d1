"""A task's periods (kỳ thực hiện): made from its timing within the plan's years, remade
when the timing changes, copied to and taken over by a unit's own plan (issue 3; issue 10,
item 10)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lantoa.core.dates import local_today, month_end
from lantoa.plans.models import Plan, Task, TaskOccurrence


def _years(plan: Plan) -> list[int]:
    first = plan.start_year or (plan.date.year if plan.date else local_today().year)
    last = plan.end_year or first
    return list(range(first, last + 1))


def periods_start(task: Task) -> dt.date:
    """The first day a task's periods cover: its own start date, else the day its plan takes
    effect (the plan's date; a draft without one, the day it was saved). No period lies
    before it (issue 10, item 10)."""
    plan = task.plan
    return task.start or plan.date or timezone.localdate(plan.created_at)


def occurrences_reschedule(task: Task) -> None:
    """New periods after the task's timing changed; periods already reported are kept."""
    done = set(
        task.occurrences.filter(status=TaskOccurrence.Status.DONE).values_list("label", flat=True)
    )
    task.occurrences.exclude(status=TaskOccurrence.Status.DONE).delete()
    fresh = occurrences_create(task, task.plan, save=False)
    TaskOccurrence.objects.bulk_create(o for o in fresh if o.label not in done)


def occurrences_create(task: Task, plan: Plan, *, save: bool = True) -> list[TaskOccurrence]:
    """One occurrence per period of the task's recurrence within the plan's years, from
    `periods_start` on: a period that ended before it is not created, one running across it
    starts on it."""
    rows: list[TaskOccurrence] = []
    if task.recurrence in ("", Task.Recurrence.ONCE):
        rows.append(TaskOccurrence(task=task, label="", starts=task.start, due=task.due))
        return TaskOccurrence.objects.bulk_create(rows) if save else rows
    if task.recurrence in (Task.Recurrence.YEARLY, Task.Recurrence.CONTINUOUS):
        rows += [
            TaskOccurrence(task=task, label=str(y), starts=dt.date(y, 1, 1), due=dt.date(y, 12, 31))
            for y in _years(plan)
        ]
    elif task.recurrence == Task.Recurrence.OCCASIONS and task.occasion:
        day, month = (int(x) for x in task.occasion.split("/"))
        rows += [
            TaskOccurrence(
                task=task,
                label=f"{task.occasion}/{y}",
                starts=dt.date(y, 1, 1),
                due=dt.date(y, month, day),
            )
            for y in _years(plan)
        ]
    else:
        step = {"monthly": 1, "quarterly": 3, "half_yearly": 6}.get(task.recurrence, 12)
        for y in _years(plan):
            for month in range(step, 13, step):
                first = dt.date(y, month - step + 1, 1)
                last = month_end(y, month)
                rows.append(
                    TaskOccurrence(task=task, label=f"{month:02d}/{y}", starts=first, due=last)
                )
    start = periods_start(task)
    rows = [r for r in rows if r.due is not None and r.due >= start]
    for row in rows:
        row.starts = max(row.starts or start, start)
    return TaskOccurrence.objects.bulk_create(rows) if save else rows


# What a period's result is: copied with it when a unit's plan takes a task over.
PERIOD_RESULT = ["status", "completed_on", "result_note", "evidence_url"]


def periods_copy(source: Task, copy: Task) -> None:
    """A derived task takes over its parent's periods as they stand: the same rounds of the
    same duty, with what was already reported (the parent's evidence files stay with it)."""
    TaskOccurrence.objects.bulk_create(
        TaskOccurrence(
            task=copy,
            label=period.label,
            starts=period.starts,
            due=period.due,
            **{name: getattr(period, name) for name in PERIOD_RESULT},
        )
        for period in source.occurrences.order_by("due", "pk")
    )


def periods_take_over(copy: Task) -> None:
    """When a unit issues its plan, its copy of a task takes over what was reported on the
    parent's periods since the copy was made."""
    parent = copy.parent_task
    if parent is None:
        return
    mine = {p.label: p for p in copy.occurrences.exclude(status=TaskOccurrence.Status.DONE)}
    for period in parent.occurrences.filter(status=TaskOccurrence.Status.DONE):
        open_copy = mine.get(period.label)
        if open_copy is not None:
            for name in PERIOD_RESULT:
                setattr(open_copy, name, getattr(period, name))
            open_copy.save(update_fields=PERIOD_RESULT)
