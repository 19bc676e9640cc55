"""Language: Dutch by default, English as a complete translation.

Source strings are Dutch; `learn/translations/en` holds the English catalogue.
Catalogues are compiled from the .po files at install/run time (`make`), never
committed as binaries.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, session
from flask_babel import get_locale
from flask_login import current_user

from learn.extensions import babel

TRANSLATIONS_DIR = Path(__file__).parent / "translations"


def select_locale() -> str:
    """The user's saved language, else the visitor's choice this session, else Dutch."""
    languages = current_app.config["LANGUAGES"]
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    chosen = session.get("language")
    if chosen in languages:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def compile_catalogs(directory: Path = TRANSLATIONS_DIR, *, force: bool = False) -> list[Path]:
    """Compile every messages.po under `directory` whose .mo is missing or stale."""
    written = []
    for po_path in sorted(directory.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        written.append(mo_path)
    return written


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)

    @app.context_processor
    def _locale() -> dict:
        return {"current_locale": lambda: str(get_locale() or "nl")}
