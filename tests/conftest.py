"""Fixtures: a fresh, migrated database per test, on SQLite or PostgreSQL.

The database is built once per run with `flask db upgrade` (the same path every
real database takes). Each test then gets a copy (SQLite) or emptied tables
(PostgreSQL, when KRING_DATABASE_URL points at a database whose name contains
"test").

Tests ask for app settings with `@pytest.mark.app_config(KEY=value)`; CSRF and
rate limiting are off unless a test switches them on that way.
"""

from __future__ import annotations

import contextvars
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text
from sqlalchemy.engine import make_url

from learn import create_app
from learn.extensions import db
from learn.i18n import compile_catalogs

POSTGRES_URL = os.environ.get("KRING_DATABASE_URL", "")
USE_POSTGRES = POSTGRES_URL.startswith(("postgresql", "postgres"))

FIXTURE_MODULES = Path(__file__).parent / "content" / "fixtures" / "modules"

BASE_CONFIG = {
    "KRING_ENV": "testing",
    "MODULES_DIR": str(FIXTURE_MODULES),
    "WTF_CSRF_ENABLED": False,
    "RATELIMIT_ENABLED": False,
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "app_config(**settings): extra app settings for a test")
    if USE_POSTGRES and "test" not in (make_url(POSTGRES_URL).database or ""):
        raise pytest.UsageError(
            "KRING_DATABASE_URL points at a database without 'test' in its name; "
            "the tests empty every table, so they refuse to run there."
        )
    compile_catalogs()


class IsolatedClient(FlaskClient):
    """Runs every request in a fresh context, as a real server does.

    Without this, requests would reuse the test's app context and so share its
    `g` (Flask-Login caches the user there) and its database session, hiding
    bugs that only show when each request starts clean.
    """

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


def _build_app(url: str, **overrides) -> Flask:
    application = create_app({**BASE_CONFIG, "SQLALCHEMY_DATABASE_URI": url, **overrides})
    application.test_client_class = IsolatedClient
    return application


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database upgraded to head once per run: a template file, or the PostgreSQL URL."""
    if USE_POSTGRES:
        app = _build_app(POSTGRES_URL)
        with app.app_context():
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
            upgrade()
            db.engine.dispose()
        return POSTGRES_URL
    path = tmp_path_factory.mktemp("template") / "kring.sqlite3"
    app = _build_app(f"sqlite:///{path}")
    with app.app_context():
        upgrade()
        db.engine.dispose()
    with sqlite3.connect(path) as connection:  # fold the WAL into the file before copying
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return str(path)


def _empty_postgres_tables() -> None:
    tables = ", ".join('"' + table.name + '"' for table in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def app(request: pytest.FixtureRequest, migrated_database: str, tmp_path: Path) -> Iterator[Flask]:
    marker = request.node.get_closest_marker("app_config")
    overrides = dict(marker.kwargs) if marker else {}
    if USE_POSTGRES:
        url = migrated_database
    else:
        copy = tmp_path / "kring.sqlite3"
        shutil.copyfile(migrated_database, copy)
        url = f"sqlite:///{copy}"
    application = _build_app(url, **overrides)
    with application.app_context():
        yield application
        db.session.remove()
        if USE_POSTGRES:
            _empty_postgres_tables()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


@pytest.fixture
def login(app: Flask):
    """`login(user)` returns a test client logged in as `user` (no password round trip)."""

    def _login(user) -> FlaskClient:
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = user.session_token
            session["_fresh"] = True
        return client

    return _login
