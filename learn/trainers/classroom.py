"""Running a class: co-trainers, handing over, archiving, importing a class list, sharing.

Also the case preview for trainers and a student's switch to share a reflection.
"""

from __future__ import annotations

import json

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from learn.access import Access, access
from learn.auth.models import PasswordReset, User, utcnow
from learn.casesim.vocabulary import vocabulary
from learn.exercises.registry import shareable_kinds
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.models import Role
from learn.lessons.models import ExerciseAnswer
from learn.trainers.blueprint import bp
from learn.trainers.csvfiles import ClassListError, read_class_list, to_csv
from learn.trainers.forms import CoTrainerForm, ImportForm
from learn.trainers.results import case_or_404, class_or_404, csv_response
from learn.trainers.services import is_class_trainer

PROBLEMS = {
    "encoding": "Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.",
    "columns": "Regel %(line)d: verwacht precies twee kolommen, naam en e-mailadres.",
    "name": "Regel %(line)d: de naam ontbreekt of is langer dan 80 tekens.",
    "email": "Regel %(line)d: dit is geen geldig e-mailadres.",
    "duplicate": "Regel %(line)d: dit e-mailadres staat al eerder in het bestand.",
    "empty": "Het bestand bevat geen namen.",
}


@bp.route("/classes/<int:group_id>/trainers", methods=["GET", "POST"])
@access(Access.CLASS_TRAINER)
def trainers(group_id: int):
    """Add a co-trainer (an account that may train), optionally handing the class over."""
    group = class_or_404(group_id)
    form = CoTrainerForm()
    if request.method == "POST":
        class_or_404(group_id, write=True)
    if form.validate_on_submit():
        user = User.by_email(form.email.data)
        if user is None or not user.is_trainer:
            form.email.errors.append(_("Er is geen trainersaccount met dit e-mailadres."))
        else:
            membership = group.membership_of(user)
            if membership is None:
                group.add_member(user, Role.TRAINER)
            else:
                membership.role = Role.TRAINER
            if form.hand_over.data and user.id != current_user.id:
                db.session.delete(group.membership_of(current_user))
                db.session.commit()
                flash(_("De klas is overgedragen aan %(name)s.", name=user.display_name), "success")
                return redirect(url_for("home.index"))
            db.session.commit()
            flash(_("%(name)s is nu trainer van deze klas.", name=user.display_name), "success")
            return redirect(url_for("trainers.class_results", group_id=group.id))
    return render_template(
        "trainers/trainers.html", group=group, form=form, leaders=group.leaders()
    ), 400 if form.errors else 200


@bp.route("/classes/<int:group_id>/archive", methods=["POST"])
@access(Access.CLASS_TRAINER)
def archive(group_id: int):
    """Archive (read-only, off the home pages) or bring back; results are kept either way."""
    group = class_or_404(group_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    group.archived_at = None if group.archived_at else utcnow()
    db.session.commit()
    flash(_("Gearchiveerd.") if group.archived_at else _("De klas is weer actief."), "success")
    return redirect(url_for("trainers.class_results", group_id=group.id))


@bp.route("/classes/<int:group_id>/import", methods=["GET", "POST"])
@access(Access.CLASS_IMPORT)
def import_students(group_id: int):
    """All or nothing: one bad row and no account or membership is made. An admin who
    trains no class reaches the same page from the admin's class list."""
    group = class_or_404(group_id, admins=True)
    trainer = is_class_trainer(current_user, group)
    form = ImportForm()
    if request.method == "POST":
        class_or_404(group_id, write=True, admins=True)
    if form.validate_on_submit():
        try:
            people = read_class_list(form.file.data.read(512 * 1024))
        except ClassListError as error:
            form.file.errors.append(_(PROBLEMS[error.problem], line=error.line))
        else:
            links = enrol(group, people)
            db.session.commit()
            flash(_("%(n)d studenten staan in de klas.", n=len(people)), "success")
            return render_template("trainers/imported.html", group=group, links=links,
                                   rows=json.dumps(links), action_form=ActionForm(),
                                   trainer=trainer)  # fmt: skip
    return render_template("trainers/import.html", group=group, form=form, trainer=trainer), (
        400 if form.errors else 200
    )


def enrol(group, people) -> list[list[str]]:
    """Add everyone to the class; new accounts get a one-time set-password link."""
    hours = current_app.config["PASSWORD_RESET_HOURS"]
    links = []
    for person in people:
        user = User.by_email(person.email)
        if user is None:
            # No password can match "!": the one-time link is the only way in.
            user = User(email=person.email, display_name=person.name, password_hash="!")  # noqa: S106
            db.session.add(user)
            db.session.flush()
            _reset, token = PasswordReset.issue(user, current_user, hours)
            link = url_for("auth.reset_password", token=token, _external=True)
            links.append([person.name, person.email, link])
        if group.membership_of(user) is None:
            group.add_member(user)
            db.session.flush()
    return links


@bp.route("/classes/<int:group_id>/import/links.csv", methods=["POST"])
@access(Access.CLASS_IMPORT)
def import_links(group_id: int):
    """The links shown once after an import, as CSV; the page posts them back, none are stored."""
    class_or_404(group_id, admins=True)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        rows = json.loads(request.form.get("rows", ""))
        valid = all(isinstance(r, list) and len(r) == 3 and all(isinstance(c, str) for c in r)
                    for r in rows)  # fmt: skip
    except (ValueError, TypeError):
        valid = False
    if not valid or not isinstance(rows, list):
        abort(400)
    header = [_("naam"), _("e-mail"), _("link om een wachtwoord te kiezen")]
    return csv_response(to_csv(header, rows), "kring-wachtwoordlinks.csv")


@bp.route("/cases/<slug>/preview")
@access(Access.TRAINER)
def preview(slug: str):
    """The whole case on one page, without starting an attempt."""
    case = case_or_404(slug)
    version = case.current_version
    if version is None:
        abort(404)
    return render_template(
        "trainers/preview.html", case=case, content=version.content, bounds=version.bounds,
        vocab=vocabulary(),
    )  # fmt: skip


@bp.route("/journal/<int:answer_id>/share", methods=["POST"])
@access(Access.ENTRY_OWNER)
def share_reflection(answer_id: int):
    row = db.session.get(ExerciseAnswer, answer_id)
    if row is None or row.user_id != current_user.id or row.kind not in shareable_kinds():
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    row.shared = not row.shared
    db.session.commit()
    flash(
        _("Je trainers kunnen deze reflectie nu lezen.") if row.shared
        else _("Deze reflectie is weer alleen voor jou."),
        "success",
    )  # fmt: skip
    return redirect(url_for("lessons.journal", _anchor=f"entry-{row.id}"))
