"""Every POST route refuses a request without a valid CSRF token (CSRF on here)."""

from __future__ import annotations

import pytest

from learn.access import Access, access_of
from tests.security.test_route_matrix import APP, TARGETS, url_for_target
from tests.security.world import build_world

POSTS = [t for t in TARGETS if t.method == "POST"]

# A role allowed to use each kind of route, so the request gets past authorization.
ALLOWED_ROLE = {
    Access.PUBLIC: "student",
    Access.USER: "student",
    Access.TRAINER: "trainer",
    Access.ADMIN: "admin",
    Access.ATTEMPT_OWNER: "student",
    Access.ENTRY_OWNER: "student",
    Access.GROUP_MEMBER: "student",
    Access.CLASS_TRAINER: "trainer",
    Access.CLASS_IMPORT: "admin",
    Access.SET_EDITOR: "trainer",
    Access.LIVE_MEMBER: "student",
    Access.LIVE_PARTICIPANT: "student",
}


def allowed_role(target) -> str:
    policy = access_of(APP, target.rule.endpoint)
    if policy in (Access.GROUP_LEADER, Access.LIVE_LEADER):
        return "trainer" if target.section == "classes" else "begeleider"
    return ALLOWED_ROLE[policy]


def test_the_sweep_covers_every_post_route():
    endpoints = {t.rule.endpoint for t in POSTS}
    assert {"auth.login", "groups.join", "casesim.step", "admin.reset_link"} <= endpoints


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
@pytest.mark.parametrize("token", ["missing", "forged"])
@pytest.mark.parametrize("target", POSTS, ids=lambda t: t.id)
def test_post_without_a_valid_token_is_rejected(app, login, tmp_path, target, token):
    world = build_world(tmp_path)
    client = login(world.users[allowed_role(target)])
    data = {} if token == "missing" else {"csrf_token": "Ij" + "x" * 40 + ".forged"}
    response = client.post(url_for_target(target, world), data=data)
    assert response.status_code == 400, target.id
    assert "Dit formulier is verlopen" in response.get_data(as_text=True)
