"""Accounts and one-time password-reset links."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, delete, select, update
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from learn.extensions import belongs_to, db


def utcnow() -> datetime:
    """Naive UTC timestamps: SQLite and PostgreSQL then store and compare them the same way."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    """A person with an account. Roles in classes and teams live on `Membership`."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(80))
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(5), default="nl")
    is_admin: Mapped[bool] = mapped_column(default=False)
    is_trainer: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the login cookie; replacing it logs the user out everywhere.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    memberships = relationship("Membership", back_populates="user", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def set_password(self, password: str) -> None:
        """Hash with werkzeug's default (scrypt) and end every other login session."""
        self.password_hash = generate_password_hash(password)
        self.session_token = new_session_token()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def end_all_sessions(self) -> None:
        self.session_token = new_session_token()

    @staticmethod
    def normalise_email(email: str) -> str:
        return email.strip().lower()

    @classmethod
    def by_email(cls, email: str) -> User | None:
        return db.session.scalar(select(cls).where(cls.email == cls.normalise_email(email)))


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class PasswordReset(db.Model):
    """A one-time link an admin hands to a user; only its hash is stored."""

    __tablename__ = "password_reset"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = belongs_to("users")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])

    @classmethod
    def issue(cls, user: User, created_by: User | None, hours: int) -> tuple[PasswordReset, str]:
        """Create a reset for `user`; returns it with the plain token (shown once).

        Only the newest link works: issuing one removes the user's older links.
        """
        db.session.execute(delete(cls).where(cls.user_id == user.id))
        token = secrets.token_urlsafe(32)
        reset = cls(
            user=user,
            token_hash=_hash_token(token),
            created_by_id=created_by.id if created_by else None,
            expires_at=utcnow() + timedelta(hours=hours),
        )
        db.session.add(reset)
        return reset, token

    @classmethod
    def find_usable(cls, token: str) -> PasswordReset | None:
        reset = db.session.scalar(select(cls).where(cls.token_hash == _hash_token(token)))
        if reset is None or reset.used_at is not None or reset.expires_at < utcnow():
            return None
        if not reset.user.active:
            return None
        return reset

    @classmethod
    def consume(cls, reset_id: int) -> bool:
        """Mark the link used; False if another request used it first.

        One conditional UPDATE, so of parallel submits exactly one wins: the
        database re-checks `used_at IS NULL` for each under its row lock.
        """
        now = utcnow()
        result = db.session.execute(
            update(cls)
            .where(cls.id == reset_id, cls.used_at.is_(None), cls.expires_at >= now)
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount == 1
