"""A learner's module work (progress, answers, journal reflections) in their own data."""

from __future__ import annotations

from sqlalchemy import delete, select

from learn.auth.models import User
from learn.auth.personal_data import DataKind, register, timestamp
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer, ModuleCompletion, PageProgress

MODELS = (PageProgress, ModuleCompletion, ExerciseAnswer)


def export_module_work(user: User) -> dict[str, list[dict]]:
    def rows(model):
        return db.session.scalars(select(model).where(model.user_id == user.id).order_by(model.id))

    return {
        "pages_done": [
            {"module": p.module_id, "page": p.page_id, "at": timestamp(p.done_at)}
            for p in rows(PageProgress)
        ],
        "modules_completed": [
            {"module": c.module_id, "at": timestamp(c.completed_at)} for c in rows(ModuleCompletion)
        ],
        # Reflections (the journal) are the answers of kind "reflectie".
        "answers": [
            {
                "module": a.module_id,
                "exercise": a.exercise_id,
                "kind": a.kind,
                "text": a.text,
                "answer": a.answer,
                "result": a.result,
                "created_at": timestamp(a.created_at),
                "updated_at": timestamp(a.updated_at),
            }
            for a in rows(ExerciseAnswer)
        ],
    }


def delete_module_work(user: User) -> None:
    for model in MODELS:
        db.session.execute(delete(model).where(model.user_id == user.id))


register(DataKind("modules", export_module_work, delete_module_work))
