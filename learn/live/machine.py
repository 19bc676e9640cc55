"""The live session's state machine, as plain functions: which leader action is allowed when.

The leader walks the group through a case:

    scene_shown → voting_open → voting_closed → revealed → feedback_shown → next scene …

A narrative scene goes straight on with "next"; an ending scene can only be ended. The
leader may pause (every other action waits until "resume"), go back one scene, write a
note after the reveal, and end at any time. Nothing here touches Flask or the database:
services.py stores what these functions decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    SCENE = "scene_shown"
    VOTING = "voting_open"
    CLOSED = "voting_closed"
    REVEALED = "revealed"
    FEEDBACK = "feedback_shown"
    ENDED = "ended"


class Action(StrEnum):
    OPEN = "open"  # open voting (decision scenes only)
    CLOSE = "close"
    REOPEN = "reopen"  # closed too soon: voting opens again, votes kept
    REVEAL = "reveal"
    NOTE = "note"  # the discussion note; does not change the phase
    PICK = "pick"  # the choice the group follows; its feedback is shown
    NEXT = "next"  # on to the next scene (after feedback, or from a narrative scene)
    BACK = "back"  # return to the previous scene
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"


class InvalidTransition(ValueError):
    """A leader action the session does not allow in its current state."""


@dataclass(frozen=True)
class State:
    phase: Phase
    paused: bool
    scene_kind: str  # "decision", "narrative" or "ending": what the current scene is
    has_previous: bool  # is there a scene to go back to?


# Phase changes per action; NOTE, PAUSE, RESUME, BACK and END are handled in `apply`.
MOVES: dict[Action, dict[Phase, Phase]] = {
    Action.OPEN: {Phase.SCENE: Phase.VOTING},
    Action.CLOSE: {Phase.VOTING: Phase.CLOSED},
    Action.REOPEN: {Phase.CLOSED: Phase.VOTING},
    Action.REVEAL: {Phase.CLOSED: Phase.REVEALED},
    Action.PICK: {Phase.REVEALED: Phase.FEEDBACK, Phase.FEEDBACK: Phase.FEEDBACK},
    Action.NEXT: {Phase.FEEDBACK: Phase.SCENE},
}
NOTE_PHASES = {Phase.REVEALED, Phase.FEEDBACK}


def apply(state: State, action: Action) -> State:
    """The state after `action`; InvalidTransition when it is not allowed now."""
    if state.phase is Phase.ENDED:
        raise InvalidTransition("the session has ended")
    if action is Action.END:
        return State(Phase.ENDED, False, state.scene_kind, state.has_previous)
    if action is Action.PAUSE or action is Action.RESUME:
        if state.paused == (action is Action.PAUSE):
            raise InvalidTransition(f"already {'paused' if state.paused else 'running'}")
        return State(state.phase, not state.paused, state.scene_kind, state.has_previous)
    if state.paused:
        raise InvalidTransition("the session is paused")
    if action is Action.NOTE:
        if state.phase not in NOTE_PHASES:
            raise InvalidTransition("a note belongs to a revealed decision")
        return state
    if action is Action.BACK:
        if not state.has_previous:
            raise InvalidTransition("there is no earlier scene")
        # The previous scene is shown again; the caller knows which scene that is.
        return State(Phase.SCENE, False, state.scene_kind, True)
    if action is Action.NEXT and state.phase is Phase.SCENE:
        if state.scene_kind != "narrative":
            raise InvalidTransition("a decision needs a vote and a choice first")
        return state
    if action is Action.OPEN and state.scene_kind != "decision":
        raise InvalidTransition("only a decision can be voted on")
    target = MOVES.get(action, {}).get(state.phase)
    if target is None:
        raise InvalidTransition(f"{action.value} is not possible in {state.phase.value}")
    return State(target, False, state.scene_kind, state.has_previous)


def allowed_actions(state: State) -> set[Action]:
    """Every action `apply` accepts now: the buttons the control view shows."""
    allowed = set()
    for action in Action:
        try:
            apply(state, action)
        except InvalidTransition:
            continue
        allowed.add(action)
    return allowed


def tally(votes: list[int], indices: list[int]) -> dict[int, int]:
    """Votes per option index, every option present (zero when nobody chose it)."""
    counts = dict.fromkeys(indices, 0)
    for index in votes:
        if index in counts:
            counts[index] += 1
    return counts


def group_choice(counts: dict[int, int]) -> int | None:
    """The option most voted for; a tie or no votes leaves the pick to the leader (None)."""
    if not counts:
        return None
    best = max(counts.values())
    leaders = [index for index, count in counts.items() if count == best]
    return leaders[0] if best > 0 and len(leaders) == 1 else None
