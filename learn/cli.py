"""Kring's own commands (user, demo, content, translations, ...), which the app factory
registers on Flask's CLI; the `kring` script itself is learn.console."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from learn.auth.passwords import password_problems


@click.group("user", help="Manage accounts.")
def user_cli() -> None:
    pass


@user_cli.command("create")
@click.option("--email", prompt=True)
@click.option("--name", prompt="Display name")
@click.option("--admin", "is_admin", is_flag=True, help="Give the account admin rights.")
@click.option("--trainer", "is_trainer", is_flag=True, help="Let the account create classes.")
@click.password_option(help="Asked for when not given; read from a pipe when stdin is not a TTY.")
@with_appcontext
def create_user(email: str, name: str, is_admin: bool, is_trainer: bool, password: str) -> None:
    """Create an account (e.g. the first admin)."""
    from learn.auth.models import User
    from learn.extensions import db
    from learn.names import clean_name

    name = clean_name(name)
    if not name:
        raise click.ClickException("the display name is empty")
    if User.by_email(email):
        raise click.ClickException(f"an account with e-mail {email} exists already")
    problems = password_problems(password, email=email, name=name)
    if problems:
        raise click.ClickException(
            "the password is too weak: " + ", ".join(p.value for p in problems)
        )
    user = User(
        email=User.normalise_email(email),
        display_name=name,
        is_admin=is_admin,
        is_trainer=is_trainer or is_admin,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    click.echo(f"Created {'admin ' if is_admin else ''}account {user.email}.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup(path: Path) -> None:
    """Copy the SQLite database to PATH while Kring keeps running."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite":
        plain_url = url.set(drivername="postgresql").render_as_string(hide_password=True)
        click.echo(
            "This database is PostgreSQL: back it up with pg_dump, e.g.\n"
            f"  pg_dump --format=custom --file={path} '{plain_url}'\n"
            "and restore with pg_restore. Nothing was written.",
            err=True,
        )
        sys.exit(1)
    if path.exists():
        raise click.ClickException(f"{path} exists already; choose a new file name")
    source = sqlite3.connect(url.database)
    try:
        target = sqlite3.connect(path)
        with target:
            source.backup(target)
        target.close()
    finally:
        source.close()
    click.echo(f"Backed up {url.database} to {path}.")


@click.command("demo")
@with_appcontext
def demo() -> None:
    """Load the demo accounts, class and team (never in production)."""
    from learn.demo import DEMO_PASSWORD, load_demo

    if current_app.config["KRING_ENV"] == "production":
        raise click.ClickException("demo accounts are never loaded in production")
    accounts = load_demo()
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for email, description in accounts:
        click.echo(f"  {email:<22} {description}")


@click.group("translations", help="Compile the translation catalogues.")
def translations_cli() -> None:
    pass


@translations_cli.command("compile")
@click.option("--force", is_flag=True)
def compile_translations(force: bool) -> None:
    from learn.i18n import compile_catalogs

    for path in compile_catalogs(force=force):
        click.echo(f"compiled {path}")


@click.group("content", help="Check and load the case (and module) files.")
def content_cli() -> None:
    pass


@content_cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@with_appcontext
def content_check(paths: tuple[Path, ...]) -> None:
    """Check content files (default: everything) and print every problem as path:line:column."""
    from learn.content.check import check_paths
    from learn.content.problems import print_report

    report = check_paths(
        list(paths) or None,
        cases_dir=Path(current_app.config["CASES_DIR"]),
        modules_dir=Path(current_app.config["MODULES_DIR"]),
        methods_dir=Path(current_app.config["METHODS_DIR"]),
    )
    print_report(report, sys.stdout)
    sys.exit(report.exit_code)


@content_cli.command("sync")
@with_appcontext
def content_sync() -> None:
    """Load valid case files (and modules' triadic cases) into the database as versions."""
    from learn.casesim.services import sync_cases
    from learn.content.problems import print_report

    result = sync_cases(
        Path(current_app.config["CASES_DIR"]), Path(current_app.config["MODULES_DIR"])
    )
    for label, slugs in (
        ("added", result.added),
        ("updated", result.updated),
        ("retired", result.retired),
    ):
        if slugs:
            click.echo(f"{label}: {', '.join(slugs)}")
    click.echo(f"{len(result.unchanged)} unchanged")
    if result.report.errors:
        print_report(result.report, sys.stdout)
        sys.exit(1)


def register_commands(app: Flask) -> None:
    for command in (user_cli, backup, demo, translations_cli, content_cli):
        app.cli.add_command(command)
