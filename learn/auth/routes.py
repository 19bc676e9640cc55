"""Routes for accounts. Failed logins are limited per address+account, account and address."""

from __future__ import annotations

import json

from flask import (
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from learn.access import Access, access
from learn.auth import bp
from learn.auth.forms import (
    ChangePasswordForm,
    CurrentPasswordForm,
    DeleteAccountForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResetPasswordForm,
)
from learn.auth.models import PasswordReset, User, utcnow
from learn.auth.personal_data import delete_account, deletion_blockers, export_user_data
from learn.auth.services import LoginResult, check_login
from learn.downloads import attachment
from learn.extensions import client_address, db, limiter, login_manager
from learn.forms import ActionForm
from learn.security import safe_next_url


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return db.session.scalar(
        select(User).where(User.session_token == session_token, User.active.is_(True))
    )


def _login_email() -> str:
    return User.normalise_email(request.form.get("email", ""))


def _login_account_key() -> str:
    return f"{client_address()}|{_login_email()}"


def _login_failed(response) -> bool:
    """Only failures count: a successful login redirects, a failed one shows the form again."""
    return response.status_code == 200


def _failed_login_limit(config_key: str, key_func=None):
    return limiter.limit(
        lambda: current_app.config[config_key],
        key_func=key_func,
        methods=["POST"],
        deduct_when=_login_failed,
    )


def _after_login_url() -> str:
    return safe_next_url(request.args.get("next")) or url_for("home.index")


def _set_language_from(user: User) -> None:
    session["language"] = user.language


@bp.route("/login", methods=["GET", "POST"])
@_failed_login_limit("LOGIN_RATE_LIMIT_PER_ADDRESS")
@_failed_login_limit("LOGIN_RATE_LIMIT_PER_ACCOUNT", _login_account_key)
@_failed_login_limit("LOGIN_RATE_LIMIT_PER_ACCOUNT_ANY_ADDRESS", _login_email)
@access(Access.PUBLIC)
def login():
    if current_user.is_authenticated:
        return redirect(_after_login_url())
    form = LoginForm()
    if form.validate_on_submit():
        user = User.by_email(form.email.data)
        result = check_login(user, form.password.data)
        if result is LoginResult.OK:
            login_user(user, remember=form.remember.data)
            user.last_login_at = utcnow()
            db.session.commit()
            _set_language_from(user)
            return redirect(_after_login_url())
        elif result is LoginResult.DEACTIVATED:
            form.form_errors.append(
                _("Je account is uitgeschakeld. Neem contact op met de beheerder van Kring.")
            )
        else:
            # One message for every other failure, so nobody learns which accounts exist.
            form.form_errors.append(_("Dit e-mailadres en wachtwoord horen niet bij elkaar."))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@access(Access.PUBLIC)
def logout():
    """Ends the session on the server: a copied session or remember cookie stops working.

    There is one session token per account, so this logs out every device.
    """
    if current_user.is_authenticated:
        current_user.end_all_sessions()
        db.session.commit()
    logout_user()
    flash(_("Je bent uitgelogd."), "info")
    return redirect(url_for("home.index"))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit("20 per hour", methods=["POST"])
@access(Access.PUBLIC)
def register():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        user = User(
            email=User.normalise_email(form.email.data),
            display_name=form.display_name.data,
            language=session.get("language", current_app.config["BABEL_DEFAULT_LOCALE"]),
        )
        user.set_password(form.password.data)
        db.session.add(user)
        db.session.commit()
        login_user(user)
        flash(_("Welkom bij Kring, %(name)s.", name=user.display_name), "success")
        return redirect(_after_login_url())
    return render_template("auth/register.html", form=form)


@bp.route("/account", methods=["GET", "POST"])
@access(Access.USER)
def account():
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        current_user.display_name = form.display_name.data
        current_user.language = form.language.data
        db.session.commit()
        _set_language_from(current_user)
        flash(_("Je gegevens zijn opgeslagen."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form)


@bp.route("/account/logout-everywhere", methods=["POST"])
@access(Access.USER)
def logout_everywhere():
    """For a lost phone or a shared computer: every other device is logged out."""
    if ActionForm().validate_on_submit():
        current_user.end_all_sessions()
        db.session.commit()
        login_user(current_user._get_current_object())
        flash(_("Je bent op alle andere apparaten uitgelogd."), "success")
    return redirect(url_for("auth.account"))


def _password_guess_key() -> str:
    return f"current-password|{current_user.id}"


# Wrong current passwords (changing it, deleting the account) share one budget per user.
_limit_password_guesses = limiter.shared_limit(
    lambda: current_app.config["PASSWORD_CHANGE_RATE_LIMIT"],
    scope="current-password",
    key_func=_password_guess_key,
    methods=["POST"],
    deduct_when=lambda _response: g.get("wrong_current_password", False),
)


def _validate_with_password(form: CurrentPasswordForm) -> bool:
    valid = form.validate_on_submit()
    g.wrong_current_password = bool(form.current_password.errors)
    return valid


@bp.route("/account/password", methods=["GET", "POST"])
@_limit_password_guesses
@access(Access.USER)
def change_password():
    form = ChangePasswordForm(current_user)
    if _validate_with_password(form):
        current_user.set_password(form.password.data)
        db.session.commit()
        # The new session token logged out every other device; keep this one.
        login_user(current_user._get_current_object())
        flash(_("Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd."), "success")
        return redirect(url_for("auth.account"))
    return render_template("auth/change_password.html", form=form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit("30 per hour")
@access(Access.PUBLIC)
def reset_password(token: str):
    response = make_response(_reset_password(token))
    response.headers["Cache-Control"] = "no-store"  # the page belongs to whoever holds the link
    return response


def _reset_password(token: str):
    reset = PasswordReset.find_usable(token)
    if reset is None:
        return render_template("auth/reset_invalid.html"), 404
    user = reset.user
    form = ResetPasswordForm(user)
    if form.validate_on_submit():
        if not PasswordReset.consume(reset.id):
            db.session.rollback()
            return render_template("auth/reset_invalid.html"), 404
        user.set_password(form.password.data)
        db.session.commit()
        logout_user()
        login_user(user)
        _set_language_from(user)
        flash(_("Je nieuwe wachtwoord is ingesteld."), "success")
        return redirect(url_for("home.index"))
    return render_template("auth/reset_password.html", form=form, user=user)


@bp.route("/account/data")
@access(Access.USER)
def download_data():
    """Everything Kring keeps about the user, as one JSON file."""
    body = json.dumps(export_user_data(current_user), ensure_ascii=False, indent=2)
    filename = f"kring-mijn-gegevens-{utcnow():%Y-%m-%d}.json"
    return attachment(body, filename, "application/json")


@bp.route("/account/delete", methods=["GET", "POST"])
@_limit_password_guesses
@access(Access.USER)
def delete_own_account():
    form = DeleteAccountForm(current_user)
    blockers = deletion_blockers(current_user)
    if _validate_with_password(form) and not blockers:
        delete_account(current_user._get_current_object())
        logout_user()
        flash(_("Je account en je gegevens zijn verwijderd."), "success")
        return redirect(url_for("home.index"))
    return render_template("auth/delete_account.html", form=form, blockers=blockers)
