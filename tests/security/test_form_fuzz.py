"""Random form data to every POST route, as a user allowed to use it: never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.test_csrf_sweep import POSTS, allowed_role
from tests.security.test_route_matrix import url_for_target
from tests.security.world import build_world

# Names the forms really use, so random values reach the validators, plus random names.
FIELD_NAMES = [
    "email", "password", "confirm", "current_password", "display_name", "language", "remember",
    "name", "description", "code", "start_token", "step", "choice", "text", "option",
    "fragment", "sector-neef", "ring-neef", "tie-neef", "valence-neef", "is_admin", "active",
    "next",
]  # fmt: skip
# Values at the databases' edges: PostgreSQL's integer ends at 2^31, SQLite's at 2^63.
EDGES = [s * 2**e + d for s in (1, -1) for e in (31, 63, 64, 70) for d in (-1, 0, 1)]
VALUES = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.sampled_from(EDGES).map(str),
    st.tuples(st.text(max_size=20), st.text(max_size=20)).map("\x00".join),  # a NUL inside
    st.sampled_from(["", "0", "-1", "1", "2", "y", "nl", "en", "\x00", "😀" * 50, "9" * 400]),
)
FORMS = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=20)),
    st.one_of(VALUES, st.lists(VALUES, max_size=4)),
    max_size=8,
)


@pytest.mark.parametrize("target", POSTS, ids=lambda t: t.id)
def test_random_form_data_never_causes_a_server_error(app, login, tmp_path, target):
    world = build_world(tmp_path)
    client = login(world.users[allowed_role(target)])
    path = url_for_target(target, world)

    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(FORMS)
    def post_random(form):
        response = client.post(path, data=form)
        assert response.status_code < 500, (path, form)

    post_random()
