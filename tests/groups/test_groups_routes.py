"""Classes and teams: create, join, manage, and who may see what."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from learn.extensions import db
from learn.groups.codes import format_join_code
from learn.groups.models import Group, GroupKind, Membership
from tests.factories import make_class, make_team, make_user


def membership_count(group: Group) -> int:
    return db.session.scalar(
        select(func.count()).select_from(Membership).where(Membership.group_id == group.id)
    )


def test_trainer_creates_a_class_and_becomes_its_trainer(login):
    trainer = make_user(trainer=True)
    response = login(trainer).post("/classes/new", data={"name": "SPH 2B", "description": "Jaar 2"})
    assert response.status_code == 302
    group = db.session.scalar(select(Group).where(Group.name == "SPH 2B"))
    assert group.kind == GroupKind.CLASS
    assert [(m.user_id, m.role) for m in group.memberships] == [(trainer.id, "trainer")]
    page = login(trainer).get(response.headers["Location"]).get_data(as_text=True)
    assert format_join_code(group.join_code) in page
    assert f"/join/{group.join_code}" in page


def test_a_user_who_is_not_a_trainer_cannot_create_a_class(login):
    response = login(make_user()).post("/classes/new", data={"name": "Mijn klas"})
    assert response.status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Group)) == 0


def test_anyone_can_create_a_team_and_becomes_begeleider(login):
    user = make_user()
    login(user).post("/teams/new", data={"name": "Team Oost"})
    group = db.session.scalar(select(Group).where(Group.name == "Team Oost"))
    assert group.kind == GroupKind.TEAM
    assert group.memberships[0].role == "begeleider"


def test_create_requires_a_name(login):
    response = login(make_user()).post("/teams/new", data={"name": "  "})
    assert "Geef een naam." in response.get_data(as_text=True)


def test_a_too_long_description_says_how_long_it_may_be_and_keeps_the_text(login):
    text = "x" * 501
    response = login(make_user()).post(
        "/teams/new", data={"name": "Team Oost", "description": text}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Hoogstens 500 tekens." in page and text in page
    assert db.session.scalar(select(func.count()).select_from(Group)) == 0


def test_student_joins_a_class_with_a_typed_code(login):
    klas = make_class(make_user(trainer=True))
    student = make_user()
    typed = format_join_code(klas.join_code).lower()
    response = login(student).post("/join", data={"code": f" {typed} "})
    assert response.status_code == 302
    assert klas.membership_of(student).role == "student"


def test_joining_twice_keeps_one_membership(login):
    klas = make_class(make_user(trainer=True))
    client = login(make_user())
    client.post("/join", data={"code": klas.join_code})
    response = client.post("/join", data={"code": klas.join_code}, follow_redirects=True)
    assert "Je bent al lid van" in response.get_data(as_text=True)
    assert membership_count(klas) == 2


def test_a_wrong_code_says_so_and_joins_nothing(login):
    klas = make_class(make_user(trainer=True))
    response = login(make_user()).post("/join", data={"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 400
    assert "Deze code hoort bij geen klas of team" in response.get_data(as_text=True)
    assert membership_count(klas) == 1


def test_a_code_of_the_wrong_length_is_refused_on_the_field(login):
    response = login(make_user()).post("/join", data={"code": "ABC"})
    assert "Een code heeft acht tekens" in response.get_data(as_text=True)


def test_the_join_link_shows_the_group_and_joins_only_on_post(login):
    team = make_team(make_user(), name="Team De Brug")
    user = make_user()
    client = login(user)
    page = client.get(f"/join/{team.join_code}")
    assert "Team De Brug" in page.get_data(as_text=True)
    assert team.membership_of(user) is None
    client.post("/join", data={"code": team.join_code})
    assert team.membership_of(user).role == "lid"


def test_the_join_link_sends_anonymous_visitors_to_login_and_back(client):
    team = make_team(make_user())
    response = client.get(f"/join/{team.join_code}")
    assert response.status_code == 302
    assert f"next=/join/{team.join_code}" in response.headers["Location"].replace("%2F", "/")


def test_an_unknown_join_link_is_404(login):
    assert login(make_user()).get("/join/ZZZZZZZZ").status_code == 404


def test_one_user_can_have_different_roles_in_several_groups(login):
    user = make_user(trainer=True)
    make_class(user, name="Klas A")
    make_team(make_user(), [user], name="Team B")
    page = login(user).get("/").get_data(as_text=True)
    assert "Klas A" in page and "Team B" in page
    assert "trainer" in page and "lid" in page


@pytest.mark.parametrize("section", ["classes", "teams"])
def test_non_members_get_404_for_a_group_page(login, section):
    leader = make_user(trainer=True)
    group = make_class(leader) if section == "classes" else make_team(leader)
    outsider = login(make_user(admin=True))  # not even an admin sees inside a group
    assert outsider.get(f"/{section}/{group.id}").status_code == 404
    assert outsider.post(f"/{section}/{group.id}/code").status_code == 404
    assert outsider.post(f"/{section}/{group.id}/leave").status_code == 404


def test_a_group_is_not_reachable_under_the_other_section(login):
    team = make_team(make_user())
    assert login(team.memberships[0].user).get(f"/classes/{team.id}").status_code == 404


def test_members_see_members_but_not_the_code(login):
    trainer, student = make_user(trainer=True, name="Trainer T"), make_user(name="Student S")
    klas = make_class(trainer, [student])
    page = login(student).get(f"/classes/{klas.id}").get_data(as_text=True)
    assert "Trainer T" in page and "Student S" in page
    assert format_join_code(klas.join_code) not in page


def test_only_the_leader_may_regenerate_the_code(login):
    trainer, student = make_user(trainer=True), make_user()
    klas = make_class(trainer, [student])
    old = klas.join_code
    assert login(student).post(f"/classes/{klas.id}/code").status_code == 403
    login(trainer).post(f"/classes/{klas.id}/code")
    db.session.refresh(klas)
    assert klas.join_code != old
    response = login(make_user()).post("/join", data={"code": old})
    assert "Deze code hoort bij geen klas of team" in response.get_data(as_text=True)


def test_leader_removes_a_member_but_a_member_cannot(login):
    trainer, a, b = make_user(trainer=True), make_user(), make_user()
    klas = make_class(trainer, [a, b])
    target = klas.membership_of(b)
    assert login(a).post(f"/classes/{klas.id}/members/{target.id}/remove").status_code == 403
    login(trainer).post(f"/classes/{klas.id}/members/{target.id}/remove")
    assert klas.membership_of(b) is None
    assert login(b).get(f"/classes/{klas.id}").status_code == 404


def test_a_membership_of_another_group_cannot_be_removed_through_this_one(login):
    trainer = make_user(trainer=True)
    mine = make_class(trainer)
    other_student = make_user()
    other = make_class(make_user(trainer=True), [other_student])
    foreign = other.membership_of(other_student)
    response = login(trainer).post(f"/classes/{mine.id}/members/{foreign.id}/remove")
    assert response.status_code == 404
    assert other.membership_of(other_student) is not None


def test_the_last_leader_cannot_be_removed_or_demoted(login):
    leader = make_user()
    team = make_team(leader, [make_user()])
    own = team.membership_of(leader)
    client = login(leader)
    client.post(f"/teams/{team.id}/members/{own.id}/role")
    client.post(f"/teams/{team.id}/leave")
    db.session.refresh(own)
    assert own.role == "begeleider"


def test_begeleider_can_make_a_member_begeleider_and_back(login):
    leader, member = make_user(), make_user()
    team = make_team(leader, [member])
    target = team.membership_of(member)
    client = login(leader)
    client.post(f"/teams/{team.id}/members/{target.id}/role")
    db.session.refresh(target)
    assert target.role == "begeleider"
    client.post(f"/teams/{team.id}/members/{target.id}/role")
    db.session.refresh(target)
    assert target.role == "lid"


def test_a_member_can_leave(login):
    team = make_team(make_user(), [member := make_user()])
    response = login(member).post(f"/teams/{team.id}/leave")
    assert response.status_code == 302
    assert team.membership_of(member) is None


def test_leader_renames_the_group_and_errors_are_shown(login):
    leader = make_user()
    team = make_team(leader)
    client = login(leader)
    assert client.post(f"/teams/{team.id}/edit", data={"name": ""}).status_code == 400
    client.post(f"/teams/{team.id}/edit", data={"name": "Nieuwe naam", "description": "x"})
    db.session.refresh(team)
    assert team.name == "Nieuwe naam"
