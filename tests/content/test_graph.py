"""Reachability, loops and score bounds on small hand-computed graphs."""

from __future__ import annotations

import pytest

from learn.content.cases.graph import (
    best_path,
    cannot_reach_ending,
    components,
    is_loop,
    reachable,
    score_bounds,
    strongly_connected_components,
)

from .support import EXAMPLE, build_case, check, simple_path_scores, two_scene_loop


def test_reachable_leaves_out_an_island() -> None:
    case = build_case({"s": [("e", {}), ("a", {})], "a": "e", "e": None, "los": "e"})
    assert reachable(case) == {"s", "a", "e"}


def test_cannot_reach_ending_finds_a_dead_loop() -> None:
    case = build_case(
        {"s": [("e", {}), ("a", {})], "a": [("b", {}), ("a", {})], "b": "a", "e": None}
    )
    assert cannot_reach_ending(case) == ["a", "b"]


def test_components_of_a_cycle() -> None:
    case = build_case(
        {"s": [("a", {}), ("e", {})], "a": "b", "b": [("s", {}), ("e", {})], "e": None}
    )
    found = strongly_connected_components(case)
    assert sorted(map(sorted, found)) == [["a", "b", "s"], ["e"]]
    # Reverse topological order: what a component leads to comes first.
    assert found.index(["e"]) < found.index(["s", "a", "b"])


def test_components_keep_file_order_and_are_listed_sinks_first() -> None:
    succ = {"a": ["b"], "b": ["c"], "c": ["b", "d"], "d": []}
    assert components(["a", "b", "c", "d"], succ) == [["d"], ["b", "c"], ["a"]]


def test_components_of_a_diamond_keep_each_finished_node_apart() -> None:
    """A cross edge (b -> e) into a component that is already finished must not merge b
    into the component of the node on the stack below it (audit §4.3 #10)."""
    diamond = {"s": ["a", "b"], "a": ["e"], "b": ["e"], "e": []}
    assert components(["s", "a", "b", "e"], diamond) == [["e"], ["a"], ["b"], ["s"]]


def test_components_of_a_diamond_below_a_loop() -> None:
    succ = {"s": ["a", "b"], "a": ["e", "s"], "b": ["e"], "e": []}
    assert components(["s", "a", "b", "e"], succ) == [["e"], ["b"], ["s", "a"]]


def test_components_include_roots_that_nothing_reaches() -> None:
    """Roots after the first still get their component, even when all they lead to is done
    (audit §4.3 #11): an island ``x`` and a second source ``y`` into a finished node."""
    succ = {"a": ["b"], "b": [], "y": ["b"], "x": ["z"], "z": ["x"]}
    assert components(["a", "b", "y", "x", "z"], succ) == [["b"], ["a"], ["y"], ["x", "z"]]


def test_is_loop_needs_two_scenes_or_a_scene_leading_to_itself() -> None:
    succ = {"dood": ["rond"], "rond": ["weer"], "weer": ["rond"], "vast": ["vast"]}
    assert not is_loop(["dood"], succ)
    assert is_loop(["vast"], succ)
    assert is_loop(["rond", "weer"], succ)


@pytest.mark.parametrize("size", [6_000])
def test_components_need_no_recursion(size: int) -> None:
    nodes = [f"n{i}" for i in range(size)]
    chain = {n: [nodes[i + 1]] if i + 1 < size else [] for i, n in enumerate(nodes)}
    assert len(components(nodes, chain)) == size
    ring = {n: [nodes[(i + 1) % size]] for i, n in enumerate(nodes)}
    [big] = components(nodes, ring)
    assert big == nodes


def test_bounds_of_a_dag() -> None:
    case = build_case(
        {
            "s": [("a", {"x": 1}), ("b", {"x": -1, "y": 2})],
            "a": [("e1", {"x": 2}), ("b", {"y": -1})],
            "b": "e2",
            "e1": None,
            "e2": None,
        },
        competences=("x", "y"),
    )
    # s-a-e1: x 3, y 0; s-a-b-e2: x 1, y -1; s-b-e2: x -1, y 2.
    assert score_bounds(case) == {"x": (-1, 3), "y": (-1, 2), "total": (0, 3)}
    assert best_path(case) == [("s", 1), ("a", 1), ("e1", None)]


