"""The record of a live session: the path, each decision's votes, notes and feedback.

Built from the stored rows whenever it is asked for, so a session that ended by expiry is
summarised exactly as it stood.
"""

from __future__ import annotations

from dataclasses import dataclass

from learn.content import Choice, Scene
from learn.live.machine import group_choice, tally
from learn.live.models import LiveSession, LiveStep
from learn.live.services import counted_votes


@dataclass(frozen=True)
class OptionResult:
    choice: Choice
    votes: int
    percent: int
    voters: tuple[str, ...]  # names only in a named session


@dataclass(frozen=True)
class DecisionRecord:
    number: int
    scene: Scene
    options: list[OptionResult]  # in file order
    total: int
    group_choice: Choice | None  # None: a tie or no votes
    followed: Choice | None  # what the leader picked (None if the session ended before)
    note: str
    withdrawn: bool


@dataclass(frozen=True)
class Summary:
    session: LiveSession
    decisions: list[DecisionRecord]
    path: list[Scene]  # every scene shown, in order, withdrawn ones included
    ending: Scene | None


def option_results(
    scene: Scene, counts: dict[int, int], voters: dict[int, tuple[str, ...]] | None = None
) -> list[OptionResult]:
    """Every option of the scene (file order) with its votes; unknown options do not count."""
    total = sum(counts.get(c.index, 0) for c in scene.choices)
    return [
        OptionResult(
            choice=choice,
            votes=counts.get(choice.index, 0),
            percent=round(100 * counts.get(choice.index, 0) / total) if total else 0,
            voters=(voters or {}).get(choice.index, ()),
        )
        for choice in scene.choices
    ]


def results(session: LiveSession, step_number: int, scene: Scene) -> list[OptionResult]:
    """Vote counts per option of one step (file order), with names when the session is named."""
    votes = counted_votes(session.id, step_number)
    counts = tally([option for option, _name in votes], [c.index for c in scene.choices])
    voters = {i: tuple(n for o, n in votes if o == i) for i in counts} if session.named else None
    return option_results(scene, counts, voters)


def decision_record(
    number: int, scene: Scene, step: LiveStep, options: list[OptionResult]
) -> DecisionRecord:
    picked = group_choice({o.choice.index: o.votes for o in options})
    return DecisionRecord(
        number=number,
        scene=scene,
        options=options,
        total=sum(o.votes for o in options),
        group_choice=scene.choice(picked) if picked else None,
        followed=scene.choice(step.choice_index) if step.choice_index else None,
        note=step.note,
        withdrawn=step.withdrawn,
    )


def summarise(session: LiveSession) -> Summary:
    content = session.case_version.content
    decisions = []
    path = []
    for step in session.steps:
        scene = content.scenes[step.scene_id]
        path.append(scene)
        if scene.kind == "decision":
            options = results(session, step.number, scene)
            decisions.append(decision_record(len(decisions) + 1, scene, step, options))
    ending = path[-1] if path and path[-1].kind == "ending" else None
    return Summary(session, decisions, path, ending)
