"""Forms for admins."""

from __future__ import annotations

from typing import Any

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


def _filter(label: Any, *choices: SelectChoice) -> SelectField:
    """A search filter: 'alle' first, and any other value is left to the search to ignore."""
    return SelectField(
        label, choices=[SelectChoice("", _l("alle")), *choices], validate_choice=False
    )


class UserSearchForm(KringForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    q = StringField(_l("Zoek op naam of e-mailadres"))
    role = _filter(
        _l("Rechten"),
        SelectChoice("admin", _l("beheerder")),
        SelectChoice("trainer", _l("trainer")),
        SelectChoice("none", _l("geen extra rechten")),
    )
    status = _filter(
        _l("Status"),
        SelectChoice("active", _l("actief")),
        SelectChoice("inactive", _l("uitgeschakeld")),
    )
