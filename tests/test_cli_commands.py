"""Tests audit §6.8: the `kring` commands no test ran (`db`, `translations compile`,
`content check`, `content sync`), through Flask's CLI runner: output, exit code, effect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from babel.messages.mofile import read_mo
from sqlalchemy import inspect, select, text

from learn import create_app, i18n
from learn.casesim.models import Case, CaseVersion
from learn.extensions import db
from tests.content.support import EXAMPLE, EXAMPLE_PATH, VOCABULARY_PATH, edit

SLUG = "geen-netwerk-kort"


@pytest.fixture
def folders(app, tmp_path: Path) -> Path:
    """A cases folder with the vocabulary and the documented example; no modules."""
    cases = tmp_path / "cases"
    cases.mkdir()
    shutil.copy(VOCABULARY_PATH, cases / "vocabulary.yaml")
    shutil.copy(EXAMPLE_PATH, cases / f"{SLUG}.yaml")
    (tmp_path / "modules").mkdir()
    app.config["CASES_DIR"] = str(cases)
    app.config["MODULES_DIR"] = str(tmp_path / "modules")
    return cases


def versions(slug: str) -> list[int]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(CaseVersion.number)
            .join(Case, Case.id == CaseVersion.case_id)
            .where(Case.slug == slug)
            .order_by(CaseVersion.number)
        )
    )


# --- content check ----------------------------------------------------------------------------


def test_content_check_of_valid_content_says_so_and_exits_0(runner, folders):
    result = runner.invoke(args=["content", "check", str(folders)])
    assert result.exit_code == 0, result.output
    assert result.output == "no problems in 2 files\n"


def test_content_check_names_file_line_and_column_and_exits_1(runner, folders):
    wrong = folders / "anders.yaml"
    wrong.write_text(EXAMPLE)
    result = runner.invoke(args=["content", "check", str(wrong)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{wrong}:1:5: error: id '{SLUG}' does not match the file name 'anders.yaml'",
        f"    hint: rename the file to '{SLUG}.yaml', or change the id to 'anders' if no learner "
        "has played this case yet",
        "1 error in 2 files",
    ]


def test_content_check_without_paths_checks_the_configured_folders(runner, folders):
    broken = edit(EXAMPLE, "start: kennismaking", "start: nergens")
    (folders / f"{SLUG}.yaml").write_text(broken)
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[:2] == [
        f"{folders / SLUG}.yaml:14:8: error: unknown scene 'nergens' in 'start'",
        "    hint: scenes: kennismaking, appgroep, stilte, einde-voetbal, einde-stil",
    ]
    assert lines[2].startswith("1 error in ") and len(lines) == 3


# --- content sync -----------------------------------------------------------------------------


def test_content_sync_stores_a_version_per_change_and_retires_removed_cases(runner, folders):
    first = runner.invoke(args=["content", "sync"])
    assert first.exit_code == 0, first.output
    assert first.output == f"added: {SLUG}\n0 unchanged\n"
    assert versions(SLUG) == [1]

    again = runner.invoke(args=["content", "sync"])
    assert (again.exit_code, again.output) == (0, "1 unchanged\n")
    assert versions(SLUG) == [1]

    path = folders / f"{SLUG}.yaml"
    path.write_text(edit(EXAMPLE, "title: Ik heb geen netwerk (kort)", "title: Geen netwerk"))
    changed = runner.invoke(args=["content", "sync"])
    assert (changed.exit_code, changed.output) == (0, f"updated: {SLUG}\n0 unchanged\n")
    assert versions(SLUG) == [1, 2]

    path.unlink()
    gone = runner.invoke(args=["content", "sync"])
    assert (gone.exit_code, gone.output) == (0, f"retired: {SLUG}\n0 unchanged\n")
    assert db.session.scalar(select(Case.retired).where(Case.slug == SLUG)) is True
    assert versions(SLUG) == [1, 2]  # kept for the attempts made on it


def test_content_sync_skips_a_broken_file_reports_it_and_exits_1(runner, folders):
    assert runner.invoke(args=["content", "sync"]).exit_code == 0
    path = folders / f"{SLUG}.yaml"
    path.write_text(edit(EXAMPLE, "start: kennismaking", "start: nergens"))
    result = runner.invoke(args=["content", "sync"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "0 unchanged"
    assert lines[1] == f"{path}:14:8: error: unknown scene 'nergens' in 'start'"
    assert lines[-1] == "1 error in 2 files"
    assert versions(SLUG) == [1]  # the case keeps its last good version


# --- translations compile ---------------------------------------------------------------------


def test_translations_compile_writes_a_stale_catalogue_only(runner, tmp_path, monkeypatch):
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(i18n.TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po", folder)
    monkeypatch.setattr(i18n.compile_catalogs, "__defaults__", (tmp_path,))
    mo = folder / "messages.mo"

    first = runner.invoke(args=["translations", "compile"])
    assert (first.exit_code, first.output) == (0, f"compiled {mo}\n")
    with mo.open("rb") as compiled:
        catalog = read_mo(compiled)
    assert catalog.get("Dit verzoek klopt niet").string == "Invalid request"

    fresh = runner.invoke(args=["translations", "compile"])
    assert (fresh.exit_code, fresh.output) == (0, "")  # up to date: nothing written
    forced = runner.invoke(args=["translations", "compile", "--force"])
    assert (forced.exit_code, forced.output) == (0, f"compiled {mo}\n")


# --- db (Flask-Migrate) -----------------------------------------------------------------------


def test_db_upgrade_builds_an_empty_database_to_the_head_and_can_run_again(tmp_path):
    path = tmp_path / "new.sqlite3"
    fresh = create_app({"KRING_ENV": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    runner = fresh.test_cli_runner()
    with fresh.app_context():
        config = fresh.extensions["migrate"].migrate.get_config()
        head = ScriptDirectory.from_config(config).get_current_head()
        for _ in range(2):  # the second run finds nothing to do
            upgraded = runner.invoke(args=["db", "upgrade"])
            assert upgraded.exit_code == 0, upgraded.output
            with db.engine.connect() as connection:
                applied = connection.execute(text("select version_num from alembic_version"))
                assert applied.scalars().all() == [head]
        assert {"users", "cases", "case_versions", "attempts"} <= set(
            inspect(db.engine).get_table_names()
        )
        db.engine.dispose()
