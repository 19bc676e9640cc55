"""Friendly error pages. A 500 rolls the session back so no half-written work is kept."""

from __future__ import annotations

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from learn.extensions import db

_PAGES = {400, 403, 404, 405, 410, 413, 429}


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        return render_template("errors/csrf.html", reason=error.description), 400

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        code = error.code or 500
        if code not in _PAGES:
            return error
        return render_template("errors/error.html", code=code), code

    @app.errorhandler(500)
    def _server_error(_error: Exception):
        db.session.rollback()
        return render_template("errors/error.html", code=500), 500
