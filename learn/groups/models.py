"""Classes and teams share one table: they differ in their roles and, later, their tools."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from learn.auth.models import User, utcnow
from learn.extensions import belongs_to, db
from learn.groups.codes import new_join_code


class GroupKind(StrEnum):
    CLASS = "klas"
    TEAM = "team"


class Role(StrEnum):
    TRAINER = "trainer"
    STUDENT = "student"
    BEGELEIDER = "begeleider"
    LID = "lid"


LEADER_ROLE = {GroupKind.CLASS: Role.TRAINER, GroupKind.TEAM: Role.BEGELEIDER}
MEMBER_ROLE = {GroupKind.CLASS: Role.STUDENT, GroupKind.TEAM: Role.LID}


class Group(db.Model):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(500), default="")
    join_code: Mapped[str] = mapped_column(String(16), unique=True, default=new_join_code)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # An archived class is read-only and off the home pages; its results stay.
    archived_at: Mapped[datetime | None]

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="Membership.joined_at"
    )

    def __repr__(self) -> str:
        return f"<Group {self.id} {self.kind} {self.name!r}>"

    @property
    def leader_role(self) -> Role:
        return LEADER_ROLE[GroupKind(self.kind)]

    @property
    def member_role(self) -> Role:
        return MEMBER_ROLE[GroupKind(self.kind)]

    def membership_of(self, user: User) -> Membership | None:
        return db.session.scalar(
            select(Membership).where(Membership.group_id == self.id, Membership.user_id == user.id)
        )

    def leaders(self) -> list[Membership]:
        return [m for m in self.memberships if m.role == self.leader_role]

    def add_member(self, user: User, role: Role | None = None) -> Membership:
        membership = Membership(group=self, user=user, role=role or self.member_role)
        db.session.add(membership)
        return membership

    def regenerate_code(self) -> None:
        self.join_code = new_join_code()

    @classmethod
    def by_join_code(cls, code: str) -> Group | None:
        return db.session.scalar(select(cls).where(cls.join_code == code))


class Membership(db.Model):
    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("group_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = belongs_to("groups")
    user_id: Mapped[int] = belongs_to("users")
    role: Mapped[str] = mapped_column(String(20))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)

    group: Mapped[Group] = relationship(back_populates="memberships")
    user: Mapped[User] = relationship(back_populates="memberships")

    @property
    def is_leader(self) -> bool:
        return self.role == self.group.leader_role
