"""Home page and the language switch."""

from __future__ import annotations

from flask import current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from learn.access import Access, access
from learn.auth.models import utcnow
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.models import GroupKind
from learn.home import bp
from learn.home.progress import learner_progress
from learn.security import safe_next_url
from learn.trainers.helpers import item_titles
from learn.trainers.overview import by_due_day, student_sets
from learn.trainers.services import student_assignments


@bp.route("/")
@access(Access.PUBLIC)
def index():
    if not current_user.is_authenticated:
        return render_template("home/welcome.html")
    memberships = sorted(current_user.memberships, key=lambda m: m.group.name.lower())
    memberships = [m for m in memberships if m.group.archived_at is None]
    now = utcnow()
    return render_template(
        "home/index.html",
        classes=[m for m in memberships if m.group.kind == GroupKind.CLASS],
        teams=[m for m in memberships if m.group.kind == GroupKind.TEAM],
        assignments=by_due_day(
            student_sets(current_user, student_assignments(current_user, now), now)
        ),
        titles=item_titles(),
        learning=learner_progress(current_user),
    )


@bp.route("/language", methods=["POST"])
@access(Access.PUBLIC)
def set_language():
    """Switch language for this visit, and for the account when logged in."""
    language = request.form.get("language", "")
    if ActionForm().validate_on_submit() and language in current_app.config["LANGUAGES"]:
        session["language"] = language
        if current_user.is_authenticated:
            current_user.language = language
            db.session.commit()
    return redirect(safe_next_url(request.form.get("next")) or url_for("home.index"))
