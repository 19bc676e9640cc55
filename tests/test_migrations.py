"""Migrations create every database, so they must match the models exactly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import upgrade
from sqlalchemy import inspect, text

from learn import create_app
from learn.extensions import db
from tests.conftest import USE_POSTGRES


def test_migrations_have_a_single_head(app):
    script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    assert len(script.get_heads()) == 1


def test_the_test_database_is_at_head_and_matches_the_models(app):
    script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == script.get_current_head()
        assert compare_metadata(context, db.metadata) == []


def sqlite_app(path):
    """An app on its own SQLite file, for upgrading step by step."""
    return create_app({"KRING_ENV": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})


def test_upgrade_builds_a_fresh_sqlite_database_from_nothing(tmp_path):
    if USE_POSTGRES:
        pytest.skip("SQLite only; the session fixture built the PostgreSQL database from nothing")
    with sqlite_app(tmp_path / "fresh.sqlite3").app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"users", "groups", "membership", "password_reset", "alembic_version"} <= tables
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        db.engine.dispose()


def test_upgrading_marks_the_session_roles_that_have_a_holder_as_given(tmp_path):
    if USE_POSTGRES:
        pytest.skip("SQLite only: the migration's SQL is plain UPDATE, the same on both")
    with sqlite_app(tmp_path / "old.sqlite3").app_context():
        upgrade(revision="0009_point_owner")
        with db.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, email, display_name, password_hash, language, is_admin,"
                    " is_trainer, active, session_token, created_at) VALUES (1, 'a@b.nl', 'Ans',"
                    " 'x', 'nl', 0, 0, 1, 't', '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO groups (id, kind, name, description, join_code, created_at)"
                    " VALUES (1, 'team', 'Team', '', 'ABCD', '2026-01-01')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO team_sessions (id, team_id, title, method_id, method_title,"
                    " phases, mode, status, scheduled_at, chair_id, presenter_id, scribe_id,"
                    " current_phase, timer_duration, timer_elapsed, aliases, created_at) VALUES"
                    " (1, 1, 'Intervisie', 'm', 'M', '[]', 'live', 'gepland', '2026-01-02', 1,"
                    " NULL, 1, 0, 0, 0, '{}', '2026-01-01')"
                )
            )
        upgrade()
        with db.engine.connect() as connection:
            row = connection.execute(
                text("SELECT chair_chosen, presenter_chosen, scribe_chosen FROM team_sessions")
            ).one()
        db.engine.dispose()
    assert tuple(row) == (1, 0, 1)
