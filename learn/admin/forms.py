"""Forms for admins."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectChoice, SelectField, StringField

from learn.auth.forms import RegisterForm
from learn.forms import KringForm


class UserFlagsForm(KringForm):
    is_trainer = BooleanField(_l("Trainer: mag klassen aanmaken"))
    is_admin = BooleanField(_l("Beheerder"))


class CreateUserForm(RegisterForm):
    is_trainer = BooleanField(_l("Trainer: mag klassen aanmaken"))
    is_admin = BooleanField(_l("Beheerder"))


class UserSearchForm(KringForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Zoek op naam of e-mailadres"))
    role = SelectField(
        _l("Rechten"),
        choices=[
            SelectChoice("", _l("alle")),
            SelectChoice("admin", _l("beheerder")),
            SelectChoice("trainer", _l("trainer")),
            SelectChoice("none", _l("geen extra rechten")),
        ],
        validate_choice=False,
    )
    status = SelectField(
        _l("Status"),
        choices=[
            SelectChoice("", _l("alle")),
            SelectChoice("active", _l("actief")),
            SelectChoice("inactive", _l("uitgeschakeld")),
        ],
        validate_choice=False,
    )
