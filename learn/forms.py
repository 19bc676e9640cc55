"""Form pieces shared by several features."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """A button that changes something: no fields, only the CSRF token."""
