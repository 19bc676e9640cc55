"""Forms for starting a session, the leader's controls, joining and voting."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from learn.forms import KringForm
from learn.live.machine import Action


class StartForm(KringForm):
    case = SelectField(_l("Casus"), validators=[InputRequired()])
    allow_guests = BooleanField(_l("Gasten zonder account mogen meedoen (alleen met een naam)"))
    named = BooleanField(
        _l("Stemmen op naam (deelnemers zien dit bij het meedoen; anders anoniem)")
    )


class ControlForm(KringForm):
    """Every leader button: the action, and the version of the screen it was pressed on."""

    action = HiddenField(validators=[InputRequired()])
    version = IntegerField(validators=[InputRequired()])
    choice = IntegerField(validators=[Optional()])
    note = TextAreaField(_l("Notitie bij deze beslissing"), validators=[Length(max=2000)])

    def validate_action(self, field) -> None:
        if field.data not in {a.value for a in Action}:
            raise ValidationError("unknown action")


class VoteForm(KringForm):
    step = IntegerField(validators=[InputRequired(), NumberRange(min=1)])
    choice = RadioField(coerce=int, validate_choice=False, validators=[InputRequired()])


class JoinForm(KringForm):
    code = StringField(
        _l("Sessiecode"),
        validators=[DataRequired(), Length(max=20)],
        description=_l("De code van zes tekens op het scherm van je trainer of begeleider."),
    )


class GuestForm(KringForm):
    name = StringField(
        _l("Je naam"),
        validators=[DataRequired(), Length(max=40)],
        description=_l("Alleen je voornaam is genoeg. Hierboven staat of je stem anoniem blijft."),
    )
