"""Admin pages. Admins manage accounts and can fill a class from a class list; they do not
see class or team content."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from learn.access import Access, access
from learn.admin import bp
from learn.admin.forms import CreateUserForm, UserFlagsForm, UserSearchForm
from learn.auth.models import PasswordReset, User
from learn.auth.personal_data import delete_account, deletion_blockers
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.models import Group, GroupKind
from learn.security import external_url

PAGE_SIZE = 50

ROLE_FILTERS = {
    "admin": User.is_admin.is_(True),
    "trainer": User.is_trainer.is_(True),
    "none": ~User.is_admin & ~User.is_trainer,
}
STATUS_FILTERS = {"active": User.active.is_(True), "inactive": User.active.is_(False)}


def user_filters(role: str | None, status: str | None) -> list:
    """Conditions for the chosen role and status; an unknown value filters nothing."""
    chosen = [ROLE_FILTERS.get(role or ""), STATUS_FILTERS.get(status or "")]
    return [condition for condition in chosen if condition is not None]


@bp.route("/users")
@access(Access.ADMIN)
def users():
    form = UserSearchForm(request.args)
    query = select(User).order_by(func.lower(User.display_name))
    query = query.where(*user_filters(form.role.data, form.status.data))
    if form.q.data:
        pattern = f"%{form.q.data.strip().lower()}%"
        query = query.where(
            or_(func.lower(User.display_name).like(pattern), User.email.like(pattern))
        )
    page = db.paginate(query, per_page=PAGE_SIZE, error_out=False)
    return render_template("admin/users.html", form=form, page=page)


@bp.route("/users/new", methods=["GET", "POST"])
@access(Access.ADMIN)
def create_user():
    form = CreateUserForm()
    if form.validate_on_submit():
        user = User(
            email=User.normalise_email(form.email.data),
            display_name=form.display_name.data,
            is_trainer=form.is_trainer.data,
            is_admin=form.is_admin.data,
        )
        user.set_password(form.password.data)
        db.session.add(user)
        db.session.commit()
        flash(_("Account voor %(name)s aangemaakt.", name=user.display_name), "success")
        return redirect(url_for("admin.user", user_id=user.id))
    return render_template("admin/create_user.html", form=form)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@access(Access.ADMIN)
def user(user_id: int):
    account = db.get_or_404(User, user_id)
    form = UserFlagsForm(obj=account)
    if form.validate_on_submit():
        if account.id == current_user.id and not form.is_admin.data:
            flash(_("Je kunt jezelf niet uitschakelen of je beheerrechten afnemen."), "error")
            return redirect(url_for("admin.user", user_id=account.id))
        account.is_trainer = form.is_trainer.data
        account.is_admin = form.is_admin.data
        db.session.commit()
        flash(_("Opgeslagen."), "success")
        return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/user.html", account=account, form=form, action_form=ActionForm())


@bp.route("/users/<int:user_id>/reset-link", methods=["POST"])
@access(Access.ADMIN)
def reset_link(user_id: int):
    account = db.get_or_404(User, user_id)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("admin.user", user_id=account.id))
    hours = current_app.config["PASSWORD_RESET_HOURS"]
    reset, token = PasswordReset.issue(account, current_user, hours)
    db.session.commit()
    link = external_url("auth.reset_password", token=token)
    return render_template("admin/reset_link.html", account=account, link=link, reset=reset)


def other_account_or_404(user_id: int) -> User:
    """An account the admin may switch off or delete: anyone but themselves."""
    account = db.get_or_404(User, user_id)
    if account.id == current_user.id:
        abort(403)
    return account


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@access(Access.ADMIN)
def deactivate(user_id: int):
    """First a page that says who will be locked out; the button there switches off."""
    account = other_account_or_404(user_id)
    if ActionForm().validate_on_submit():
        account.active = False
        account.end_all_sessions()
        db.session.commit()
        flash(_("%(name)s kan niet meer inloggen.", name=account.display_name), "success")
        return redirect(url_for("admin.user", user_id=account.id))
    return render_template("admin/deactivate.html", account=account)


@bp.route("/users/<int:user_id>/activate", methods=["POST"])
@access(Access.ADMIN)
def activate(user_id: int):
    account = other_account_or_404(user_id)
    if ActionForm().validate_on_submit():
        account.active = True
        db.session.commit()
        flash(_("%(name)s kan weer inloggen.", name=account.display_name), "success")
    return redirect(url_for("admin.user", user_id=account.id))


@bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@access(Access.ADMIN)
def delete(user_id: int):
    """The same deletion as a user's own: personal data goes, shared content stays."""
    account = other_account_or_404(user_id)
    blockers = deletion_blockers(account)
    if ActionForm().validate_on_submit() and not blockers:
        name = account.display_name
        delete_account(account)
        flash(_("Het account van %(name)s is verwijderd.", name=name), "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/delete.html", account=account, blockers=blockers)


@bp.route("/classes")
@access(Access.ADMIN)
def classes():
    """Every class, with the way to its class-list import (trainers.import_students)."""
    found = db.session.scalars(
        select(Group).where(Group.kind == GroupKind.CLASS).order_by(func.lower(Group.name))
    ).all()
    return render_template("admin/classes.html", classes=found)
