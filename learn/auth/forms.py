"""Forms for logging in, registering and managing one's own account."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, ValidationError

from learn.auth.models import User
from learn.auth.passwords import MAX_LENGTH, MIN_LENGTH, PasswordProblem, password_problems
from learn.forms import KringForm
from learn.names import clean_name

LANGUAGE_CHOICES = [
    SelectChoice("nl", "Nederlands", render_kw={"lang": "nl"}),
    SelectChoice("en", "English", render_kw={"lang": "en"}),
]

PASSWORD_MESSAGES = {
    PasswordProblem.TOO_SHORT: _l("Gebruik minstens %(n)d tekens.", n=MIN_LENGTH),
    PasswordProblem.TOO_LONG: _l("Gebruik hoogstens %(n)d tekens.", n=MAX_LENGTH),
    PasswordProblem.COMMON: _l("Dit wachtwoord staat op lijsten van veelgebruikte wachtwoorden."),
    PasswordProblem.FEW_CHARACTERS: _l("Gebruik meer verschillende tekens."),
    PasswordProblem.CONTAINS_EMAIL: _l("Je wachtwoord mag je e-mailadres niet bevatten."),
    PasswordProblem.CONTAINS_NAME: _l("Je wachtwoord mag je naam niet bevatten."),
}


def display_name_field() -> StringField:
    return StringField(
        _l("Naam"),
        filters=[clean_name],
        validators=[DataRequired(_l("Vul je naam in.")), Length(max=80)],
        description=_l("Zo zien trainers en teamgenoten je."),
    )


def strip_whitespace(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) else value


def valid_email(_form: KringForm, field: EmailField) -> None:
    """Syntax only (no DNS: Kring sends no mail); `.test` addresses are allowed for demos."""
    try:
        validate_email(field.data or "", check_deliverability=False, test_environment=True)
    except EmailNotValidError as exc:
        raise ValidationError(_l("Dit is geen geldig e-mailadres.")) from exc


def email_not_taken(_form: KringForm, field: EmailField) -> None:
    if User.by_email(field.data or ""):
        raise ValidationError(
            _l(
                "Er is al een account met dit e-mailadres. "
                "Log in, of vraag de beheerder om een nieuwe wachtwoordlink."
            )
        )


def email_field(*, new_account: bool = False) -> EmailField:
    return EmailField(
        _l("E-mailadres"),
        filters=[strip_whitespace],
        validators=[
            DataRequired(_l("Vul je e-mailadres in.")),
            valid_email,
            Length(max=254),
            *([email_not_taken] if new_account else []),
        ],
    )


class NewPasswordForm(KringForm):
    """A new password typed twice and checked against the rules.

    Subclasses say whose password it is through `password_owner`, so the rules
    can refuse a password that contains the owner's e-mail or name.
    """

    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[InputRequired(_l("Kies een wachtwoord.")), Length(max=MAX_LENGTH)],
        description=_l(
            "Minstens 10 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden."
        ),
    )
    confirm = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[
            InputRequired(_l("Herhaal het wachtwoord.")),
            EqualTo("password", _l("De twee wachtwoorden zijn niet gelijk.")),
        ],
    )

    def password_owner(self) -> tuple[str, str]:
        return "", ""

    def validate_password(self, field: PasswordField) -> None:
        email, name = self.password_owner()
        problems = password_problems(field.data or "", email=email, name=name)
        if problems:
            raise ValidationError(" ".join(str(PASSWORD_MESSAGES[p]) for p in problems))


class LoginForm(KringForm):
    email = email_field()
    password = PasswordField(
        _l("Wachtwoord"), validators=[InputRequired(_l("Vul je wachtwoord in."))]
    )
    remember = BooleanField(_l("Ingelogd blijven op dit apparaat"))


class RegisterForm(NewPasswordForm):
    display_name = display_name_field()
    email = email_field(new_account=True)

    def password_owner(self) -> tuple[str, str]:
        return self.email.data or "", self.display_name.data or ""


class ProfileForm(KringForm):
    display_name = display_name_field()
    language = SelectField(_l("Taal"), choices=LANGUAGE_CHOICES)


class CurrentPasswordForm(KringForm):
    """Asks for the user's own password before something that cannot be undone."""

    current_password = PasswordField(
        _l("Huidig wachtwoord"), validators=[InputRequired(_l("Vul je huidige wachtwoord in."))]
    )

    def __init__(self, user: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def validate_current_password(self, field: PasswordField) -> None:
        if not self.user.check_password(field.data or ""):
            raise ValidationError(_l("Dit is niet je huidige wachtwoord."))


class ChangePasswordForm(CurrentPasswordForm, NewPasswordForm):
    def password_owner(self) -> tuple[str, str]:
        return self.user.email, self.user.display_name


class DeleteAccountForm(CurrentPasswordForm):
    pass


class ResetPasswordForm(NewPasswordForm):
    def __init__(self, user: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def password_owner(self) -> tuple[str, str]:
        return self.user.email, self.user.display_name
