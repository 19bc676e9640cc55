"""Odd input turned away in one place, before it reaches the database.

PostgreSQL refuses NUL characters in text and integers above 2^31 - 1; SQLite
fails on integers above 2^63. Left alone, both end in a 500. Here ids beyond the
range simply match no route (404), and a NUL anywhere in a request is a 400 with
a message that says what was wrong.
"""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter

# The largest id or number every supported database stores (PostgreSQL's integer).
DB_INT_MAX = 2**31 - 1


def _up_to(limit: int) -> str:
    """A regular expression for the whole numbers 0..`limit` (no sign, no leading zeros)."""
    digits = str(limit)
    parts = [r"0"]
    if len(digits) > 1:  # fewer digits than the limit
        parts.append(rf"[1-9]\d{{0,{len(digits) - 2}}}")
    for i, digit in enumerate(digits):
        low = 1 if i == 0 else 0
        if int(digit) > low:  # same prefix, a smaller digit here, anything after
            top = int(digit) - 1
            span = str(low) if top == low else f"[{low}-{top}]"
            parts.append(
                digits[:i] + span + (rf"\d{{{len(digits) - i - 1}}}" if i < len(digits) - 1 else "")
            )
    parts.append(digits)
    return "(?:" + "|".join(parts) + ")"


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number the database can hold, else no match (404)."""

    # The path itself must not match a number above the maximum: when a GET and a POST rule
    # share a path, a number that matched the pattern but failed conversion would make
    # werkzeug answer 405 for the other method instead of 404.
    regex = _up_to(DB_INT_MAX)

    def __init__(self, url_map, *args, **kwargs) -> None:
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(url_map, *args, **kwargs)


def request_texts() -> list[str]:
    """Every piece of text the request carries: path arguments, query, form, file names."""
    texts = [str(value) for value in (request.view_args or {}).values()]
    for source in (request.args, request.form):
        for key, value in source.items(multi=True):
            texts += [key, value]
    texts += [file.filename or "" for file in request.files.values()]
    return texts


def init_app(app: Flask) -> None:
    """Call before blueprints are registered, so their routes use `IdConverter`."""
    app.url_map.converters["int"] = IdConverter

    @app.before_request
    def _refuse_nul():
        if any("\x00" in text for text in request_texts()):
            message = _(
                "Wat je stuurde bevat een onzichtbaar nul-teken, dat Kring niet kan bewaren. "
                "Ga terug, typ de tekst opnieuw (niet plakken) en verstuur hem nog eens."
            )
            return render_template("errors/error.html", code=400, message=message), 400
        return None
