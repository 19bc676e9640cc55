"""Team-session notes in a person's own data. Deleting the account removes their drafts;
published notes and action points stay for the team, credited to "voormalig lid" (their
author columns become NULL when the account row goes)."""

from __future__ import annotations

from sqlalchemy import delete

from learn.auth.models import User
from learn.auth.personal_data import DataKind, register
from learn.extensions import db
from learn.intervision.models import NoteDraft
from learn.intervision.services import export_user_notes


def delete_drafts(user: User) -> None:
    db.session.execute(delete(NoteDraft).where(NoteDraft.user_id == user.id))


register(DataKind("team_sessions", export_user_notes, delete_drafts))
