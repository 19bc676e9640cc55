"""Form pieces shared by several features."""

from __future__ import annotations

from functools import lru_cache

from babel import support
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.i18n import messages_path
from wtforms.validators import Length


@lru_cache(maxsize=8)
def _wtforms_translations(locale: str) -> support.Translations:
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class KringForm(FlaskForm):
    """Base of every form: WTForms' own messages in the user's language.

    Flask-WTF would read WTForms' catalogue from disk for every form; this keeps
    one per language.
    """

    class Meta(FlaskForm.Meta):
        def get_translations(self, form):
            return _wtforms_translations(str(get_locale() or "nl"))


class ActionForm(KringForm):
    """A button that changes something: no fields, only the CSRF token."""


def optional_text(label: str, max_length: int, description: str = "") -> TextAreaField:
    """A free text that may stay empty; one that is too long says how long it may be."""
    message = _l("Hoogstens %(max)d tekens.")  # Length fills in max
    return TextAreaField(
        label, validators=[Length(max=max_length, message=message)], description=description
    )
