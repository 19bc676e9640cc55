"""The privacy guard in the session flow, written sessions, retention and the user's data."""

from __future__ import annotations

from datetime import datetime, timedelta

from learn.auth.models import utcnow
from learn.extensions import db
from learn.intervision.models import (
    ActionPoint,
    GuardOverride,
    NoteDraft,
    SessionNote,
    TeamSession,
)
from learn.intervision.services import (
    add_action_point,
    export_user_notes,
    publish,
    purge_expired,
    set_retention_days,
)

from .conftest import make_session

RISKY = "Cliënt met BSN 111222333 belde vanaf 06-12345678 met zijn moeder Fatima el Amrani."


def url(world, tail: str = "") -> str:
    return f"/teams/{world.team.id}/sessies/{world.session.id}{tail}"


def published(world) -> SessionNote | None:
    db.session.expire_all()
    return db.session.scalar(
        db.select(SessionNote).where(SessionNote.session_id == world.session.id)
    )


def test_findings_hold_the_text_back_in_the_authors_draft_and_are_highlighted(world, login):
    response = login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": RISKY, "base_version": "0"}
    )
    assert response.status_code == 200
    assert '<mark class="finding" data-kind="bsn">111222333' in response.text
    assert 'data-kind="phone">06-12345678' in response.text
    assert "Vervang door pseudoniemen" in response.text and "Toch opslaan" in response.text
    assert published(world) is None
    assert "111222333" not in login(world.chair).get(url(world)).text
    draft = db.session.scalar(db.select(NoteDraft))
    assert draft.text == RISKY and draft.user_id == world.scribe.id


def test_one_click_pseudonymises_consistently_within_the_session(world, login):
    client = login(world.scribe)
    client.post(
        url(world, "/fase/0/notities"),
        data={"text": RISKY, "base_version": "0", "action": "pseudonymise"},
    )
    note = published(world)
    assert note.body == "Cliënt met BSN [BSN] belde vanaf [telefoon] met zijn moeder naaste A."
    client.post(
        url(world, "/fase/1/notities"),
        data={
            "text": "Later belde Fatima el Amrani opnieuw.",
            "base_version": "0",
            "action": "pseudonymise",
        },
    )
    second = db.session.scalar(db.select(SessionNote).where(SessionNote.phase == 1))
    assert second.body == "Later belde naaste A opnieuw."


def test_toch_opslaan_publishes_and_is_recorded(world, login):
    login(world.scribe).post(
        url(world, "/fase/0/notities"),
        data={"text": RISKY, "base_version": "0", "action": "override"},
    )
    assert published(world).body == RISKY
    record = db.session.scalar(db.select(GuardOverride))
    assert record.user_id == world.scribe.id and record.kinds == "bsn,name,phone"


def test_team_members_own_names_pass_the_guard(world, login):
    text = f"{world.chair.display_name} en {world.presenter.display_name} bespraken de situatie."
    response = login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": text, "base_version": "0"}
    )
    assert response.status_code == 302 and published(world).body == text


def test_autosave_never_publishes_even_with_findings(world, login):
    answer = login(world.scribe).post(
        url(world, "/fase/0/notities"),
        data={"text": RISKY, "base_version": "0", "action": "draft"},
        headers={"X-Kring-Autosave": "1"},
    )
    assert answer.get_json()["saved"] and published(world) is None


def test_an_action_point_with_personal_data_is_refused(world, login):
    login(world.chair).post(
        url(world, "/acties"), data={"what": "BSN 111222333 doorgeven", "owner": 0}
    )
    assert db.session.scalar(db.select(ActionPoint)) is None


def written(world) -> TeamSession:
    return make_session(
        world.team,
        world.chair,
        "vijfstappenmethode",
        mode="schriftelijk",
        presenter_id=world.presenter.id,
        respond_by=utcnow() + timedelta(days=3),
    )


def test_a_written_session_collects_answers_per_member_and_the_presenters_response(world, login):
    session = written(world)
    base = f"/teams/{world.team.id}/sessies/{session.id}"
    login(world.presenter).post(
        f"{base}/tekst/inbreng", data={"text": "Hoe betrek ik de zus?", "base_version": "0"}
    )
    login(world.chair).post(
        f"{base}/fase/1/antwoord", data={"text": "Wat is al geprobeerd?", "base_version": "0"}
    )
    login(world.scribe).post(
        f"{base}/fase/1/antwoord", data={"text": "Wie kan helpen?", "base_version": "0"}
    )
    assert login(world.presenter).get(f"{base}/fase/1/antwoord").status_code == 403
    login(world.presenter).post(
        f"{base}/fase/1/reactie", data={"text": "Dank, helder", "base_version": "0"}
    )
    page = login(world.leader).get(base).text
    texts = ("Hoe betrek ik de zus?", "Wat is al geprobeerd?", "Wie kan helpen?", "Dank, helder")
    assert all(text in page for text in texts)
    assert "Chris Leider" in page and "Nout Ulist" in page
    assert login(world.chair).get(f"{base}/fase/1/notities").status_code == 403


