"""What a student's home page shows: open assignments by due date, with a way back in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from itertools import groupby

from flask import url_for

from learn.auth.models import User
from learn.lessons.catalog import all_modules
from learn.lessons.services import answers_for, is_answered, pages_done, resume_page
from learn.localtime import local_day
from learn.trainers.models import Assignment, ItemKind
from learn.trainers.services import Cell, assignment_cells, extension_of
from learn.trainers.status import share_done


@dataclass
class SetView:
    assignment: Assignment
    due_at: datetime | None
    cells: list[Cell]
    links: list[str | None]
    percent: int
    resume: str | None  # the first unfinished item's exact page or scene


def continue_url(cell: Cell, user: User) -> str | None:
    item = cell.item
    if item.kind == ItemKind.CASE:
        if cell.attempt_id and cell.done_at is None:
            return url_for("casesim.play", attempt_id=cell.attempt_id)
        return url_for("casesim.case_detail", slug=item.ref)
    module = all_modules().get(item.ref)
    if module is None:
        return None
    read = pages_done(user, module.id)
    page_id = resume_page(module, read)
    if read >= {p.id for p in module.pages}:
        answers = answers_for(user, module.id)
        open_page = next(
            (
                p
                for p in module.pages
                for exercise_id in p.exercises
                if exercise_id not in answers
                or not is_answered(
                    answers[exercise_id].kind,
                    answers[exercise_id].text,
                    answers[exercise_id].result,
                )
            ),
            None,
        )
        page_id = open_page.id if open_page else page_id
    return url_for("lessons.page", module_id=module.id, page_id=page_id)


def student_sets(user: User, assignments: list[Assignment], now: datetime) -> list[SetView]:
    views = []
    for assignment in assignments:
        cells = assignment_cells(assignment, [user], all_modules(), now)[user.id]
        extension = extension_of(assignment, user.id)
        due = extension.due_at if extension and extension.due_at else assignment.due_at
        links = [continue_url(cell, user) for cell in cells]
        resume = next(
            (
                link
                for cell, link in zip(cells, links, strict=True)
                if cell.done_at is None and cell.status.value != "excused"
            ),
            None,
        )
        statuses = [cell.status for cell in cells]
        views.append(SetView(assignment, due, cells, links, share_done(statuses), resume))
    return views


def by_due_day(views: list[SetView]) -> list[tuple[date | None, list[SetView]]]:
    """Grouped by due day, soonest first; sets without a due date last."""
    ordered = sorted(views, key=lambda v: (v.due_at is None, v.due_at or datetime.max))
    return [
        (day, list(group)) for day, group in groupby(ordered, key=lambda v: local_day(v.due_at))
    ]
