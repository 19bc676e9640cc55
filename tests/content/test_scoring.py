"""Loop erasure and scoring of attempts."""

from __future__ import annotations

import pytest

from learn.content.cases.scoring import effective_path, score, surviving_step_indices

from .support import EXAMPLE, build_case, check, two_scene_loop


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], []),
        ([("a", 1), ("b", None), ("c", None)], [("a", 1), ("b", None), ("c", None)]),
        # Back to a: everything since the first visit is replaced by the new visit.
        ([("a", 1), ("b", 2), ("a", 2), ("c", None)], [("a", 2), ("c", None)]),
        # Back to b, deeper in: a stays.
        ([("a", 1), ("b", 1), ("c", 1), ("b", 2), ("d", None)], [("a", 1), ("b", 2), ("d", None)]),
        # Loops inside loops.
        (
            [("a", 1), ("b", 1), ("c", 1), ("b", 1), ("c", 2), ("a", 2), ("e", None)],
            [("a", 2), ("e", None)],
        ),
        # A scene dropped by erasure may be visited again later.
        ([("a", 1), ("b", 1), ("a", 2), ("b", 2), ("e", None)], [("a", 2), ("b", 2), ("e", None)]),
        # Lists, as steps come back from JSON.
        ([["a", 1], ["b", None]], [("a", 1), ("b", None)]),
    ],
)
def test_effective_path(steps: list, expected: list) -> None:
    assert effective_path(steps) == expected


def test_surviving_step_indices_point_into_the_played_steps() -> None:
    steps = [("a", 1), ("b", 1), ("c", 1), ("b", 2), ("d", None)]
    assert surviving_step_indices(steps) == [0, 3, 4]
    assert surviving_step_indices([]) == []
    assert surviving_step_indices([("a", 1), ("a", 2), ("a", 1)]) == [2]


def test_effective_path_rejects_junk() -> None:
    with pytest.raises(ValueError, match="not a step"):
        effective_path([(1, 2)])


def test_score_of_the_example() -> None:
    case, _ = check(EXAMPLE)
    assert case is not None
    steps = [("kennismaking", 2), ("stilte", 1), ("appgroep", None), ("einde-voetbal", None)]
    assert score(case, steps) == {"haakjes": 0, "relatie": 1, "total": 1}


def test_score_counts_only_the_path_as_it_finally_stands() -> None:
    case = two_scene_loop()
    walk = [("s", 1), ("a", 1), ("s", 1), ("a", 1), ("s", 2), ("e", None)]
    assert score(case, walk) == {"x": -1, "total": -1}
    assert score(case, [("s", 1), ("a", 1), ("s", 1), ("a", 2)]) == {"x": 3, "total": 3}


def test_score_without_the_ending_step() -> None:
    case = build_case({"s": [("e", {"x": 2}), ("e", {})], "e": None}, competences=("x",))
    assert score(case, [("s", 1)]) == {"x": 2, "total": 2}


def test_score_rejects_unknown_scenes_and_choices() -> None:
    case = build_case({"s": [("e", {"x": 2}), ("e", {})], "e": None}, competences=("x",))
    with pytest.raises(ValueError, match="no scene 'weg'"):
        score(case, [("weg", 1)])
    with pytest.raises(ValueError, match="has no choice 3"):
        score(case, [("s", 3)])
    with pytest.raises(ValueError, match="has no choice 1"):
        score(case, [("e", 1)])


def test_score_counts_choices_after_a_narrative_scene() -> None:
    case = build_case(
        {"s": [("n", {"x": 1})], "n": "t", "t": [("e", {"x": 2})], "e": None},
        competences=("x",),
    )
    assert score(case, [("s", 1), ("n", None), ("t", 1), ("e", None)]) == {"x": 3, "total": 3}
