"""Forms for classes and teams."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length, ValidationError

from learn.forms import KringForm, optional_text
from learn.groups.codes import LENGTH, normalise_join_code
from learn.names import clean_name


class GroupForm(KringForm):
    name = StringField(
        _l("Naam"),
        filters=[clean_name],
        validators=[DataRequired(_l("Geef een naam.")), Length(max=80)],
    )
    description = optional_text(
        _l("Omschrijving"), 500, _l("Optioneel. Bijvoorbeeld: opleiding, jaar of locatie.")
    )


class JoinForm(KringForm):
    code = StringField(
        _l("Code"),
        validators=[DataRequired(_l("Vul de code in die je hebt gekregen."))],
        description=_l("Acht tekens, bijvoorbeeld KX7P-M2QD. Streepjes en spaties mogen."),
    )

    def validate_code(self, field: StringField) -> None:
        if len(normalise_join_code(field.data or "")) != LENGTH:
            raise ValidationError(_l("Een code heeft acht tekens (letters en cijfers)."))
