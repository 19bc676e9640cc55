"""Team sessions over HTTP, per role: planning, access, the shared timer, notes, actions."""

from __future__ import annotations

from learn.extensions import db
from learn.intervision.models import ActionPoint, SessionNote, TeamSession

from .conftest import make_session


def url(world, tail: str = "") -> str:
    return f"/teams/{world.team.id}/sessies/{world.session.id}{tail}"


def test_a_member_plans_a_session_with_a_copy_of_the_method(world, login):
    client = login(world.scribe)
    page = client.get(f"/teams/{world.team.id}/sessies/nieuw")
    assert page.status_code == 200 and "Incidentmethode" in page.text
    response = client.post(
        f"/teams/{world.team.id}/sessies/nieuw",
        data={
            "title": "Casus januari",
            "scheduled_at": "2027-01-10T10:00",
            "method": "vijfstappenmethode",
            "mode": "live",
            "chair": world.chair.id,
            "presenter": world.presenter.id,
            "scribe": 0,
            "case_slug": "",
        },
    )
    assert response.status_code == 302
    session = db.session.scalar(db.select(TeamSession).where(TeamSession.title == "Casus januari"))
    assert [p["id"] for p in session.phases][:2] == ["probleem", "vragenronde"]
    assert session.scribe_id is None and session.presenter_id == world.presenter.id
    assert client.get(response.headers["Location"]).status_code == 200
    outsider = {
        "title": "X",
        "scheduled_at": "2027-01-10T10:00",
        "method": "balint",
        "mode": "live",
        "chair": world.outsider.id,
        "presenter": 0,
        "scribe": 0,
    }
    assert client.post(f"/teams/{world.team.id}/sessies/nieuw", data=outsider).status_code == 400


def test_a_written_session_needs_a_deadline(world, login):
    response = login(world.chair).post(
        f"/teams/{world.team.id}/sessies/nieuw",
        data={
            "title": "X",
            "scheduled_at": "2027-01-10T10:00",
            "method": "balint",
            "mode": "schriftelijk",
            "chair": 0,
            "presenter": 0,
            "scribe": 0,
            "case_slug": "",
        },
    )
    assert response.status_code == 400
    assert "Kies tot wanneer men kan antwoorden." in response.text


def test_outsiders_and_classmates_get_404_and_leaving_ends_access_at_once(world, login):
    for person in (world.outsider, world.classmate):
        client = login(person)
        for tail in ("", "/status", "/samenvatting", "/samenvatting.md"):
            assert client.get(url(world, tail)).status_code == 404
        assert client.get(f"/teams/{world.team.id}/sessies").status_code == 404
    client = login(world.scribe)
    assert client.get(url(world)).status_code == 200
    assert client.post(f"/teams/{world.team.id}/leave").status_code == 302
    assert client.get(url(world)).status_code == 404
    assert client.get(url(world, "/fase/0/notities")).status_code == 404


def test_a_session_of_another_team_is_not_found_under_this_team(world, login):
    other = make_session(world.outsider.memberships[0].group, world.outsider)
    assert login(world.chair).get(f"/teams/{world.team.id}/sessies/{other.id}").status_code == 404


def test_the_chair_runs_the_timer_and_every_member_sees_the_same_state(world, login):
    chair = login(world.chair)
    assert chair.post(url(world, "/timer"), data={"action": "start"}).status_code == 302
    state = login(world.scribe).get(url(world, "/status")).get_json()
    assert state["running"] and state["phase"] == 0 and state["status"] == "bezig"
    assert 0 < state["remaining"] <= 300 and state["deadline"].endswith("Z")
    chair.post(url(world, "/timer"), data={"action": "extend"})
    assert login(world.presenter).get(url(world, "/status")).get_json()["remaining"] > 300
    chair.post(url(world, "/timer"), data={"action": "skip"})
    state = login(world.leader).get(url(world, "/status")).get_json()
    assert state["phase"] == 1 and state["running"]
    page = login(world.scribe).get(url(world)).text
    assert "Fase 2 van 6: Verhelderende vragen" in page and "Alleen vragen, geen adviezen" in page
    assert 'class="clock' in page  # the remaining time, also without JavaScript


def test_members_other_than_chair_and_begeleider_may_not_run_the_timer(world, login):
    assert (
        login(world.scribe).post(url(world, "/timer"), data={"action": "start"}).status_code == 403
    )
    assert (
        login(world.leader).post(url(world, "/timer"), data={"action": "start"}).status_code == 302
    )


def test_loop_back_returns_to_the_question_round(world, login):
    session = make_session(
        world.team, world.chair, "probleemoplossende-methode", chair_id=world.chair.id
    )
    client = login(world.chair)
    base = f"/teams/{world.team.id}/sessies/{session.id}/timer"
    for _ in range(4):
        client.post(base, data={"action": "skip"})
    assert "Terug naar Vragenronde" in client.get(base[: -len("/timer")]).text
    client.post(base, data={"action": "loop"})
    db.session.expire_all()
    assert db.session.get(TeamSession, session.id).current_phase == 1


def test_autosave_keeps_a_private_draft_and_publish_shows_it_to_the_team(world, login):
    scribe = login(world.scribe)
    answer = scribe.post(
        url(world, "/fase/0/notities"),
        data={"text": "geheim concept", "base_version": "0", "action": "draft"},
        headers={"X-Kring-Autosave": "1"},
    )
    assert answer.get_json() == {"saved": True, "version": 0, "base": 0}
    assert "geheim concept" not in login(world.chair).get(url(world)).text
    assert (
        "geheim concept" in scribe.get(url(world, "/fase/0/notities")).text
    )  # the draft comes back
    response = scribe.post(
        url(world, "/fase/0/notities"), data={"text": "**inbreng** gehoord", "base_version": "0"}
    )
    assert response.status_code == 302
    assert "<strong>inbreng</strong> gehoord" in login(world.chair).get(url(world)).text


