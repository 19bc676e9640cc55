"""No 500 on odd input: ids beyond the integer range, NUL bytes, huge step numbers (14.5)."""

from __future__ import annotations

import re

import pytest

from learn.casesim.models import Attempt
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer
from tests.factories import make_user
from tests.security.test_csrf_sweep import POSTS, allowed_role
from tests.security.test_route_matrix import TARGETS, url_for_target
from tests.security.world import build_world

# 2^31 overflows PostgreSQL's integer, 2^63 SQLite's; 2^64 no driver can bind.
HUGE_IDS = [2**31, 2**63, 2**64]


def id_arguments(target) -> list[str]:
    return re.findall(r"<int:(\w+)>", target.rule.rule)


ID_TARGETS = [t for t in TARGETS if id_arguments(t)]


def path_with(target, world, **replaced) -> str:
    """The route matrix's URL for `target`, with some arguments replaced."""
    adapter = target.rule.map.bind("localhost")
    values = adapter.match(url_for_target(target, world), method=target.method)[1]
    return target.rule.build({**values, **replaced}, append_unknown=False)[1]


def test_every_id_route_is_covered():
    endpoints = {t.rule.endpoint for t in ID_TARGETS}
    assert {"casesim.play", "admin.user", "groups.detail", "lessons.edit_reflection"} <= endpoints


@pytest.mark.parametrize("huge", HUGE_IDS)
@pytest.mark.parametrize("target", ID_TARGETS, ids=lambda t: t.id)
def test_an_id_beyond_the_database_range_is_404(app, login, tmp_path, target, huge):
    world = build_world(tmp_path)
    client = login(world.users[allowed_role(target)])
    path = path_with(target, world, **dict.fromkeys(id_arguments(target), huge))
    assert client.open(path, method=target.method, data={}).status_code == 404, path


def test_the_largest_database_id_still_reaches_the_view(login):
    client = login(make_user(admin=True))
    assert client.get(f"/admin/users/{2**31 - 1}").status_code == 404
    assert client.get("/admin/users/1").status_code == 200


@pytest.mark.parametrize("target", POSTS, ids=lambda t: t.id)
def test_a_nul_byte_in_any_text_field_is_a_clear_400(app, login, tmp_path, target):
    world = build_world(tmp_path)
    client = login(world.users[allowed_role(target)])
    data = {"display_name": "Noor\x00", "text": "a\x00b", "name": "\x00", "email": "a@b.test"}
    response = client.post(url_for_target(target, world), data=data)
    assert response.status_code == 400, target.id
    assert "nul-teken" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path", ["/admin/users?q=%00", "/cases/oefen%00triade", "/join/AB%00CD", "/modules/x%00"]
)
def test_a_nul_byte_in_the_address_is_a_clear_400(login, path):
    response = login(make_user(admin=True)).get(path)
    assert response.status_code == 400
    assert "nul-teken" in response.get_data(as_text=True)


@pytest.mark.parametrize("step", [str(-(2**70)), str(-(2**31)), str(2**70), "-1", "0"])
def test_a_huge_or_negative_case_step_is_400(login, tmp_path, step):
    world = build_world(tmp_path)
    client = login(world.users["student"])
    response = client.post(f"/attempts/{world.attempt_id}/step", data={"step": step})
    assert response.status_code == 400


@pytest.mark.parametrize("step", [str(-(2**70)), str(-(2**31)), str(2**70), "-1", "0"])
def test_a_huge_or_negative_triade_step_is_400(login, tmp_path, step):
    world = build_world(tmp_path)
    student = world.users["student"]
    client = login(student)
    start = "/modules/mini-module/exercises/moeder-triade/start"
    assert client.post(start, data={"start_token": "t" * 20}).status_code == 302
    step_url = "/modules/mini-module/exercises/moeder-triade/step"
    response = client.post(step_url, data={"step": step, "choice": "0"})
    assert response.status_code == 400
    answer = db.session.scalar(
        db.select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == student.id, ExerciseAnswer.exercise_id == "moeder-triade"
        )
    )
    assert db.session.get(Attempt, answer.answer["attempt_id"]).step_count == 0
