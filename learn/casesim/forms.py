"""Forms for starting a case and taking a step."""

from __future__ import annotations

from wtforms import HiddenField, IntegerField, RadioField
from wtforms.validators import InputRequired, Length, NumberRange

from learn.forms import KringForm


class StartForm(KringForm):
    # A fresh random token per rendered page: a double click finds the same attempt.
    start_token = HiddenField(validators=[InputRequired(), Length(min=16, max=64)])


class StepForm(KringForm):
    step = IntegerField(validators=[InputRequired(), NumberRange(min=1)])
    choice = RadioField(coerce=int, validate_choice=False)
