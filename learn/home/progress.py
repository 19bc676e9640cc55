"""The learner's own progress on the home page: where they were (the exact page or scene),
progress per module and per case, and the next suggested step."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from flask import url_for
from sqlalchemy import func, select

from learn.auth.models import User
from learn.casesim.models import Attempt, AttemptStep
from learn.casesim.services import attempts_by_case, playable_cases, status_of
from learn.extensions import db
from learn.lessons.catalog import all_modules
from learn.lessons.models import ExerciseAnswer, PageProgress
from learn.lessons.services import ModuleProgress, pages_done, progress_of, resume_page


class Place(NamedTuple):
    """A link to one page or scene: what it belongs to (module or case) and where in it."""

    title: str
    where: str
    url: str


class ModuleRow(NamedTuple):
    title: str
    progress: ModuleProgress
    url: str


class CaseRow(NamedTuple):
    title: str
    status: str  # in_progress or done
    url: str


class LearnerProgress(NamedTuple):
    resume: Place | None
    modules: list[ModuleRow]
    cases: list[CaseRow]
    next_step: Place | None


def learner_progress(user: User) -> LearnerProgress:
    modules = all_modules()
    touched = _module_activity(user)
    module_rows, module_places = [], []
    for module_id, module in modules.items():
        progress = progress_of(user, module)
        page_id = resume_page(module, pages_done(user, module.id))
        page = next(p for p in module.pages if p.id == page_id)
        url = url_for("lessons.page", module_id=module.id, page_id=page.id)
        if module_id in touched:
            module_rows.append(ModuleRow(module.title, progress, url))
        if not progress.done:
            module_places.append((touched.get(module_id), Place(module.title, page.title, url)))
    case_rows, unfinished = [], []
    versions = {case.id: (case, version) for case, version in playable_cases()}
    for case_id, attempts in attempts_by_case(user).items():
        if case_id not in versions:
            continue
        case, version = versions[case_id]
        title = version.content.title
        case_rows.append(
            CaseRow(title, status_of(attempts), url_for("casesim.case_detail", slug=case.slug))
        )
        open_attempt = next((a for a in attempts if not a.finished), None)
        if open_attempt is not None:
            scene = open_attempt.version.content.scenes[open_attempt.current_scene]
            url = url_for("casesim.play", attempt_id=open_attempt.id)
            unfinished.append((_attempt_activity(open_attempt), Place(title, scene.title, url)))
    recent = [(when, place) for when, place in [*module_places, *unfinished] if when is not None]
    resume = max(recent, key=lambda item: item[0])[1] if recent else None
    return LearnerProgress(
        resume, module_rows, case_rows, resume or _next_step(user, module_places)
    )


def _next_step(user: User, module_places: list) -> Place | None:
    """Without anything started: the first unfinished module, else a case not yet done."""
    if module_places:
        return module_places[0][1]
    done = {
        cid for cid, attempts in attempts_by_case(user).items() if status_of(attempts) == "done"
    }
    for case, version in playable_cases():
        if case.id not in done:
            title = version.content.title
            return Place(title, title, url_for("casesim.case_detail", slug=case.slug))
    return None


def _module_activity(user: User) -> dict[str, datetime]:
    """Per module, the last time the learner read a page or answered an exercise there."""
    latest: dict[str, datetime] = {}
    for model, column in (
        (PageProgress, PageProgress.done_at),
        (ExerciseAnswer, ExerciseAnswer.updated_at),
    ):
        rows = db.session.execute(
            select(model.module_id, func.max(column))
            .where(model.user_id == user.id)
            .group_by(model.module_id)
        )
        for module_id, when in rows:
            latest[module_id] = max(when, latest.get(module_id, when))
    return latest


def _attempt_activity(attempt: Attempt) -> datetime:
    last_step = db.session.scalar(
        select(func.max(AttemptStep.created_at)).where(AttemptStep.attempt_id == attempt.id)
    )
    return last_step or attempt.started_at
