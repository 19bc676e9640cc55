"""The learner's attempt at a case an exercise plays (triade), read for the kind's view."""

from __future__ import annotations

from learn.casesim import engine
from learn.casesim.models import Attempt, steps_of
from learn.exercises.base import Played, StoredAnswer
from learn.extensions import db


def played(attempt: Attempt) -> Played:
    content = attempt.version.content
    scene = content.scenes[attempt.current_scene]
    steps = steps_of(attempt)
    return Played(
        attempt=attempt,
        content=content,
        scene=scene,
        choices=engine.shown_choices(scene, attempt.id),
        last_choice=engine.last_choice(content, steps),
        attention=engine.attention_balance(content, steps),
        scores=attempt.scores or {},
    )


def played_by(stored: StoredAnswer | None, learner_id: int) -> Played | None:
    """The attempt a stored answer points at, if it is the learner's own."""
    attempt = db.session.get(Attempt, stored.answer["attempt_id"]) if stored else None
    if attempt is None or attempt.user_id != learner_id:
        return None
    return played(attempt)