def test_bounds_with_a_two_scene_loop() -> None:
    case = two_scene_loop()
    # The +3 back to s can never count: s would be visited twice.
    assert score_bounds(case) == {"x": (-1, 3), "total": (-1, 3)}
    assert best_path(case) == [("s", 1), ("a", 2), ("e", None)]


def test_bounds_with_a_positive_choice_inside_a_loop() -> None:
    case = build_case(
        {
            "s": "a",
            "a": [("b", {"x": 3}), ("e", {})],
            "b": [("a", {"x": 3}), ("e", {"x": -2})],
            "e": None,
        },
        competences=("x",),
    )
    # Simple paths: s-a-e (0) and s-a-b-e (3 - 2 = 1); going round would be unbounded.
    assert score_bounds(case) == {"x": (0, 1), "total": (0, 1)}
    assert best_path(case) == [("s", None), ("a", 1), ("b", 2), ("e", None)]


def test_bounds_depend_on_where_the_loop_is_entered() -> None:
    case = build_case(
        {
            "s": [("a", {"x": 1}), ("b", {})],
            "a": [("b", {"x": 1}), ("e", {})],
            "b": [("a", {"x": 2}), ("e", {"x": 5})],
            "e": None,
        },
        competences=("x",),
    )
    # s-a-e 1, s-a-b-e 7, s-b-e 5, s-b-a-e 2.
    assert score_bounds(case) == {"x": (1, 7), "total": (1, 7)}
    assert best_path(case) == [("s", 1), ("a", 1), ("b", 2), ("e", None)]


def test_each_competence_is_bounded_on_its_own() -> None:
    case = build_case(
        {"s": [("e", {"x": 2, "y": -2}), ("e", {"x": -1, "y": 1})], "e": None},
        competences=("x", "y"),
    )
    assert score_bounds(case) == {"x": (-1, 2), "y": (-2, 1), "total": (0, 0)}


def test_best_path_ties_go_to_the_lowest_choice() -> None:
    case = build_case(
        {"s": [("a", {"x": 1}), ("b", {"x": 1})], "a": "e", "b": "e", "e": None}, competences=("x",)
    )
    assert best_path(case) == [("s", 1), ("a", None), ("e", None)]


def test_self_loop_is_ignored() -> None:
    case = build_case({"s": [("s", {"x": 3}), ("e", {"x": 1})], "e": None}, competences=("x",))
    assert score_bounds(case) == {"x": (1, 1), "total": (1, 1)}


def test_no_way_to_an_ending_raises() -> None:
    case = build_case({"s": [("s", {"x": 3}), ("a", {})], "a": "s", "e": None}, competences=("x",))
    with pytest.raises(ValueError, match="no path from start to an ending"):
        score_bounds(case)


def test_bounds_of_the_example_match_brute_force() -> None:
    case, _ = check(EXAMPLE)
    assert case is not None
    paths = simple_path_scores(case)
    bounds = score_bounds(case)
    for key in [*case.competences, "total"]:
        values = [totals[key] for _, totals in paths]
        assert bounds[key] == (min(values), max(values))
    assert bounds == {"haakjes": (-2, 2), "relatie": (1, 1), "total": (-1, 3)}


def test_long_chain_with_loops_needs_no_recursion() -> None:
    scenes: dict[str, object] = {}
    size = 6_000
    for i in range(size):
        nxt = f"n{i + 1}" if i + 1 < size else "e"
        back = f"n{i - 1}" if i % 2 else "e"
        scenes[f"n{i}"] = [(nxt, {"x": 1}), (back, {"x": -1})]
    scenes["e"] = None
    case = build_case(scenes, competences=("x",))
    assert score_bounds(case)["x"][1] == size
    assert len(best_path(case)) == size + 1
