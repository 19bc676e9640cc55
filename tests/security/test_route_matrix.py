"""Every route × every role, with real objects: the answers match each route's declaration.

Routes are read from `app.url_map`, so a new route is covered the day it is added, and
a route without an `@access(...)` declaration fails `test_every_route_declares_who_may_use_it`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from werkzeug.routing import Rule

from learn import create_app
from learn.access import Access, access_of
from tests.security.world import ROLES, World, build_world, guest_client

APP = create_app({"KRING_ENV": "testing"})
RULES = [r for r in APP.url_map.iter_rules()]

# Who counts as member / leader of the group each section variant points at.
MEMBERS = {"classes": {"student", "trainer"}, "teams": {"student", "begeleider"}}
LEADERS = {"classes": {"trainer"}, "teams": {"begeleider"}}


@dataclass(frozen=True)
class Target:
    rule: Rule
    method: str
    section: str | None  # which group the URL points at: class A or team A

    @property
    def id(self) -> str:
        return f"{self.method} {self.rule.rule}" + (f" [{self.section}]" if self.section else "")


def targets() -> list[Target]:
    found = []
    for rule in RULES:
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            live = rule.endpoint.startswith("live.") and "session_id" in rule.arguments
            if "section" in rule.arguments or live:
                sections = ["classes", "teams"]  # a live session belongs to class A or team A
            elif "group_id" in rule.arguments:
                sections = [rule.rule.split("/")[1]]  # e.g. /teams/<group_id>/...
            else:
                sections = [None]
            found.extend(Target(rule, method, section) for section in sections)
    return found


TARGETS = targets()


def _is_live(target: Target) -> bool:
    return target.rule.endpoint.startswith("live.")


def _defaults(target: Target) -> dict:
    return target.rule.defaults or {}


# For each URL argument: its value in the world, given the route (a Target) and its group.
ARGUMENT_VALUES: dict[str, Callable[[Target, World, Any], Any]] = {
    "section": lambda target, world, group: target.section,
    "group_id": lambda target, world, group: group.id,
    "membership_id": lambda target, world, group: group.membership_of(world.users["student"]).id,
    "attempt_id": lambda target, world, group: world.attempt_id,
    "slug": lambda target, world, group: "oefen-triade",
    "token": lambda target, world, group: world.reset_token,
    "code": lambda target, world, group: (
        world.live_sessions["classes"].code if _is_live(target) else world.class_a.join_code
    ),
    "session_id": lambda target, world, group: (
        world.live_sessions[target.section].id if _is_live(target) else world.session_id
    ),
    "participant_id": lambda target, world, group: world.live_participants[target.section],
    "user_id": lambda target, world, group: world.users["student"].id,
    "filename": lambda target, world, group: "css/kring.css",
    "module_id": lambda target, world, group: "mini-module",
    "page_id": lambda target, world, group: "02-oefenen",
    "exercise_id": lambda target, world, group: (
        "moeder-triade"
        if target.rule.endpoint in ("lessons.start_triade", "lessons.triade_step")
        else "eigen-kring"
    ),
    "name": lambda target, world, group: "kring",
    "answer_id": lambda target, world, group: world.reflection_id,
    "set_id": lambda target, world, group: world.set_id,
    "item_id": lambda target, world, group: world.item_id,
    "assignment_id": lambda target, world, group: world.assignment_id,
    "point_id": lambda target, world, group: world.point_id,
    "phase": lambda target, world, group: _defaults(target).get("phase", 0),
    "slot": lambda target, world, group: (
        "conclusies" if "phase" in _defaults(target) else "notities"
    ),
}


def url_for_target(target: Target, world: World) -> str:
    group = {"classes": world.class_a, "teams": world.team_a}.get(target.section)
    values = {}
    for name in target.rule.arguments:
        if name not in ARGUMENT_VALUES:
            raise AssertionError(f"teach the route matrix a value for <{name}> in {target.rule}")
        values[name] = ARGUMENT_VALUES[name](target, world, group)
    return target.rule.build(values, append_unknown=False)[1]


# A live session's routes follow the rules of its group.
AS_GROUP = {
    Access.LIVE_MEMBER: Access.GROUP_MEMBER,
    Access.LIVE_PARTICIPANT: Access.GROUP_MEMBER,
    Access.LIVE_LEADER: Access.GROUP_LEADER,
}


def expected(policy: Access, role: str, section: str | None) -> str:
    if policy is Access.PUBLIC:
        return "ok"
    if role == "guest":  # the guest of class A's session: that session's pages, nothing else
        return "ok" if policy is Access.LIVE_PARTICIPANT and section == "classes" else "login"
    policy = AS_GROUP.get(policy, policy)
    if role == "anonymous":
        return "login"
    if policy is Access.USER:
        return "ok"
    if policy is Access.TRAINER:
        return "ok" if role in ("trainer", "other_trainer") else "forbidden"
    if policy is Access.ADMIN:
        return "ok" if role == "admin" else "forbidden"
    if policy in (Access.ATTEMPT_OWNER, Access.ENTRY_OWNER):
        return "ok" if role == "student" else "hidden"
    if policy in (Access.CLASS_TRAINER, Access.SET_EDITOR):
        return "ok" if role == "trainer" else "hidden"
    if policy is Access.CLASS_IMPORT:  # class A's trainer, or any admin
        return "ok" if role in ("trainer", "admin") else "hidden"
    if role not in MEMBERS[section]:
        return "hidden"
    if policy is Access.GROUP_LEADER and role not in LEADERS[section]:
        return "forbidden"
    return "ok"


def outcome(response) -> str:
    if response.status_code == 302 and response.headers["Location"].startswith("/login"):
        return "login"
    return {403: "forbidden", 404: "hidden"}.get(response.status_code, "ok")


def test_every_route_declares_who_may_use_it():
    undeclared = [r.endpoint for r in RULES if access_of(APP, r.endpoint) is None]
    assert undeclared == [], f"add @access(...) to: {undeclared}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.id)
def test_route_answers_each_role_as_declared(app, login, tmp_path, target, role):
    world = build_world(tmp_path)
    if role in ("anonymous", "guest"):
        client = app.test_client() if role == "anonymous" else guest_client(app, world)
    else:
        client = login(world.users[role])
    path = url_for_target(target, world)
    response = client.open(path, method=target.method, data={})
    response.close()
    policy = access_of(app, target.rule.endpoint)
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert outcome(response) == expected(policy, role, target.section), (
        f"{target.id} as {role}: {response.status_code} {response.headers.get('Location', '')}"
    )
    # The reset link is a credential: whoever holds it may see whose account it is.
    holds_credential = "token" in target.rule.arguments
    if role != "admin" and response.mimetype == "text/html" and not holds_credential:
        body = response.get_data(as_text=True)
        hidden = {r for r in world.users if r not in world.sees(role)}
        leaked = [
            r for r in hidden if re.search(rf"(?<![\w.-]){re.escape(world.users[r].email)}", body)
        ]
        leaked += [r for r in hidden if world.users[r].display_name in body]
        assert leaked == [], f"{target.id} shows {role} data of {leaked}"
