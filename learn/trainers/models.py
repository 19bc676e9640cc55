"""Sets of cases and modules, and their assignment to a class.

Nothing here stores a student's status: it is derived from attempts, pages read
and answers (see `status.py`), so it can never disagree with what they did.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.auth.models import User, utcnow
from learn.extensions import belongs_to, db


class ItemKind:
    CASE = "case"
    MODULE = "module"


class CaseSet(db.Model):
    """A trainer's named, ordered list of cases and modules."""

    __tablename__ = "case_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # Shared with every trainer of this class: they may use and edit the set too.
    shared_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("groups.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User | None] = relationship()
    items: Mapped[list[SetItem]] = relationship(
        back_populates="set", order_by="SetItem.position", cascade="all, delete-orphan"
    )


class SetItem(db.Model):
    __tablename__ = "set_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = belongs_to("case_sets")
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(10))  # ItemKind
    ref: Mapped[str] = mapped_column(String(100))  # case slug or module id
    note: Mapped[str] = mapped_column(Text, default="")

    set: Mapped[CaseSet] = relationship(back_populates="items")


class Assignment(db.Model):
    """A set given to a class, with optional start, due and cut-off moments (naive UTC)."""

    __tablename__ = "assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = belongs_to("case_sets")
    group_id: Mapped[int] = belongs_to("groups")
    starts_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None]
    cutoff_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    set: Mapped[CaseSet] = relationship()
    extensions: Mapped[list[Extension]] = relationship(
        back_populates="assignment", cascade="all, delete-orphan"
    )


class Extension(db.Model):
    """One student's later due date for an assignment, or their exemption from it."""

    __tablename__ = "assignment_extensions"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = belongs_to("assignments")
    user_id: Mapped[int] = belongs_to("users")
    due_at: Mapped[datetime | None]
    excused: Mapped[bool] = mapped_column(default=False)

    assignment: Mapped[Assignment] = relationship(back_populates="extensions")
    user: Mapped[User] = relationship()
