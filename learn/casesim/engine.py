"""The rules of playing a case, as plain functions over a case and its steps.

A step is `(scene id, choice index)`; the index is None for a narrative scene's
"continue". Nothing here touches Flask or the database, so every rule can be
tested on small hand-made cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from learn.content.cases.graph import distances_to_ending  # noqa: F401  (part of the engine's API)
from learn.content.cases.model import Case, Choice, Scene
from learn.content.cases.scoring import surviving_step_indices
from learn.ordering import shuffled

Step = tuple[str, int | None]

QUALITY_RANK = {"sterk": 2, "begrijpelijk": 1, "riskant": 0}
ADDRESSEES = ("client", "naaste", "beiden")


class InvalidMove(ValueError):
    """A step that the case does not allow from where the learner is."""


def current_scene_id(case: Case, steps: Sequence[Step]) -> str:
    """Where the learner is now: the start, or where the last step led."""
    if not steps:
        return case.start
    scene_id, index = steps[-1]
    return target(case.scenes[scene_id], index)


def target(scene: Scene, index: int | None) -> str:
    """The scene that `index` (or "continue") leads to from `scene`; InvalidMove if none."""
    if scene.kind == "decision":
        if index is None:
            raise InvalidMove(f"scene {scene.id!r} asks for a choice")
        try:
            return scene.choice(index).next
        except ValueError as exc:
            raise InvalidMove(str(exc)) from exc
    if scene.kind == "narrative" and index is None and scene.next:
        return scene.next
    raise InvalidMove(f"scene {scene.id!r} does not go on this way")


def is_finished(case: Case, steps: Sequence[Step]) -> bool:
    return case.scenes[current_scene_id(case, steps)].kind == "ending"


def shown_choices(scene: Scene, attempt_id: int) -> list[Choice]:
    """The scene's choices in the order this attempt shows them (stable across reloads)."""
    return shuffled(scene.choices, "attempt", attempt_id, scene.id)


# Where a score sits between a case's weakest (0%) and strongest (100%) path, in words.
SCORE_BANDS = ((80, "sterk"), (50, "op-weg"), (0, "oefenen"))


def score_share(points: int, low: int, high: int) -> float | None:
    """Where `points` sits between the worst and best path (0.0 to 1.0); None when the
    case leaves no room (best equals worst)."""
    return (points - low) / (high - low) if high > low else None


def score_band(percent: int) -> str:
    """The word for a percentage: sterk (80+), op weg (50-79) or nog te oefenen."""
    return next(band for floor, band in SCORE_BANDS if percent >= floor)


@dataclass(frozen=True)
class ScoreRow:
    key: str  # a competence, or "total"
    percent: int | None
    band: str | None


def score_rows(
    scores: dict[str, int], bounds: dict[str, dict[str, int]], keys: Sequence[str]
) -> list[ScoreRow]:
    """The debrief's score table: per competence (and the total) where this attempt sits
    between the case's weakest and strongest path."""
    rows = []
    for key in [*keys, "total"]:
        share = score_share(scores.get(key, 0), bounds["worst"][key], bounds["best"][key])
        percent = None if share is None else round(100 * share)
        rows.append(ScoreRow(key, percent, None if percent is None else score_band(percent)))
    return rows


def choice_total(choice: Choice) -> int:
    return sum(choice.scores.values())


def strongest_choice(scene: Scene) -> Choice:
    """The choice that scores best in total; quality, then file order, break ties."""
    return max(
        scene.choices,
        key=lambda c: (choice_total(c), QUALITY_RANK.get(c.quality, 0), -c.index),
    )


@dataclass(frozen=True)
class DecisionReview:
    """One decision as the debrief shows it."""

    number: int
    scene: Scene
    choice: Choice
    strongest: Choice
    kept: bool  # False when a later loop replaced this part of the path

    @property
    def chose_strongest(self) -> bool:
        return self.choice.index == self.strongest.index


def review(case: Case, steps: Sequence[Step]) -> list[DecisionReview]:
    """Every decision the learner made, in order, with the strongest alternative."""
    kept = set(surviving_step_indices(steps))
    reviews = []
    for position, (scene_id, index) in enumerate(steps):
        scene = case.scenes[scene_id]
        if scene.kind != "decision" or index is None:
            continue
        reviews.append(
            DecisionReview(
                number=len(reviews) + 1,
                scene=scene,
                choice=scene.choice(index),
                strongest=strongest_choice(scene),
                kept=position in kept,
            )
        )
    return reviews


def last_choice(case: Case, steps: Sequence[Step]) -> tuple[Scene, Choice] | None:
    """The decision the learner just made, to show its feedback; None after "continue"."""
    if not steps or steps[-1][1] is None:
        return None
    scene = case.scenes[steps[-1][0]]
    return scene, scene.choice(steps[-1][1])


def attention_balance(case: Case, steps: Sequence[Step]) -> dict[str, int]:
    """How often the learner addressed client, naaste or both in triadic scenes."""
    counts = dict.fromkeys(ADDRESSEES, 0)
    for scene_id, index in steps:
        scene = case.scenes[scene_id]
        if scene.triadic and index is not None:
            addressee = scene.choice(index).addresses
            if addressee in counts:
                counts[addressee] += 1
    return counts


def progress(case: Case, steps: Sequence[Step], distances: dict[str, int]) -> tuple[int, int]:
    """(done, done + still to go at least): an honest progress bar for a branching case."""
    done = len(steps)
    return done, done + distances.get(current_scene_id(case, steps), 0)
