"""Scoring an attempt: the path as it finally stands counts, not every click.

A learner who loops back to a scene gets a new chance there: the part of their path since
the earlier visit is dropped (docs/authoring-cases.md, "Loops"). What remains is a simple
path, which is why graph.score_bounds can bound every possible score.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .graph import TOTAL, Step
from .model import Case


def surviving_step_indices(steps: Sequence[Sequence[str | int | None]]) -> list[int]:
    """Positions in ``steps`` that remain after loop erasure, in path order.

    Returning to a scene already on the path removes everything from its earlier visit on;
    the new visit takes its place. The debrief uses this to mark replaced choices.
    """
    path: list[int] = []
    position: dict[str, int] = {}
    for number, (scene_id, choice) in enumerate(steps):
        if not isinstance(scene_id, str) or isinstance(choice, str | bool):
            raise ValueError(f"not a step: {(scene_id, choice)!r}")
        earlier = position.get(scene_id)
        if earlier is not None:
            for dropped in path[earlier:]:
                del position[steps[dropped][0]]
            del path[earlier:]
        position[scene_id] = len(path)
        path.append(number)
    return path


def effective_path(steps: Iterable[Sequence[str | int | None]]) -> list[Step]:
    """The loop-erased path: the steps of :func:`surviving_step_indices`, as tuples.

    Steps may be lists (as they come back from JSON).
    """
    played = list(steps)
    path: list[Step] = []
    for i in surviving_step_indices(played):
        scene_id, choice = played[i]
        path.append((str(scene_id), None if choice is None else int(choice)))
    return path


def score(case: Case, steps: Iterable[Sequence[str | int | None]]) -> dict[str, int]:
    """Points per competence of the case (in its order) plus ``"total"``, over the
    effective path. ValueError for a scene or choice the case does not have."""
    totals = dict.fromkeys(case.competences, 0)
    for scene_id, index in effective_path(steps):
        scene = case.scenes.get(scene_id)
        if scene is None:
            raise ValueError(f"case {case.id!r} has no scene {scene_id!r}")
        if index is None:
            continue
        for key, points in scene.choice(int(index)).scores.items():
            if key in totals:
                totals[key] += points
    totals[TOTAL] = sum(totals.values())
    return totals
