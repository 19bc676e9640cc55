"""The Flask extensions, created once and bound to an app in `init_app`.

Keeping them here (not in the factory) lets feature packages import `db`
and friends without import cycles.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from flask import Flask, current_app, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import ForeignKey, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, mapped_column
from werkzeug.middleware.proxy_fix import ProxyFix


class Base(DeclarativeBase):
    """Declarative base with named constraints, so migrations can alter them."""

    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


def belongs_to(table: str) -> Any:
    """A row's required link to the row it belongs to: deleted with it, and indexed, because
    it is listed by it (a session's notes, a class's memberships)."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


def client_address() -> str:
    """The caller's address (ProxyFix has already applied trusted proxy headers)."""
    return request.remote_addr or "unknown"


class KringLoginManager(LoginManager):
    """Clears the remember cookie with the attributes it was set with.

    Flask-Login deletes it by name, domain and path only; a browser may then keep a
    `Secure`/`SameSite` cookie it was told to forget.
    """

    def _clear_cookie(self, response) -> None:
        config = current_app.config
        response.delete_cookie(
            config["REMEMBER_COOKIE_NAME"],
            domain=config.get("REMEMBER_COOKIE_DOMAIN"),
            path=config.get("REMEMBER_COOKIE_PATH", "/"),
            secure=config["REMEMBER_COOKIE_SECURE"],
            httponly=config["REMEMBER_COOKIE_HTTPONLY"],
            samesite=config["REMEMBER_COOKIE_SAMESITE"],
        )


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = KringLoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=client_address)


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, _record) -> None:
    """WAL lets readers and one writer work at once; SQLite needs foreign keys switched on."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def commit_keeping_loaded() -> None:
    """Commit without expiring what the session has loaded.

    What a request has just written is what it reads next (its user, the rows it changed):
    after a plain commit each of them would be read again, one query apiece, for nothing new.
    """
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def init_app(app: Flask) -> None:
    """Bind every extension to `app`."""
    if app.config["TRUSTED_PROXIES"]:
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    db.init_app(app)
    migrate.init_app(app, db, directory=app.config["MIGRATIONS_DIR"], render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "basic"
