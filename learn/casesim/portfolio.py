"""Finished cases as the learner's journal keeps them (a portfolio): the path taken, the
scores, and the choices they would now make differently, i.e. the debrief's strongest
alternative wherever they chose another one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from learn.auth.models import User
from learn.casesim import engine
from learn.casesim.models import Attempt, Case, CaseVersion, steps_of
from learn.extensions import db


@dataclass(frozen=True)
class CaseDebrief:
    attempt_id: int
    title: str
    finished_at: datetime
    ending: str
    path: list[engine.DecisionReview]  # the decisions that stayed on the final path
    scores: list[engine.ScoreRow]

    @property
    def differently(self) -> list[engine.DecisionReview]:
        """Decisions where the strongest alternative was not the one chosen."""
        return [r for r in self.path if not r.chose_strongest]


def case_debriefs(user: User) -> list[CaseDebrief]:
    """The user's finished attempts on library cases, newest first (module exercises that
    play a case are not portfolio cases)."""
    query = (
        select(Attempt)
        .join(CaseVersion)
        .join(Case, Case.id == CaseVersion.case_id)
        .where(Attempt.user_id == user.id, Attempt.finished_at.is_not(None), Case.listed)
        .order_by(Attempt.finished_at.desc(), Attempt.id.desc())
    )
    debriefs = []
    for attempt in db.session.scalars(query):
        version = attempt.version
        content = version.content
        reviews = engine.review(content, steps_of(attempt))
        debriefs.append(
            CaseDebrief(
                attempt_id=attempt.id,
                title=content.title,
                finished_at=attempt.finished_at,
                ending=content.scenes[attempt.current_scene].title,
                path=[r for r in reviews if r.kept],
                scores=engine.score_rows(attempt.scores or {}, version.bounds, content.competences),
            )
        )
    return debriefs
