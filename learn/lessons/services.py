"""Progress, answers and the journal in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from learn.auth.models import User, utcnow
from learn.content.modules import Module
from learn.exercises.registry import journal_kinds, kind_named
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer, ModuleCompletion, PageProgress


def pages_done(user: User, module_id: str) -> set[str]:
    return set(
        db.session.scalars(
            select(PageProgress.page_id).where(
                PageProgress.user_id == user.id, PageProgress.module_id == module_id
            )
        )
    )


def completion(user: User, module_id: str) -> ModuleCompletion | None:
    return db.session.scalar(
        select(ModuleCompletion).where(
            ModuleCompletion.user_id == user.id, ModuleCompletion.module_id == module_id
        )
    )


@dataclass(frozen=True)
class ModuleProgress:
    """Pages read and exercises answered: a module is done only when both are complete."""

    pages_read: int
    pages_total: int
    exercises_done: int
    exercises_total: int

    @property
    def done(self) -> bool:
        return self.pages_read >= self.pages_total and self.exercises_done >= self.exercises_total


def is_answered(kind: str, text: str, result: dict[str, Any] | None) -> bool:
    """Whether a stored answer counts for module completion; each kind says what counts."""
    return kind_named(kind).is_answered(text, result)


def module_progress(module: Module, read: set[str], answered: set[str]) -> ModuleProgress:
    return ModuleProgress(
        pages_read=len(read & {page.id for page in module.pages}),
        pages_total=len(module.pages),
        exercises_done=len(answered & set(module.exercises)),
        exercises_total=len(module.exercises),
    )


def progress_of(user: User, module: Module) -> ModuleProgress:
    answered = {
        exercise_id
        for exercise_id, row in answers_for(user, module.id).items()
        if is_answered(row.kind, row.text, row.result)
    }
    return module_progress(module, pages_done(user, module.id), answered)


def mark_page_done(user: User, module: Module, page_id: str) -> bool:
    """Record the page as read; returns True when this finished the whole module."""
    if page_id not in pages_done(user, module.id):
        db.session.add(PageProgress(user_id=user.id, module_id=module.id, page_id=page_id))
        _commit_once()
    return complete_if_done(user, module)


def complete_if_done(user: User, module: Module) -> bool:
    """Record the module as finished once every page is read and every exercise answered."""
    if completion(user, module.id) is None and progress_of(user, module).done:
        db.session.add(ModuleCompletion(user_id=user.id, module_id=module.id))
        _commit_once()
        return True
    return False


def _commit_once() -> None:
    """Commit; a double click that already stored the same row is not an error."""
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()


def resume_page(module: Module, done: set[str]) -> str:
    """Where to continue: the first page not yet read (or the first page)."""
    return next((p.id for p in module.pages if p.id not in done), module.pages[0].id)


def answers_for(user: User, module_id: str) -> dict[str, ExerciseAnswer]:
    rows = db.session.scalars(
        select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == user.id, ExerciseAnswer.module_id == module_id
        )
    )
    return {row.exercise_id: row for row in rows}


def save_answer(
    user: User,
    module_id: str,
    exercise_id: str,
    kind: str,
    *,
    text: str = "",
    answer: dict[str, Any] | None = None,
    result: dict[str, Any] | None = None,
) -> ExerciseAnswer:
    """Store the learner's latest answer to an exercise (one row per learner and exercise)."""
    row = db.session.scalar(
        select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == user.id,
            ExerciseAnswer.module_id == module_id,
            ExerciseAnswer.exercise_id == exercise_id,
        )
    )
    if row is None:
        row = ExerciseAnswer(
            user_id=user.id, module_id=module_id, exercise_id=exercise_id, kind=kind
        )
        db.session.add(row)
    row.text = text
    row.answer = answer or {}
    row.result = result or {}
    row.updated_at = utcnow()
    try:
        db.session.commit()
    except IntegrityError:  # the same answer posted twice at once: keep the stored one
        db.session.rollback()
        return save_answer(
            user, module_id, exercise_id, kind, text=text, answer=answer, result=result
        )
    return row


def journal_entries(user: User) -> list[ExerciseAnswer]:
    """The answers the journal keeps (reflections and saved maps), newest first."""
    return list(
        db.session.scalars(
            select(ExerciseAnswer)
            .where(
                ExerciseAnswer.user_id == user.id,
                ExerciseAnswer.kind.in_(journal_kinds()),
            )
            .order_by(ExerciseAnswer.module_id, ExerciseAnswer.updated_at.desc())
        )
    )
