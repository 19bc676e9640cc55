"""Forms for admins."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, StringField

from learn.auth.forms import RegisterForm
from learn.forms import KringForm


class UserFlagsForm(KringForm):
    is_trainer = BooleanField(_l("Trainer: mag klassen aanmaken"))
    is_admin = BooleanField(_l("Beheerder"))
    active = BooleanField(_l("Actief: mag inloggen"))


class CreateUserForm(RegisterForm):
    is_trainer = BooleanField(_l("Trainer: mag klassen aanmaken"))
    is_admin = BooleanField(_l("Beheerder"))


class UserSearchForm(KringForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Zoek op naam of e-mailadres"))
