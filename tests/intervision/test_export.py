"""Team-session notes belong to the author's own data (export and delete)."""

from __future__ import annotations

from learn.auth.personal_data import _KINDS


def test_team_session_notes_are_part_of_the_own_data_registry(app):
    assert _KINDS["team_sessions"].export.__name__ == "export_user_notes"
