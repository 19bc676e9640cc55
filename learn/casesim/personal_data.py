"""A learner's case attempts in their own-data download; deleted with the account."""

from __future__ import annotations

from sqlalchemy import delete, select

from learn.auth.models import User
from learn.auth.personal_data import DataKind, register, timestamp
from learn.casesim.models import Attempt, AttemptStep
from learn.extensions import db


def export_attempts(user: User) -> list[dict]:
    attempts = db.session.scalars(
        select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.started_at, Attempt.id)
    )
    return [
        {
            "case": attempt.version.case.slug,
            "case_version": attempt.version.number,
            "started_at": timestamp(attempt.started_at),
            "finished_at": timestamp(attempt.finished_at),
            "scores": attempt.scores,
            "steps": [
                {
                    "number": step.number,
                    "scene": step.scene_id,
                    "choice": step.choice_index,
                    "at": timestamp(step.created_at),
                }
                for step in attempt.steps
            ],
        }
        for attempt in attempts
    ]


def delete_attempts(user: User) -> None:
    owned = select(Attempt.id).where(Attempt.user_id == user.id)
    db.session.execute(delete(AttemptStep).where(AttemptStep.attempt_id.in_(owned)))
    db.session.execute(delete(Attempt).where(Attempt.user_id == user.id))


register(DataKind("case_attempts", export_attempts, delete_attempts))
