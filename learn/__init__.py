"""Kring: a training platform for network support in Dutch homeless care.

`create_app` is the only way an application is made: the dev server, gunicorn
(`learn:create_app()`), the `kring` CLI and the tests all go through it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from learn.config import PROJECT_ROOT, load_config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build a Kring application; `config` overrides defaults and environment."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.update(load_config(app.instance_path, overrides=config))

    from learn import errors, extensions, i18n, inputs, security
    from learn.admin import bp as admin_bp
    from learn.auth import bp as auth_bp
    from learn.casesim import bp as casesim_bp
    from learn.cli import register_commands
    from learn.groups import bp as groups_bp
    from learn.home import bp as home_bp
    from learn.intervision import bp as intervision_bp
    from learn.lessons import bp as lessons_bp
    from learn.live import bp as live_bp
    from learn.localtime import format_date, format_datetime
    from learn.rendering import render_content_markdown, render_markdown
    from learn.trainers import bp as trainers_bp

    extensions.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    inputs.init_app(app)
    blueprints = (
        home_bp,
        auth_bp,
        groups_bp,
        lessons_bp,
        casesim_bp,
        trainers_bp,
        intervision_bp,
        live_bp,
        admin_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    app.add_template_filter(render_markdown, "markdown")
    app.add_template_filter(render_content_markdown, "content_markdown")
    app.add_template_filter(format_datetime, "local_datetime")
    app.add_template_filter(format_date, "local_date")
    register_commands(app)
    return app
