"""Leader actions and votes in the database: exactly once, refused when they must be."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from learn.auth.models import utcnow
from learn.extensions import db
from learn.live.machine import Action, Phase
from learn.live.models import LiveVote
from learn.live.services import (
    Refusal,
    cast_vote,
    current_step,
    expire_if_due,
    join_guest,
    join_member,
    perform,
    pulse,
    remove_participant,
)
from learn.live.summary import summarise
from tests.live.conftest import new_session, reload


def act(live, action, **kwargs):
    return perform(live, action, live.version, expiry_minutes=60, **kwargs)


def to_voting(live):
    assert act(live, Action.NEXT) is None  # narrative start scene -> "tafel"
    assert act(live, Action.OPEN) is None
    return live


def votes_in(live) -> int:
    return db.session.scalar(select(func.count(LiveVote.id)).where(LiveVote.session_id == live.id))


def test_every_action_bumps_the_version_and_a_stale_screen_changes_nothing(room):
    live = new_session(room)
    seen = live.version
    assert perform(live, Action.NEXT, seen, expiry_minutes=60) is None
    assert live.version == seen + 1
    # The same button pressed again (double click, second device): refused.
    assert perform(live, Action.NEXT, seen, expiry_minutes=60) is Refusal.CHANGED
    assert reload(live).step_number == 2


def test_a_vote_is_stored_once_and_can_be_changed_until_closing(room):
    live = to_voting(new_session(room))
    me = join_member(live, room.students[0])
    for _ in range(3):  # a double tap and a retry
        assert cast_vote(live, me, live.step_number, 2) is None
    assert votes_in(live) == 1
    assert cast_vote(live, me, live.step_number, 1) is None
    assert votes_in(live) == 1
    assert db.session.scalar(select(LiveVote.option_index)) == 1
    assert act(live, Action.CLOSE) is None
    assert cast_vote(live, me, live.step_number, 2) is Refusal.CLOSED
    assert db.session.scalar(select(LiveVote.option_index)) == 1


def test_votes_for_another_step_or_a_missing_choice_are_refused(room):
    live = to_voting(new_session(room))
    me = join_member(live, room.students[0])
    assert cast_vote(live, me, live.step_number, 99) is Refusal.BAD_CHOICE
    assert cast_vote(live, me, live.step_number - 1, 1) is Refusal.OTHER_STEP
    assert cast_vote(live, me, live.step_number + 5, 1) is Refusal.OTHER_STEP
    assert votes_in(live) == 0


def test_removed_participants_and_guests_of_other_sessions_do_not_count(room):
    live = to_voting(new_session(room, guests=True))
    other = to_voting(new_session(room, guests=True))
    guest = join_guest(other, "Gast Elders")
    assert cast_vote(live, guest, live.step_number, 1) is Refusal.REMOVED
    me = join_member(live, room.students[0])
    assert cast_vote(live, me, live.step_number, 1) is None
    remove_participant(me)
    assert cast_vote(live, me, live.step_number, 2) is Refusal.REMOVED
    assert pulse(live.id).votes == 0  # the earlier vote no longer counts
    assert db.session.scalar(select(LiveVote.option_index)) == 1  # and was not changed


def test_pick_must_be_a_choice_of_the_scene_and_next_follows_it(room):
    live = to_voting(new_session(room))
    act(live, Action.CLOSE)
    act(live, Action.REVEAL)
    assert act(live, Action.PICK, choice=7) is Refusal.BAD_CHOICE
    assert act(live, Action.PICK, choice=2) is None
    assert act(live, Action.NOTE, note="  Ans kreeg veel ruimte.  ") is None
    assert current_step(live).note == "Ans kreeg veel ruimte."
    assert act(live, Action.NEXT) is None
    assert current_step(live).scene_id == "boos"


def test_back_returns_to_the_previous_scene_with_fresh_votes(room):
    live = to_voting(new_session(room))
    me = join_member(live, room.students[0])
    cast_vote(live, me, live.step_number, 1)
    act(live, Action.CLOSE)
    act(live, Action.REVEAL)
    act(live, Action.PICK, choice=1)
    act(live, Action.NEXT)  # -> afspraak
    assert act(live, Action.BACK) is None
    step = current_step(live)
    assert step.scene_id == "tafel" and live.phase == Phase.SCENE
    assert [s.withdrawn for s in live.steps] == [False, True, True, False]
    act(live, Action.OPEN)
    assert cast_vote(live, me, live.step_number, 2) is None  # a new round, a new vote
    assert votes_in(live) == 2


def test_an_idle_session_expires_and_is_summarised_as_it_stood(room):
    live = to_voting(new_session(room))
    me = join_member(live, room.students[0])
    cast_vote(live, me, live.step_number, 2)
    assert not expire_if_due(live)
    assert expire_if_due(live, now=utcnow() + timedelta(minutes=61))
    live = reload(live)
    assert live.phase == Phase.ENDED and live.expired
    summary = summarise(live)
    assert [d.scene.id for d in summary.decisions] == ["tafel"]
    assert [o.votes for o in summary.decisions[0].options] == [0, 1]
    assert summary.decisions[0].followed is None


def test_pulse_counts_current_votes_and_participants(room):
    live = to_voting(new_session(room))
    for student in room.students[:2]:
        cast_vote(live, join_member(live, student), live.step_number, 1)
    join_member(live, room.students[2])
    state = pulse(live.id)
    assert (state.votes, state.participants, state.version) == (2, 3, live.version)
    assert state.etag == f"{live.version}-2-3"
