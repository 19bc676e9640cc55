"""A content sync on one instance reaches every other instance on the same database
without a restart: the content version row tells them to read the modules again."""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import Flask
from sqlalchemy import event

from learn.casesim.services import content_version, sync_cases
from learn.extensions import db
from learn.lessons.catalog import all_modules
from tests.conftest import FIXTURE_MODULES, _build_app


def instance(app: Flask, modules: Path, cases: Path) -> Flask:
    """A second app on the same database, as a second server behind a load balancer."""
    return _build_app(
        app.config["SQLALCHEMY_DATABASE_URI"],
        MODULES_DIR=str(modules),
        CASES_DIR=str(cases),
        CONTENT_CHECK_SECONDS=0,
    )


def title_seen_by(other: Flask) -> str:
    with other.app_context():
        title = all_modules()["mini-module"].title
        db.session.remove()
    return title


def test_a_sync_on_one_instance_reaches_the_other(app, tmp_path, cases_dir):
    modules = tmp_path / "modules"
    shutil.copytree(FIXTURE_MODULES, modules)
    first, second = instance(app, modules, cases_dir), instance(app, modules, cases_dir)
    with first.app_context():
        sync_cases(cases_dir, modules)
        db.session.remove()
    assert title_seen_by(second) == "Een kleine module"

    meta = modules / "mini-module" / "module.yaml"
    meta.write_text(meta.read_text().replace("Een kleine module", "Een bijgewerkte module"))
    # Files alone change nothing: instances follow the database, not their own disk.
    assert title_seen_by(second) == "Een kleine module"

    with first.app_context():
        before = content_version()
        sync_cases(cases_dir, modules)
        assert content_version() == before + 1
        db.session.remove()
    assert title_seen_by(second) == "Een bijgewerkte module"
    for other in (first, second):
        with other.app_context():
            db.engine.dispose()


def test_a_sync_that_changes_nothing_keeps_the_version(app, tmp_path, cases_dir):
    modules = tmp_path / "modules"
    shutil.copytree(FIXTURE_MODULES, modules)
    sync_cases(cases_dir, modules)
    version = content_version()
    sync_cases(cases_dir, modules)
    assert content_version() == version >= 1


def test_instances_look_at_the_version_at_most_every_few_seconds(app, tmp_path):
    """Between checks the cached modules are used without a query."""
    app.config["CONTENT_CHECK_SECONDS"] = 3600
    all_modules()
    queries = []
    listener = lambda *args: queries.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        for _ in range(5):
            all_modules()
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert queries == []
