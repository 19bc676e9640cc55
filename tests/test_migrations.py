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


def test_upgrade_builds_a_fresh_sqlite_database_from_nothing(tmp_path):
    if USE_POSTGRES:
        pytest.skip("SQLite only; the session fixture built the PostgreSQL database from nothing")
    path = tmp_path / "fresh.sqlite3"
    fresh = create_app({"KRING_ENV": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with fresh.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"users", "groups", "membership", "password_reset", "alembic_version"} <= tables
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        db.engine.dispose()
