"""The live state machine and vote rules, as plain functions."""

from __future__ import annotations

import pytest

from learn.live.machine import (
    Action,
    InvalidTransition,
    Phase,
    State,
    allowed_actions,
    apply,
    group_choice,
    tally,
)


def state(phase=Phase.SCENE, paused=False, kind="decision", previous=True) -> State:
    return State(phase, paused, kind, previous)


def test_a_decision_goes_through_the_whole_round():
    s = state(Phase.SCENE)
    for action, phase in [
        (Action.OPEN, Phase.VOTING),
        (Action.CLOSE, Phase.CLOSED),
        (Action.REVEAL, Phase.REVEALED),
        (Action.NOTE, Phase.REVEALED),
        (Action.PICK, Phase.FEEDBACK),
        (Action.NOTE, Phase.FEEDBACK),
        (Action.NEXT, Phase.SCENE),
    ]:
        s = apply(s, action)
        assert s.phase is phase, action


@pytest.mark.parametrize(
    ("phase", "action"),
    [
        (Phase.SCENE, Action.CLOSE),
        (Phase.SCENE, Action.REVEAL),
        (Phase.SCENE, Action.PICK),
        (Phase.SCENE, Action.NOTE),
        (Phase.SCENE, Action.NEXT),  # a decision scene cannot be skipped
        (Phase.VOTING, Action.REVEAL),  # results only after closing
        (Phase.VOTING, Action.PICK),
        (Phase.VOTING, Action.OPEN),
        (Phase.CLOSED, Action.PICK),
        (Phase.CLOSED, Action.NEXT),
        (Phase.REVEALED, Action.NEXT),  # a choice must be picked first
        (Phase.REVEALED, Action.OPEN),
        (Phase.FEEDBACK, Action.CLOSE),
    ],
)
def test_out_of_order_actions_are_refused(phase, action):
    with pytest.raises(InvalidTransition):
        apply(state(phase), action)


def test_narrative_scenes_go_on_with_next_and_cannot_be_voted_on():
    s = state(Phase.SCENE, kind="narrative")
    assert apply(s, Action.NEXT).phase is Phase.SCENE
    with pytest.raises(InvalidTransition):
        apply(s, Action.OPEN)


def test_an_ending_can_only_be_ended_or_left_backwards():
    assert allowed_actions(state(Phase.SCENE, kind="ending")) == {
        Action.BACK,
        Action.PAUSE,
        Action.END,
    }


def test_pause_blocks_everything_but_resume_and_end():
    paused = apply(state(Phase.VOTING), Action.PAUSE)
    assert paused.paused and paused.phase is Phase.VOTING
    assert allowed_actions(paused) == {Action.RESUME, Action.END}
    with pytest.raises(InvalidTransition):
        apply(paused, Action.PAUSE)
    assert apply(paused, Action.RESUME) == state(Phase.VOTING)


def test_back_needs_an_earlier_scene():
    with pytest.raises(InvalidTransition):
        apply(state(Phase.VOTING, previous=False), Action.BACK)
    assert apply(state(Phase.REVEALED), Action.BACK).phase is Phase.SCENE


def test_an_ended_session_refuses_everything():
    ended = apply(state(Phase.REVEALED), Action.END)
    assert ended.phase is Phase.ENDED
    assert allowed_actions(ended) == set()


def test_reopen_after_closing_too_soon():
    assert apply(state(Phase.CLOSED), Action.REOPEN).phase is Phase.VOTING


def test_tally_counts_every_option_and_ignores_unknown_ones():
    assert tally([2, 2, 1, 9], [1, 2, 3]) == {1: 1, 2: 2, 3: 0}


def test_group_choice_is_the_clear_winner_only():
    assert group_choice({1: 1, 2: 3}) == 2
    assert group_choice({1: 2, 2: 2}) is None  # a tie: the leader decides
    assert group_choice({1: 0, 2: 0}) is None
