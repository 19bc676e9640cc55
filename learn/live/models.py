"""Live sessions in the database: the only place their state lives.

Every instance behind a load balancer reads and writes these rows, so nothing is kept in
process memory. `LiveSession.version` goes up with every leader action: clients compare it
to know whether anything changed. A vote is one row, unique per (session, step,
participant) and written with an upsert, so a double tap or a retry never counts twice.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.auth.models import User, utcnow
from learn.casesim.models import CaseVersion
from learn.extensions import belongs_to, db
from learn.groups.codes import new_join_code
from learn.groups.models import Group
from learn.live.machine import Phase

CODE_LENGTH = 6  # read from a projector and typed on a phone; sessions are short-lived


def new_session_code() -> str:
    return new_join_code(CODE_LENGTH)


class LiveSession(db.Model):
    __tablename__ = "live_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = belongs_to("groups")
    # Pinned like an attempt: editing the case file never changes a running session.
    case_version_id: Mapped[int] = mapped_column(
        ForeignKey("case_versions.id", ondelete="RESTRICT"), index=True
    )
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(8), unique=True, default=new_session_code)
    phase: Mapped[str] = mapped_column(String(20), default=Phase.SCENE.value)
    paused: Mapped[bool] = mapped_column(default=False)
    step_number: Mapped[int] = mapped_column(default=1)  # the LiveStep being shown
    version: Mapped[int] = mapped_column(default=1)
    allow_guests: Mapped[bool] = mapped_column(default=False)
    named: Mapped[bool] = mapped_column(default=False)  # fixed at the start; told on joining
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    expired: Mapped[bool] = mapped_column(default=False)  # ended by the clock, not the leader

    group: Mapped[Group] = relationship()
    case_version: Mapped[CaseVersion] = relationship()
    leader: Mapped[User | None] = relationship()
    steps: Mapped[list[LiveStep]] = relationship(
        back_populates="session", order_by="LiveStep.number", cascade="all, delete-orphan"
    )

    # Every UPDATE is `… WHERE version = <the version read>` and bumps it: a stale write fails.
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    @property
    def ended(self) -> bool:
        return self.phase == Phase.ENDED


class LiveStep(db.Model):
    """One scene as the group saw it; for a decision also the choice followed and the note."""

    __tablename__ = "live_steps"
    __table_args__ = (UniqueConstraint("session_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"))
    number: Mapped[int]  # 1-based, only ever grows (going back adds a step)
    scene_id: Mapped[str] = mapped_column(String(100))
    # The option's identity in the authored file (1-based), not its shuffled position.
    choice_index: Mapped[int | None]
    note: Mapped[str] = mapped_column(Text, default="")
    # The leader went back from here: kept for the record, not part of the path.
    withdrawn: Mapped[bool] = mapped_column(default=False)

    session: Mapped[LiveSession] = relationship(back_populates="steps")


class LiveParticipant(db.Model):
    """A member of the class or team (user set) or a guest (only a display name)."""

    __tablename__ = "live_participants"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = belongs_to("live_sessions")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    display_name: Mapped[str] = mapped_column(String(60))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class LiveVote(db.Model):
    __tablename__ = "live_votes"
    __table_args__ = (UniqueConstraint("session_id", "step_number", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("live_sessions.id", ondelete="CASCADE"))
    step_number: Mapped[int]
    participant_id: Mapped[int] = belongs_to("live_participants")
    option_index: Mapped[int]  # the option's identity in the authored file
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
