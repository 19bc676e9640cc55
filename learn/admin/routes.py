"""Admin pages. Admins manage accounts; they do not see class or team content."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from learn.access import Access, access
from learn.admin import bp
from learn.admin.forms import CreateUserForm, UserFlagsForm, UserSearchForm
from learn.auth.models import PasswordReset, User
from learn.extensions import db
from learn.forms import ActionForm
from learn.security import external_url

PAGE_SIZE = 50


@bp.route("/users")
@access(Access.ADMIN)
def users():
    form = UserSearchForm(request.args)
    query = select(User).order_by(func.lower(User.display_name))
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
        if account.id == current_user.id and not (form.active.data and form.is_admin.data):
            flash(_("Je kunt jezelf niet uitschakelen of je beheerrechten afnemen."), "error")
            return redirect(url_for("admin.user", user_id=account.id))
        if account.active and not form.active.data:
            account.end_all_sessions()
        account.is_trainer = form.is_trainer.data
        account.is_admin = form.is_admin.data
        account.active = form.active.data
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
