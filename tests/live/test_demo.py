"""`kring demo` gives the demo class and the demo team one finished live session each."""

from __future__ import annotations

from sqlalchemy import func, select

from learn.auth.models import User
from learn.demo import DEMO_CLASS, DEMO_TEAM
from learn.extensions import db
from learn.groups.models import Group
from learn.live.demo import CLASS_CASE, CLASS_CODE, TEAM_CODE
from learn.live.models import LiveParticipant, LiveSession, LiveVote


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_sessions_are_finished_and_loaded_once(runner, login):
    assert runner.invoke(args=["demo"]).exit_code == 0
    sessions = {s.code: s for s in db.session.scalars(select(LiveSession))}
    assert set(sessions) == {CLASS_CODE, TEAM_CODE}
    totals = [count(m) for m in (LiveParticipant, LiveVote)]
    assert runner.invoke(args=["demo"]).exit_code == 0  # idempotent
    assert count(LiveSession) == 2
    assert [count(m) for m in (LiveParticipant, LiveVote)] == totals
    in_class, in_team = sessions[CLASS_CODE], sessions[TEAM_CODE]
    assert in_class.group.name == DEMO_CLASS and in_team.group.name == DEMO_TEAM
    assert in_class.ended and in_team.ended
    assert not in_class.named and in_team.named and in_team.allow_guests
    people = db.session.scalars(select(LiveParticipant)).all()
    assert all("(demo)" in p.display_name for p in people if p.is_guest)
    assert any(p.is_guest for p in people if p.session_id == in_team.id)
    last = in_class.case_version.content.scenes[in_class.steps[-1].scene_id]
    assert last.kind == "ending" and in_class.ended_at > in_class.created_at
    assert any(step.note for step in in_class.steps)


def test_demo_pages_show_the_sessions(runner, login):
    runner.invoke(args=["demo"])
    trainer = login(User.by_email("trainer@kring.test"))
    group = db.session.scalar(select(Group).where(Group.name == DEMO_CLASS))
    live = db.session.scalar(select(LiveSession).where(LiveSession.code == CLASS_CODE))
    page = trainer.get(f"/classes/{group.id}/cases/{CLASS_CASE}").get_data(as_text=True)
    assert "In de groep besproken" in page and f"/live/{live.id}/summary" in page
    overview = trainer.get(f"/classes/{group.id}/results").get_data(as_text=True)
    assert "in de groep besproken op" in overview
    summary = trainer.get(f"/live/{live.id}/summary")
    assert summary.status_code == 200 and "Notitie:" in summary.get_data(as_text=True)
    begeleider = login(User.by_email("team@kring.test"))
    team = db.session.scalar(select(Group).where(Group.name == DEMO_TEAM))
    team_live = db.session.scalar(select(LiveSession).where(LiveSession.code == TEAM_CODE))
    team_page = begeleider.get(f"/teams/{team.id}").get_data(as_text=True)
    assert f"/live/{team_live.id}/summary" in team_page
    named = begeleider.get(f"/live/{team_live.id}/summary").get_data(as_text=True)
    assert "Collega Ruud (demo)" in named  # a named session shows who voted what
