"""The `kring` command: demo data, accounts, backup."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from learn.auth.models import User
from learn.demo import DEMO_PASSWORD
from learn.extensions import db
from learn.groups.models import Group, Membership
from tests.conftest import USE_POSTGRES


def counts():
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (User, Group, Membership)
    )


def test_demo_loads_accounts_class_and_team_and_is_idempotent(runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "student@kring.test" in first.output and DEMO_PASSWORD in first.output
    after_first = counts()
    assert after_first == (16, 2, 16)  # 4 accounts and 12 demo students (learn/trainers/demo.py)
    assert runner.invoke(args=["demo"]).exit_code == 0
    assert counts() == after_first
    student = User.by_email("student@kring.test")
    assert student.check_password(DEMO_PASSWORD)
    assert {m.group.kind for m in student.memberships} == {"klas", "team"}


@pytest.mark.app_config(KRING_ENV="production", SECRET_KEY="p" * 40)
def test_demo_is_refused_in_production(runner):
    result = runner.invoke(args=["demo"])
    assert result.exit_code != 0
    assert "never loaded in production" in result.output
    assert counts() == (0, 0, 0)


def test_user_create_makes_an_admin(runner):
    result = runner.invoke(
        args=["user", "create", "--email", "Baas@Example.test", "--name", "Baas", "--admin"],
        input="een sterk beheerderswachtwoord\neen sterk beheerderswachtwoord\n",
    )
    assert result.exit_code == 0, result.output
    user = User.by_email("baas@example.test")
    assert user.is_admin and user.check_password("een sterk beheerderswachtwoord")


def test_user_create_refuses_a_weak_password_and_a_duplicate(runner):
    weak = runner.invoke(
        args=["user", "create", "--email", "a@example.test", "--name", "A", "--password", "kort"]
    )
    assert weak.exit_code != 0 and "too_short" in weak.output
    args = [
        "user",
        "create",
        "--email",
        "a@example.test",
        "--name",
        "A",
        "--password",
        "lang genoeg wachtwoord",
    ]
    assert runner.invoke(args=args).exit_code == 0
    duplicate = runner.invoke(args=args)
    assert duplicate.exit_code != 0 and "exists already" in duplicate.output


def test_backup_copies_the_sqlite_database(runner, tmp_path):
    if USE_POSTGRES:
        pytest.skip("SQLite only; on PostgreSQL the backup command points to pg_dump (next test)")
    runner.invoke(args=["demo"])
    target = tmp_path / "backup.sqlite3"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("select count(*) from users").fetchone()[0] == 16  # with demo students
    again = runner.invoke(args=["backup", str(target)])
    assert again.exit_code != 0 and "exists already" in again.output


def test_backup_on_postgresql_explains_pg_dump_and_writes_nothing(runner, tmp_path):
    if not USE_POSTGRES:
        pytest.skip("PostgreSQL only; on SQLite the backup command copies the file (test above)")
    target = tmp_path / "backup.dump"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 1
    assert f"pg_dump --format=custom --file={target} 'postgresql://" in result.output
    assert "Nothing was written." in result.output
    assert not target.exists()
