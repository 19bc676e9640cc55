"""What a learner did in the modules: pages read, modules finished, exercise answers.

Module content lives in files (modules/); rows refer to it by module id, page id
and exercise id. One answer row per learner and exercise: a new submission
replaces the previous one, so a resent form never duplicates anything.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from learn.auth.models import utcnow
from learn.casesim.models import JSONData
from learn.extensions import belongs_to, db


class ModuleRecord:
    """Whose row it is and which module (its folder name) it is about: the columns every
    table here shares."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = belongs_to("users")
    module_id: Mapped[str] = mapped_column(String(100))


class PageProgress(ModuleRecord, db.Model):
    __tablename__ = "page_progress"
    __table_args__ = (UniqueConstraint("user_id", "module_id", "page_id"),)

    page_id: Mapped[str] = mapped_column(String(100))
    done_at: Mapped[datetime] = mapped_column(default=utcnow)


class ModuleCompletion(ModuleRecord, db.Model):
    __tablename__ = "module_completions"
    __table_args__ = (UniqueConstraint("user_id", "module_id"),)

    completed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ExerciseAnswer(ModuleRecord, db.Model):
    """The learner's latest answer to one exercise, with its scored result.

    `text` holds a reflection exactly as typed (escaped when shown); `answer`
    the structured answer (chosen option, marked fragments, map placements, or
    the case attempt of a triadic exercise); `result` what scoring made of it.
    """

    __tablename__ = "exercise_answers"
    __table_args__ = (UniqueConstraint("user_id", "module_id", "exercise_id"),)

    exercise_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    result: Mapped[dict[str, Any]] = mapped_column(JSONData, default=dict)
    # A reflection the learner chose to let the trainers of their classes read.
    shared: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