def test_a_save_on_an_old_version_is_not_applied_and_shows_both(world, login):
    login(world.chair).post(
        url(world, "/fase/0/notities"), data={"text": "versie van Chris", "base_version": "0"}
    )
    response = login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": "versie van Nout", "base_version": "0"}
    )
    assert response.status_code == 409
    assert "versie van Chris" in response.text and "versie van Nout" in response.text
    note = db.session.scalar(
        db.select(SessionNote).where(SessionNote.session_id == world.session.id)
    )
    assert (note.body, note.version) == ("versie van Chris", 1)
    merged = login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": "Chris en Nout", "base_version": "1"}
    )
    assert merged.status_code == 302
    db.session.refresh(note)
    assert (note.body, note.version) == ("Chris en Nout", 2)


def test_markdown_in_notes_is_sanitised(world, login):
    login(world.scribe).post(
        url(world, "/fase/0/notities"),
        data={"text": "<script>alert(1)</script><img src=x onerror=alert(1)>", "base_version": "0"},
    )
    page = login(world.chair).get(url(world)).text
    assert "<script>alert(1)" not in page and "<img src=x" not in page


def test_only_the_presenter_writes_the_situation(world, login):
    assert login(world.scribe).get(url(world, "/tekst/inbreng")).status_code == 403
    assert login(world.presenter).get(url(world, "/tekst/inbreng")).status_code == 200
    assert login(world.presenter).get(url(world, "/tekst/onbekend")).status_code == 404
    assert login(world.presenter).get(url(world, "/fase/99/notities")).status_code == 404


def test_action_points_show_on_the_owners_home_page_and_the_team_page_until_done(world, login):
    chair = login(world.chair)
    chair.post(
        url(world, "/acties"),
        data={
            "what": "Ecogram met cliënt A maken",
            "owner": world.presenter.id,
            "due": "2027-01-15",
        },
    )
    chair.post(url(world, "/acties"), data={"what": "Naaste B bellen", "owner": world.presenter.id})
    home = login(world.presenter).get("/").text
    assert "Ecogram met cliënt A maken" in home and "15-01-2027" in home
    assert "Naaste B bellen" in login(world.leader).get(f"/teams/{world.team.id}").text
    assert "Ecogram" not in login(world.scribe).get("/").text  # not theirs
    point = db.session.scalar(db.select(ActionPoint).where(ActionPoint.what == "Naaste B bellen"))
    login(world.presenter).post(
        f"/teams/{world.team.id}/acties/{point.id}", data={"choice": "gedaan"}
    )
    assert "Naaste B bellen" not in login(world.presenter).get("/").text
    assert "Naaste B bellen" not in login(world.leader).get(f"/teams/{world.team.id}").text


def test_the_next_session_opens_with_open_points_to_review(world, login):
    login(world.chair).post(
        url(world, "/acties"), data={"what": "Netwerkkaart bijwerken", "owner": 0}
    )
    later = make_session(world.team, world.chair, title="Volgende keer")
    client = login(world.leader)
    page = client.get(f"/teams/{world.team.id}/sessies/{later.id}").text
    assert "Netwerkkaart bijwerken" in page.split("inbreng-heading")[0]  # in the agenda, first
    point = db.session.scalar(db.select(ActionPoint))
    client.post(
        f"/teams/{world.team.id}/acties/{point.id}",
        data={"choice": "doorgeschoven", "session_id": later.id},
    )
    db.session.refresh(point)
    assert point.status == "open" and point.times_carried == 1 and point.reviewed_in_id == later.id
    client.post(f"/teams/{world.team.id}/acties/{point.id}", data={"choice": "vervallen"})
    db.session.refresh(point)
    assert point.status == "vervallen" and point.closed_at is not None


def test_an_outsider_cannot_review_a_point(world, login):
    login(world.chair).post(url(world, "/acties"), data={"what": "Iets", "owner": 0})
    point = db.session.scalar(db.select(ActionPoint))
    other_team = world.outsider.memberships[0].group
    response = login(world.outsider).post(
        f"/teams/{other_team.id}/acties/{point.id}", data={"choice": "gedaan"}
    )
    assert response.status_code == 404


def test_summary_page_and_markdown_download(world, login):
    login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": "Het incident", "base_version": "0"}
    )
    login(world.chair).post(
        url(world, "/acties"),
        data={"what": "Evalueren", "owner": world.chair.id, "due": "2027-02-01"},
    )
    page = login(world.presenter).get(url(world, "/samenvatting"))
    assert "Het incident" in page.text and "Evalueren" in page.text
    download = login(world.presenter).get(url(world, "/samenvatting.md"))
    assert download.mimetype == "text/markdown"
    assert "attachment" in download.headers["Content-Disposition"]
    text = download.get_data(as_text=True)
    assert text.startswith("# Intervisie december\n")
    assert "## 1. Inbreng van het incident\n\nHet incident" in text
    assert "- [ ] Evalueren (Chris Leider, uiterlijk 01-02-2027; open)" in text


def test_retention_is_set_by_a_begeleider_only(world, login):
    path = f"/teams/{world.team.id}/sessies/bewaartermijn"
    assert login(world.scribe).post(path, data={"retention_days": "30"}).status_code == 403
    assert login(world.leader).post(path, data={"retention_days": "30"}).status_code == 302
    assert 'value="30"' in login(world.leader).get(f"/teams/{world.team.id}/sessies").text
