"""Forms for team sessions. Choices (methods, members, cases) are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from learn.forms import KringForm
from learn.intervision.rules import Mode, Review

NOBODY = 0  # the "nog niet gekozen" option in the role lists


class PlanForm(KringForm):
    title = StringField(
        _l("Titel"),
        validators=[DataRequired(_l("Geef de bijeenkomst een titel.")), Length(max=120)],
    )
    scheduled_at = DateTimeLocalField(
        _l("Datum en tijd"),
        format="%Y-%m-%dT%H:%M",
        validators=[InputRequired(_l("Kies een datum en tijd."))],
    )
    method = SelectField(_l("Methode"), validators=[DataRequired(_l("Kies een methode."))])
    mode = RadioField(
        _l("Vorm"),
        choices=[
            SelectChoice(Mode.LIVE.value, _l("Live: samen, fase voor fase met de timer")),
            SelectChoice(
                Mode.WRITTEN.value, _l("Schriftelijk: ieder antwoordt per fase vóór een deadline")
            ),
        ],
        default=Mode.LIVE.value,
    )
    respond_by = DateTimeLocalField(
        _l("Antwoorden vóór"),
        format="%Y-%m-%dT%H:%M",
        validators=[Optional()],
        description=_l("Alleen voor een schriftelijke bijeenkomst."),
    )
    chair = SelectField(_l("Gespreksleider"), coerce=int)
    presenter = SelectField(_l("Inbrenger"), coerce=int)
    scribe = SelectField(_l("Notulist"), coerce=int)
    case_slug = SelectField(
        _l("Wat wordt ingebracht?"),
        description=_l(
            "Een eigen situatie van de inbrenger (die schrijft hem op, gecontroleerd op "
            "persoonsgegevens) of een casus uit de bibliotheek van Kring."
        ),
    )

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.mode.data == Mode.WRITTEN and not self.respond_by.data:
            self.respond_by.errors = [
                *self.respond_by.errors,
                _l("Kies tot wanneer men kan antwoorden."),
            ]
            ok = False
        return ok


class NoteForm(KringForm):
    text = TextAreaField(_l("Tekst"), validators=[Length(max=20_000)])
    base_version = HiddenField(default="0")

    def base(self) -> int:
        try:
            return max(0, int(self.base_version.data or 0))
        except ValueError:
            return 0


class ActionPointForm(KringForm):
    what = StringField(
        _l("Wat"),
        validators=[DataRequired(_l("Schrijf op wat er moet gebeuren.")), Length(max=500)],
    )
    owner = SelectField(_l("Wie"), coerce=int)
    due = DateField(_l("Uiterlijk"), validators=[Optional()])


class ReviewForm(KringForm):
    choice = RadioField(
        _l("Besluit"),
        choices=[
            SelectChoice(Review.DONE.value, _l("gedaan")),
            SelectChoice(Review.CARRIED.value, _l("doorschuiven")),
            SelectChoice(Review.DROPPED.value, _l("laten vervallen")),
        ],
        validators=[InputRequired(_l("Kies wat er met dit punt gebeurt."))],
    )
    session_id = HiddenField()


class RetentionForm(KringForm):
    retention_days = IntegerField(
        _l("Bewaartermijn in dagen"),
        validators=[
            InputRequired(_l("Vul een aantal dagen in.")),
            NumberRange(7, 3650, _l("Kies van 7 tot 3650 dagen.")),
        ],
        description=_l("Daarna worden de notities van een bijeenkomst verwijderd."),
    )
