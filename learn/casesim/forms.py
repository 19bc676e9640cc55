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
    """A step number and a choice; the engine decides whether the choice exists.

    Its CSRF token is checked by CSRFProtect before any view runs (every POST), so the form
    does not check it a second time: a step is the app's most frequent request.
    """

    class Meta(KringForm.Meta):
        csrf = False

    step = IntegerField(validators=[InputRequired(), NumberRange(min=1, max=DB_INT_MAX)])
    choice = RadioField(coerce=int, validate_choice=False, choices=[])
