"""The live pages per role: leader, member, guest, someone of another class, anonymous."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from learn.extensions import db
from learn.live.machine import Phase
from learn.live.models import LiveParticipant, LiveSession, LiveVote
from tests.live.conftest import new_session, reload


def press(client, live, action, **data):
    live = reload(live)
    return client.post(
        f"/live/{live.id}/control", data={"action": action, "version": live.version, **data}
    )


def vote(client, live, choice):
    live = reload(live)
    return client.post(f"/live/{live.id}/vote", data={"step": live.step_number, "choice": choice})


def votes(live) -> int:
    return db.session.scalar(select(func.count(LiveVote.id)).where(LiveVote.session_id == live.id))


def test_a_trainer_starts_a_session_for_the_class(room, login):
    leader = login(room.trainer)
    page = leader.get(f"/classes/{room.group.id}/live/new")
    assert page.status_code == 200 and "Oefencasus triade" in page.get_data(as_text=True)
    response = leader.post(
        f"/classes/{room.group.id}/live/new", data={"case": "oefen-triade", "allow_guests": "y"}
    )
    live = db.session.scalar(select(LiveSession))
    assert response.headers["Location"] == f"/live/{live.id}/control"
    assert live.allow_guests and not live.named and live.leader_id == room.trainer.id
    control = leader.get(f"/live/{live.id}/control").get_data(as_text=True)
    assert live.code in control and "Volgende scène" in control
    screen = leader.get(f"/live/{live.id}/screen").get_data(as_text=True)
    assert "<svg" in screen and live.code in screen  # the QR code, inline
    assert "/live/j/" + live.code in screen or live.code in screen
    group_page = leader.get(f"/classes/{room.group.id}").get_data(as_text=True)
    assert f"/live/{live.id}/control" in group_page


def test_members_cannot_lead_and_outsiders_see_nothing(room, login):
    live = new_session(room)
    member = login(room.students[0])
    outsider = login(room.outsider)
    for path in ("control", "screen"):
        assert member.get(f"/live/{live.id}/{path}").status_code == 403
        assert outsider.get(f"/live/{live.id}/{path}").status_code == 404
    assert member.get(f"/classes/{room.group.id}/live/new").status_code == 403
    assert outsider.get(f"/live/{live.id}/vote").status_code == 404
    assert outsider.get(f"/live/{live.id}/state").status_code == 404
    assert press(member, live, "next").status_code == 403
    assert reload(live).step_number == 1


def test_anonymous_visitors_are_sent_to_log_in(room, client):
    live = new_session(room)
    response = client.get(f"/live/{live.id}/vote")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert client.get(f"/live/{live.id}/control").headers["Location"].startswith("/login")


def test_a_whole_round_as_leader_and_members(room, login):
    live = new_session(room)
    leader = login(room.trainer)
    members = [login(s) for s in room.students]
    assert press(leader, live, "next").status_code == 302
    page = members[0].get(f"/live/{live.id}/vote").get_data(as_text=True)
    assert "Wacht tot de leider het stemmen opent" in page
    assert vote(members[0], live, 1).status_code == 303
    assert votes(live) == 0  # voting is not open yet
    press(leader, live, "open")
    vote(members[0], live, 2)
    vote(members[0], live, 2)  # double tap
    vote(members[1], live, 2)
    vote(members[2], live, 1)
    assert votes(live) == 3
    # While voting only the count is shown: nothing that says which option is ahead.
    screen = leader.get(f"/live/{live.id}/screen").get_data(as_text=True)
    assert "hebben gestemd" in screen and "(67%)" not in screen
    # A reload keeps the participant's vote.
    page = members[0].get(f"/live/{live.id}/vote").get_data(as_text=True)
    assert re.search(r'value="2" required checked', page)
    press(leader, live, "close")
    response = vote(members[2], live, 2)
    assert "Het stemmen is gesloten" in members[2].get(response.headers["Location"]).get_data(
        as_text=True
    )
    press(leader, live, "reveal")
    screen = leader.get(f"/live/{live.id}/screen").get_data(as_text=True)
    assert "(67%)" in screen and "(33%)" in screen
    control = leader.get(f"/live/{live.id}/control").get_data(as_text=True)
    assert re.search(r'id="pick-2" name="choice" value="2" required checked', control)
    press(leader, live, "note", note="We kozen voor Ans.")
    press(leader, live, "pick", choice=2)
    page = members[1].get(f"/live/{live.id}/vote").get_data(as_text=True)
    assert "Ans krijgt ruimte, maar Kim raakt buiten beeld." in page  # the feedback
    press(leader, live, "next")
    assert reload(live).steps[-1].scene_id == "boos"
    press(leader, live, "open")
    press(leader, live, "close")
    press(leader, live, "reveal")
    press(leader, live, "pick", choice=2)
    press(leader, live, "next")  # -> einde-dicht, an ending
    response = press(leader, live, "end")
    assert response.headers["Location"] == f"/live/{live.id}/summary"
    summary = members[0].get(f"/live/{live.id}/summary").get_data(as_text=True)
    assert "We kozen voor Ans." in summary and "Dicht" in summary
    markdown = members[0].get(f"/live/{live.id}/summary.md")
    assert markdown.mimetype == "text/markdown"
    text = markdown.get_data(as_text=True)
    assert "| Je vraagt Ans wat haar zorgen zijn. **(gevolgd)** | 2 | 67 |" in text
    assert "Notitie: We kozen voor Ans." in text
    group_page = members[0].get(f"/classes/{room.group.id}").get_data(as_text=True)
    assert f"/live/{live.id}/summary" in group_page


def test_a_stale_leader_button_is_refused_with_a_message(room, login):
    live = new_session(room)
    leader = login(room.trainer)
    old_version = live.version
    press(leader, live, "next")
    response = leader.post(
        f"/live/{live.id}/control", data={"action": "next", "version": old_version}
    )
    page = leader.get(response.headers["Location"]).get_data(as_text=True)
    assert "Er was intussen al iets veranderd" in page
    assert reload(live).step_number == 2


def test_guests_join_with_a_name_only_when_allowed(room, client, login):
    closed = new_session(room)
    page = client.get(f"/live/j/{closed.code}").get_data(as_text=True)
    assert "alleen voor leden" in page and 'name="name"' not in page
    assert client.post(f"/live/j/{closed.code}", data={"name": "Gast"}).status_code == 200
    assert db.session.scalar(select(func.count(LiveParticipant.id))) == 0

    live = new_session(room, guests=True)
    response = client.post("/live", data={"code": live.code.lower()})
    assert response.headers["Location"] == f"/live/j/{live.code}"
    assert client.post(f"/live/j/{live.code}", data={"name": ""}).status_code == 400
    response = client.post(f"/live/j/{live.code}", data={"name": "Gast Gerda"})
    assert response.headers["Location"] == f"/live/{live.id}/vote"
    page = client.get(f"/live/{live.id}/vote").get_data(as_text=True)
    assert "Gast Gerda" in page
    assert "Casussen" not in page and "Dagboek" not in page  # nothing of Kring but this
    leader = login(room.trainer)
    press(leader, live, "next")
    press(leader, live, "open")
    assert vote(client, live, 1).status_code == 303
    assert votes(live) == 1
    # The guest holds no key to another session, nor to the rest of Kring.
    assert client.get(f"/live/{closed.id}/vote").headers["Location"].startswith("/login")
    assert (
        client.post(f"/live/{closed.id}/vote", data={"step": 1, "choice": 1})
        .headers["Location"]
        .startswith("/login")
    )
    assert client.get(f"/live/{live.id}/summary").headers["Location"].startswith("/login")


def test_a_removed_participant_is_told_and_not_counted(room, login):
    live = new_session(room)
    leader = login(room.trainer)
    member = login(room.students[0])
    press(leader, live, "next")
    press(leader, live, "open")
    vote(member, live, 1)
    participant = db.session.scalar(select(LiveParticipant))
    assert leader.post(f"/live/{live.id}/participants/{participant.id}/remove").status_code == 302
    response = vote(member, live, 2)
    page = member.get(response.headers["Location"]).get_data(as_text=True)
    assert "Je doet niet meer mee" in page
    assert db.session.scalar(select(LiveVote.option_index)) == 1


def test_unknown_codes_get_a_clear_message(client):
    response = client.post("/live", data={"code": "ZZZZZZ"})
    assert response.status_code == 400
    assert "Er loopt geen sessie met deze code" in response.get_data(as_text=True)


def test_state_answers_304_when_nothing_changed(room, login):
    live = new_session(room)
    member = login(room.students[0])
    member.get(f"/live/{live.id}/vote")  # the page grants following
    first = member.get(f"/live/{live.id}/state")
    assert first.status_code == 200 and first.json["version"] == reload(live).version
    etag = first.headers["ETag"]
    assert member.get(f"/live/{live.id}/state", headers={"If-None-Match": etag}).status_code == 304
    press(login(room.trainer), live, "next")
    changed = member.get(f"/live/{live.id}/state", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.json["phase"] == Phase.SCENE.value


@pytest.mark.app_config(LIVE_SSE_SECONDS=1)
def test_events_stream_the_state_and_end_by_themselves(room, login):
    live = new_session(room)
    member = login(room.students[0])
    response = member.get(f"/live/{live.id}/events")
    assert response.mimetype == "text/event-stream"
    assert response.headers["X-Accel-Buffering"] == "no"
    body = response.get_data(as_text=True)  # returns because the stream ends after 1 s
    assert f'"version": {live.version}' in body and body.startswith("retry:")


@pytest.mark.app_config(LIVE_SSE_MAX_STREAMS=0)
def test_a_full_process_refuses_streams_so_clients_poll(room, login):
    live = new_session(room)
    response = login(room.students[0]).get(f"/live/{live.id}/events")
    assert response.status_code == 503


def test_a_team_begeleider_leads_a_team_session(team_room, synced_case, login):
    begeleider, member, team = team_room
    response = login(begeleider).post(
        f"/teams/{team.id}/live/new", data={"case": "oefen-triade", "named": "y"}
    )
    live = db.session.scalar(select(LiveSession))
    assert response.status_code == 302 and live.named
    page = login(member).get(f"/live/j/{live.code}")
    assert page.headers["Location"] == f"/live/{live.id}/vote"
    assert "op naam" in login(member).get(f"/live/{live.id}/vote").get_data(as_text=True)


def test_names_and_notes_are_text_never_markup(room, client, login):
    live = new_session(room, guests=True)
    client.post(f"/live/j/{live.code}", data={"name": "<script>alert(1)</script>"})
    leader = login(room.trainer)
    control = leader.get(f"/live/{live.id}/control").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in control
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in control
    press(leader, live, "next")
    for action in ("open", "close", "reveal"):
        press(leader, live, action)
    press(leader, live, "note", note='<img src=x onerror="alert(2)">')
    summary = leader.get(f"/live/{live.id}/summary").get_data(as_text=True)
    assert "<img src=x" not in summary and "&lt;img src=x" in summary


@pytest.mark.parametrize("named", [False, True])
def test_voter_names_show_only_in_a_named_session(room, login, named):
    live = new_session(room, named=named)
    leader = login(room.trainer)
    press(leader, live, "next")
    press(leader, live, "open")
    vote(login(room.students[0]), live, 1)
    press(leader, live, "close")
    press(leader, live, "reveal")
    control = leader.get(f"/live/{live.id}/control").get_data(as_text=True)
    shown = 'class="live-voters">Student 0<' in control
    assert shown is named
