"""Forms for sets, assignments, extensions, co-trainers and the class-list import."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from learn.forms import KringForm, optional_text

SEPARATORS = [("semicolon", _l("puntkomma (Excel in het Nederlands)")), ("comma", _l("komma"))]


class SetForm(KringForm):
    name = StringField(
        _l("Naam van de set"), validators=[DataRequired(_l("Geef een naam.")), Length(max=120)]
    )
    shared_group_id = SelectField(
        _l("Delen met de trainers van"),
        coerce=int,
        choices=[],
        description=_l("Zij kunnen de set dan ook gebruiken en aanpassen."),
    )


class ItemForm(KringForm):
    item = SelectField(_l("Casus of module"), choices=[], validators=[DataRequired()])
    note = optional_text(
        _l("Notitie voor de studenten"),
        1000,
        _l("Optioneel. Bijvoorbeeld: waar ze op moeten letten."),
    )


class NoteForm(KringForm):
    note = optional_text(_l("Notitie"), 1000)


class AssignForm(KringForm):
    group_id = SelectField(_l("Klas"), coerce=int, choices=[], validators=[DataRequired()])
    starts_on = DateField(_l("Zichtbaar vanaf"), validators=[Optional()])
    due_on = DateField(
        _l("Inleveren uiterlijk"),
        validators=[Optional()],
        description=_l("Daarna heet werk dat af is 'te laat' en werk dat niet af is 'ontbreekt'."),
    )
    cutoff_on = DateField(
        _l("Sluitingsdatum"),
        validators=[Optional()],
        description=_l("Optioneel. Wat daarna af is, telt niet meer."),
    )

    def validate_due_on(self, field: DateField) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("De inleverdatum ligt voor de startdatum."))

    def validate_cutoff_on(self, field: DateField) -> None:
        if field.data and self.due_on.data and field.data < self.due_on.data:
            raise ValidationError(_l("De sluitingsdatum ligt voor de inleverdatum."))


class ExtensionForm(KringForm):
    user_id = SelectField(_l("Student"), coerce=int, choices=[], validators=[DataRequired()])
    due_on = DateField(_l("Nieuwe inleverdatum"), validators=[Optional()])
    excused = BooleanField(_l("Vrijgesteld van deze opdracht"))

    def validate(self, extra_validators=None) -> bool:
        """An empty date passes `Optional`; without an exemption it is still an error."""
        valid = super().validate(extra_validators)
        if valid and not self.due_on.data and not self.excused.data:
            self.due_on.errors = [_l("Geef een nieuwe datum of kies vrijstelling.")]
            return False
        return valid


class CoTrainerForm(KringForm):
    email = EmailField(
        _l("E-mailadres van de trainer"),
        validators=[DataRequired(_l("Vul een e-mailadres in.")), Length(max=254)],
    )
    hand_over = BooleanField(_l("Overdragen: ik verlaat de klas zelf"))


class ImportForm(KringForm):
    file = FileField(
        _l("Klassenlijst (CSV)"),
        validators=[FileRequired(_l("Kies een CSV-bestand."))],
        description=_l("Twee kolommen: naam en e-mailadres. Een kopregel mag."),
    )
