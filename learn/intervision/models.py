"""Team sessions (intervisie, casuïstiekbespreking), their notes and action points.

Authors are kept with ``ondelete="SET NULL"``: when an account is deleted, what it wrote
for the team stays, credited to "voormalig lid". Drafts are personal and go with the account.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.auth.models import User, utcnow
from learn.extensions import belongs_to, db
from learn.groups.models import Group
from learn.intervision.rules import Mode, PointStatus, Roles, Status
from learn.intervision.timer import Timer

JSONData = JSON().with_variant(JSONB(), "postgresql")
DEFAULT_RETENTION_DAYS = 365


def _user_fk() -> Any:
    return mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


class TeamSession(db.Model):
    __tablename__ = "team_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = belongs_to("groups")
    title: Mapped[str] = mapped_column(String(120))
    method_id: Mapped[str] = mapped_column(String(100))
    method_title: Mapped[str] = mapped_column(String(200))
    # The method's phases as they were when the session was planned (see content/methods.py).
    phases: Mapped[list[dict[str, Any]]] = mapped_column(JSONData)
    mode: Mapped[str] = mapped_column(String(20), default=Mode.LIVE)
    status: Mapped[str] = mapped_column(String(20), default=Status.PLANNED)
    scheduled_at: Mapped[datetime]
    respond_by: Mapped[datetime | None]  # written sessions: answers close then
    case_slug: Mapped[str | None] = mapped_column(String(100))  # a library case brought in
    chair_id: Mapped[int | None] = _user_fk()
    presenter_id: Mapped[int | None] = _user_fk()
    scribe_id: Mapped[int | None] = _user_fk()
    # Whether each role was given to someone: with the id NULL, "nog niet gekozen" (False) or
    # a holder who deleted their account, "voormalig lid" (True).
    chair_chosen: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    presenter_chosen: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    scribe_chosen: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    created_by_id: Mapped[int | None] = _user_fk()
    current_phase: Mapped[int] = mapped_column(default=0)
    timer_duration: Mapped[int] = mapped_column(default=0)
    timer_elapsed: Mapped[int] = mapped_column(default=0)
    timer_started_at: Mapped[datetime | None]
    # Pseudonyms given by the privacy guard, consistent within the session: text -> alias.
    aliases: Mapped[dict[str, str]] = mapped_column(JSONData, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    purged_at: Mapped[datetime | None]  # notes deleted after the team's retention period

    team: Mapped[Group] = relationship()
    chair: Mapped[User | None] = relationship(foreign_keys=[chair_id])
    presenter: Mapped[User | None] = relationship(foreign_keys=[presenter_id])
    scribe: Mapped[User | None] = relationship(foreign_keys=[scribe_id])
    notes: Mapped[list[SessionNote]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True
    )
    action_points: Mapped[list[ActionPoint]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="ActionPoint.session_id",
        order_by="ActionPoint.id",
    )

    @property
    def timer(self) -> Timer:
        return Timer(self.timer_duration, self.timer_elapsed, self.timer_started_at)

    @timer.setter
    def timer(self, value: Timer) -> None:
        self.timer_duration = value.duration
        self.timer_elapsed = value.elapsed
        self.timer_started_at = value.started_at

    @property
    def roles(self) -> Roles:
        return Roles(self.chair_id, self.presenter_id, self.scribe_id)

    @property
    def phase(self) -> dict[str, Any] | None:
        if 0 <= self.current_phase < len(self.phases):
            return self.phases[self.current_phase]
        return None


class SessionNote(db.Model):
    """Published text of one slot (see rules.Slot); ``version`` grows with every save."""

    __tablename__ = "team_session_notes"
    __table_args__ = (UniqueConstraint("session_id", "phase", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = belongs_to("team_sessions")
    phase: Mapped[int]  # -1 for the session-level slots
    slot: Mapped[str] = mapped_column(String(40))
    author_id: Mapped[int | None] = _user_fk()
    edited_by_id: Mapped[int | None] = _user_fk()
    body: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    session: Mapped[TeamSession] = relationship(back_populates="notes")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    edited_by: Mapped[User | None] = relationship(foreign_keys=[edited_by_id])


class NoteDraft(db.Model):
    """Someone's own unpublished text: autosave writes here, never to the team's view."""

    __tablename__ = "team_session_drafts"
    __table_args__ = (UniqueConstraint("session_id", "phase", "slot", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = belongs_to("team_sessions")
    phase: Mapped[int]
    slot: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int] = belongs_to("users")
    text: Mapped[str] = mapped_column(Text, default="")
    base_version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class GuardOverride(db.Model):
    """A "toch opslaan": text published although the privacy guard found something."""

    __tablename__ = "team_session_guard_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = belongs_to("team_sessions")
    user_id: Mapped[int | None] = _user_fk()
    phase: Mapped[int]
    slot: Mapped[str] = mapped_column(String(40))
    kinds: Mapped[str] = mapped_column(String(200))  # what was found, e.g. "bsn,telefoon"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ActionPoint(db.Model):
    """What, who, by when; open until done or dropped, reviewed at the next session."""

    __tablename__ = "team_action_points"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = belongs_to("team_sessions")
    team_id: Mapped[int] = belongs_to("groups")
    what: Mapped[str] = mapped_column(String(500))
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Set when an owner is chosen. The owner column goes NULL when that account is deleted
    # (as a note's author does), so this tells "voormalig lid" from "nog niemand".
    owner_chosen: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    author_id: Mapped[int | None] = _user_fk()
    due: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=PointStatus.OPEN)
    times_carried: Mapped[int] = mapped_column(default=0)
    reviewed_in_id: Mapped[int | None] = mapped_column(
        ForeignKey("team_sessions.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]

    session: Mapped[TeamSession] = relationship(
        back_populates="action_points", foreign_keys=[session_id]
    )
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])

    @property
    def is_open(self) -> bool:
        return self.status == PointStatus.OPEN


class TeamSettings(db.Model):
    """Per-team settings for sessions; a team without a row uses the defaults."""

    __tablename__ = "team_session_settings"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    retention_days: Mapped[int] = mapped_column(default=DEFAULT_RETENTION_DAYS)