def test_answers_close_at_the_deadline(world, login):
    session = written(world)
    session.respond_by = utcnow() - timedelta(minutes=1)
    db.session.commit()
    base = f"/teams/{world.team.id}/sessies/{session.id}"
    response = login(world.chair).post(
        f"{base}/fase/1/antwoord", data={"text": "Te laat", "base_version": "0"}
    )
    assert response.status_code == 302
    assert (
        db.session.scalar(db.select(SessionNote).where(SessionNote.session_id == session.id))
        is None
    )


def test_purge_deletes_notes_past_the_teams_retention_and_keeps_the_rest(world, app):
    old = make_session(world.team, world.chair, scheduled_at=datetime(2026, 1, 1, 10, 0))
    old.aliases = {"fatima el amrani": "naaste A"}
    for session in (old, world.session):
        publish(session, 0, "notities", world.scribe, "notitie", 0)
    add_action_point(old, "Nog open", world.chair, None, world.chair)
    set_retention_days(world.team, 30)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["intervision", "purge"])
    assert result.exit_code == 0 and "1 session" in result.output
    db.session.expire_all()
    old = db.session.get(TeamSession, old.id)
    assert old.notes == [] and old.aliases == {} and old.purged_at is not None
    assert len(db.session.get(TeamSession, world.session.id).notes) == 1
    assert db.session.scalar(db.select(ActionPoint)).what == "Nog open"
    assert purge_expired(utcnow()) == 0  # a second run finds nothing more


def test_retention_is_counted_from_the_session_day(world):
    recent = make_session(world.team, world.chair, scheduled_at=utcnow() - timedelta(days=10))
    publish(recent, 0, "notities", world.scribe, "recent", 0)
    set_retention_days(world.team, 30)
    db.session.commit()
    assert purge_expired(utcnow()) == 0
    assert purge_expired(utcnow() + timedelta(days=21)) == 1  # the fixture's is later


def test_export_lists_the_users_notes_drafts_and_points(world, login):
    login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": "mijn notitie", "base_version": "0"}
    )
    login(world.scribe).post(
        url(world, "/fase/1/notities"),
        data={"text": "half af", "base_version": "0", "action": "draft"},
    )
    login(world.chair).post(
        url(world, "/acties"), data={"what": "Bellen", "owner": world.scribe.id}
    )
    rows = export_user_notes(world.scribe)
    kinds = {(r["kind"], r["text"]) for r in rows}
    assert kinds == {("note", "mijn notitie"), ("draft", "half af"), ("action_point", "Bellen")}
    note = next(r for r in rows if r["kind"] == "note")
    assert note["team"] == "Team De Haven" and note["phase"] == "Inbreng van het incident"
    assert export_user_notes(world.outsider) == []


def test_a_deleted_author_is_credited_as_voormalig_lid(world, login):
    login(world.scribe).post(
        url(world, "/fase/0/notities"), data={"text": "blijft staan", "base_version": "0"}
    )
    db.session.delete(db.session.get(type(world.scribe), world.scribe.id))
    db.session.commit()
    note = published(world)
    assert note.body == "blijft staan" and note.author_id is None
    page = login(world.chair).get(url(world)).text
    assert "blijft staan" in page and "voormalig lid" in page


def test_demo_gives_the_demo_team_a_finished_and_a_planned_session_once(app):
    from learn.demo import DEMO_TEAM, load_demo
    from learn.groups.models import Group

    load_demo()
    load_demo()
    team = db.session.scalar(db.select(Group).where(Group.name == DEMO_TEAM))
    sessions = db.session.scalars(
        db.select(TeamSession).where(TeamSession.team_id == team.id)
    ).all()
    assert sorted(s.status for s in sessions) == ["afgerond", "gepland"]
    finished = next(s for s in sessions if s.status == "afgerond")
    assert len(finished.notes) == 7  # every phase and the conclusions passed the guard
    assert [p.is_open for p in finished.action_points] == [True, True]
