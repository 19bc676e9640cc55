"""Cases, their versions, and learners' attempts.

A case file that changes becomes a new `CaseVersion`; an `Attempt` pins the
version it started on, so editing a case never rewrites anyone's work. Every
choice is an `AttemptStep` row, written when it is made; the unique step number
per attempt is what makes a repeated POST harmless.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, select
from sqlalchemy import true as sa_true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.auth.models import User, utcnow
from learn.content.cases import Case as CaseContent
from learn.content.cases import case_from_dict
from learn.content.cases.graph import distances_to_ending
from learn.extensions import belongs_to, db

JSONData = JSON().with_variant(JSONB(), "postgresql")


class Case(db.Model):
    """A case file's identity; its content lives in versions, the newest being current."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    # A case whose file was removed stays for the attempts made on it.
    retired: Mapped[bool] = mapped_column(default=False)
    # False for the short triadic cases inside modules: played there, not in the library.
    listed: Mapped[bool] = mapped_column(default=True, server_default=sa_true())

    def __repr__(self) -> str:
        return f"<Case {self.slug}>"

    @property
    def current_version(self) -> CaseVersion | None:
        return db.session.scalar(
            select(CaseVersion)
            .where(CaseVersion.case_id == self.id)
            .order_by(CaseVersion.number.desc())
            .limit(1)
        )


class CaseVersion(db.Model):
    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = belongs_to("cases")
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    # Loaded only when this process has not parsed this version yet (see `content`).
    data: Mapped[dict[str, Any]] = mapped_column(JSONData, deferred=True)
    # Computed from the graph at sync time: {"worst": {...}, "best": {...}, "best_path": [...]}
    bounds: Mapped[dict[str, Any]] = mapped_column(JSONData, deferred=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(foreign_keys=[case_id])

    @property
    def content(self) -> CaseContent:
        """The parsed case; versions never change, so each is parsed once per process."""
        content = _PARSED.get(self.content_hash)
        if content is None:
            content = _PARSED[self.content_hash] = case_from_dict(self.data)
        return content

    @property
    def distances_to_ending(self) -> dict[str, int]:
        """Fewest steps from each scene to an ending (the progress bar), once per version."""
        distances = _DISTANCES.get(self.content_hash)
        if distances is None:
            distances = _DISTANCES[self.content_hash] = distances_to_ending(self.content)
        return distances


_PARSED: dict[str, CaseContent] = {}
_DISTANCES: dict[str, dict[str, int]] = {}


class Attempt(db.Model):
    __tablename__ = "attempts"
    # A class's results look up its students' attempts on given case versions.
    __table_args__ = (Index("ix_attempts_user_id_case_version_id", "user_id", "case_version_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = belongs_to("users")
    case_version_id: Mapped[int] = mapped_column(
        ForeignKey("case_versions.id", ondelete="RESTRICT"), index=True
    )
    # The start form's one-time token: a double click on "start" finds this attempt again.
    start_token: Mapped[str] = mapped_column(String(64), unique=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    current_scene: Mapped[str] = mapped_column(String(100))
    step_count: Mapped[int] = mapped_column(default=0)
    # Filled in when the attempt reaches an ending: points per competence and "total".
    scores: Mapped[dict[str, int] | None] = mapped_column(JSONData)

    user: Mapped[User] = relationship()
    version: Mapped[CaseVersion] = relationship()
    steps: Mapped[list[AttemptStep]] = relationship(
        back_populates="attempt", order_by="AttemptStep.number", cascade="all, delete-orphan"
    )

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class AttemptStep(db.Model):
    __tablename__ = "attempt_steps"
    __table_args__ = (UniqueConstraint("attempt_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based; unique per attempt
    scene_id: Mapped[str] = mapped_column(String(100))
    choice_index: Mapped[int | None]  # None: a narrative scene's "continue"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="steps")


def steps_of(attempt: Attempt) -> list[tuple[str, int | None]]:
    """The attempt's path as the engine reads it: (scene id, choice index) per step."""
    return [(step.scene_id, step.choice_index) for step in attempt.steps]


class ContentState(db.Model):
    """One row: bumped by every content sync that changed something, so each running
    instance notices new content (and reloads its module cache) without a restart."""

    __tablename__ = "content_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    # sha256 over the module files, so a changed module page also counts as a change.
    modules_digest: Mapped[str] = mapped_column(String(64), default="")
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
