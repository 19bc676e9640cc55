"""A crash mid-request keeps nothing half-written."""

from __future__ import annotations

import pytest
from flask import Blueprint

from learn.auth.models import User
from learn.extensions import db
from tests.conftest import BASE_CONFIG, IsolatedClient
from tests.factories import make_user


@pytest.fixture
def crashing_app(app):
    """The test app plus one route that writes and then fails."""
    bp = Blueprint("crash", __name__)

    @bp.route("/crash/<int:user_id>")
    def crash(user_id: int):
        db.session.get(User, user_id).display_name = "half geschreven"
        db.session.flush()
        raise RuntimeError("boom")

    app.register_blueprint(bp)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.test_client_class = IsolatedClient
    return app


def test_a_server_error_rolls_back_and_shows_a_calm_page(crashing_app):
    user = make_user(name="Heel")
    response = crashing_app.test_client().get(f"/crash/{user.id}")
    assert response.status_code == 500
    assert "Er ging iets mis bij ons" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).display_name == "Heel"
    assert BASE_CONFIG["KRING_ENV"] == "testing"
