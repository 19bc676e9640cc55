"""Every route × every role, with real objects: the answers match each route's declaration.

Routes are read from `app.url_map`, so a new route is covered the day it is added, and
a route without an `@access(...)` declaration fails `test_every_route_declares_who_may_use_it`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


def url_for_target(target: Target, world: World) -> str:
    group = {"classes": world.class_a, "teams": world.team_a}.get(target.section)
    values = {}
    for name in target.rule.arguments:
        if name == "section":
            values[name] = target.section
        elif name == "group_id":
            values[name] = group.id
        elif name == "membership_id":
            values[name] = group.membership_of(world.users["student"]).id
        elif name == "attempt_id":
            values[name] = world.attempt_id
        elif name == "slug":
            values[name] = "oefen-triade"
        elif name == "token":
            values[name] = world.reset_token
        elif name == "code" and target.rule.endpoint.startswith("live."):
            values[name] = world.live_sessions["classes"].code
        elif name == "code":
            values[name] = world.class_a.join_code
        elif name == "session_id" and target.rule.endpoint.startswith("live."):
            values[name] = world.live_sessions[target.section].id
        elif name == "participant_id":
            values[name] = world.live_participants[target.section]
        elif name == "user_id":
            values[name] = world.users["student"].id
        elif name == "filename":
            values[name] = "css/kring.css"
        elif name == "module_id":
            values[name] = "mini-module"
        elif name == "page_id":
            values[name] = "02-oefenen"
        elif name == "exercise_id":
            triadic = target.rule.endpoint in ("lessons.start_triade", "lessons.triade_step")
            values[name] = "moeder-triade" if triadic else "eigen-kring"
        elif name == "name":
            values[name] = "kring"
        elif name == "answer_id":
            values[name] = world.reflection_id
        elif name == "set_id":
            values[name] = world.set_id
        elif name == "item_id":
            values[name] = world.item_id
        elif name == "assignment_id":
            values[name] = world.assignment_id
        elif name == "session_id":
            values[name] = world.session_id
        elif name == "point_id":
            values[name] = world.point_id
        elif name == "phase":
            values[name] = (target.rule.defaults or {}).get("phase", 0)
        elif name == "slot":
            session_level = "phase" in (target.rule.defaults or {})
            values[name] = "conclusies" if session_level else "notities"
        else:
            raise AssertionError(f"teach the route matrix a value for <{name}> in {target.rule}")
    path = target.rule.build(values, append_unknown=False)[1]
    return path


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
