"""Forms for starting a case and taking a step."""

from __future__ import annotations

from wtforms import HiddenField, IntegerField, RadioField
from wtforms.validators import InputRequired, Length, NumberRange

from learn.forms import KringForm
from learn.inputs import DB_INT_MAX


class StartForm(KringForm):
    # A fresh random token per rendered page: a double click finds the same attempt.
    start_token = HiddenField(validators=[InputRequired(), Length(min=16, max=64)])


class StepForm(KringForm):
    """A step number and a choice; the engine decides whether the choice exists."""

    step = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=DB_INT_MAX)])
    choice = RadioField(coerce=int, validate_choice=False, choices=[])
