"""A user's own data: one file to download, and deleting the account.

Each feature that stores something about a person registers a `DataKind`: how
to export it and what to do when the account is deleted. The download and the
deletion walk the registry, so a new feature (team notes, trainer data) adds
its part by calling `register` when its package is imported, and nothing here
changes. Plain functions, no request needed: admin and self-deletion share them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l

from learn.auth.models import PasswordReset, User, utcnow
from learn.extensions import db

FORMAT = "kring-personal-data/1"
# Shown instead of a deleted person's name where content others rely on stays.
FORMER_MEMBER = _l("voormalig lid")


@dataclass(frozen=True)
class DataKind:
    """One feature's share of a person's data.

    `export(user)` returns something JSON can hold. `on_delete(user)` removes the
    user's personal data (or credits content others rely on to FORMER_MEMBER);
    it runs before the account row goes, in the same transaction. `blockers(user)`
    names reasons the account cannot be deleted yet (e.g. the only trainer of a class).
    """

    name: str
    export: Callable[[User], Any]
    on_delete: Callable[[User], None]
    blockers: Callable[[User], list[str]] = field(default=lambda _user: [])


_KINDS: dict[str, DataKind] = {}


def register(kind: DataKind) -> None:
    """Add a feature's kind; registering a name again replaces it (module reloads)."""
    _KINDS[kind.name] = kind


def kinds() -> list[DataKind]:
    return list(_KINDS.values())


def timestamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def account_data(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "is_trainer": user.is_trainer,
        "is_admin": user.is_admin,
        "active": user.active,
        "created_at": timestamp(user.created_at),
        "last_login_at": timestamp(user.last_login_at),
    }


def export_user_data(user: User) -> dict[str, Any]:
    """Everything Kring keeps about `user`, as one JSON-ready dictionary."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "exported_at": timestamp(utcnow()),
        "account": account_data(user),
    }
    for kind in kinds():
        data[kind.name] = kind.export(user)
    return data


def deletion_blockers(user: User) -> list[str]:
    return [reason for kind in kinds() for reason in kind.blockers(user)]


def delete_account(user: User) -> None:
    """Remove `user` and their personal data in one transaction.

    Callers check `deletion_blockers` first; reset links go with the account.
    """
    for kind in kinds():
        kind.on_delete(user)
    db.session.execute(db.delete(PasswordReset).where(PasswordReset.user_id == user.id))
    db.session.delete(user)
    db.session.commit()
