"""Graph rules pinned where mutation testing (docs/mutation-testing.md) found them loose:
Tarjan on cross edges and several roots, loops of one scene, and the plain distances."""

from __future__ import annotations

from learn.content.cases.graph import (
    best_path,
    components,
    depths,
    distances_from,
    distances_to_ending,
    is_loop,
    predecessors,
    reaching,
    score_bounds,
)

from .support import build_case


def test_components_of_a_diamond_are_single_scenes() -> None:
    # b's edge to e is a cross edge into a finished component: e must not join b.
    succ = {"s": ["a", "b"], "a": ["e"], "b": ["e"], "e": []}
    assert components(["s", "a", "b", "e"], succ) == [["e"], ["a"], ["b"], ["s"]]


def test_components_start_again_from_every_root_not_yet_seen() -> None:
    assert components(["a", "b", "x"], {"a": ["b"], "x": ["b"]}) == [["b"], ["a"], ["x"]]
    assert components(["x", "a", "b"], {"a": ["b"], "x": ["b"]}) == [["b"], ["x"], ["a"]]


def test_components_of_a_loop_with_an_inner_loop() -> None:
    succ = {"s": ["a"], "a": ["b"], "b": ["a", "c"], "c": ["b", "e"], "e": []}
    assert components(["s", "a", "b", "c", "e"], succ) == [["e"], ["a", "b", "c"], ["s"]]


def test_components_place_nodes_missing_from_the_order_last() -> None:
    # "z" is only a successor, never listed: it sorts after the listed members.
    assert components(["a"], {"a": ["z"], "z": ["a"]}) == [["a", "z"]]


def test_a_loop_is_several_scenes_or_one_that_leads_to_itself() -> None:
    assert is_loop(["a", "b"], {"a": ["b"], "b": ["a"]})
    assert is_loop(["a"], {"a": ["a", "e"]})
    assert not is_loop(["a"], {"a": ["b"]})
    assert not is_loop(["a"], {})


def test_distances_count_the_fewest_steps() -> None:
    succ = {"s": ["a", "b"], "a": ["c"], "b": ["s"], "c": []}
    assert distances_from(["s"], succ) == {"s": 0, "a": 1, "b": 1, "c": 2}
    assert distances_from(["a", "b"], succ) == {"a": 0, "b": 0, "c": 1, "s": 1}
    assert predecessors(succ) == {"a": ["s"], "b": ["s"], "c": ["a"], "s": ["b"]}
    assert reaching(["c"], succ) == {"c", "a", "s", "b"}
    assert reaching(["b"], {"s": ["a"], "a": []}) == {"b"}


def test_depths_and_distances_to_an_ending_of_a_case() -> None:
    case = build_case(
        {"s": [("a", {}), ("e", {})], "a": "b", "b": [("s", {}), ("f", {})], "e": None, "f": None}
    )
    assert depths(case) == {"s": 0, "a": 1, "e": 1, "b": 2, "f": 3}
    assert distances_to_ending(case) == {"e": 0, "f": 0, "s": 1, "b": 1, "a": 2}


def test_a_root_without_successors_is_its_own_component() -> None:
    assert components(["x"], {}) == [["x"]]
    assert components(["a", "x"], {"a": ["x"]}) == [["x"], ["a"]]


def test_best_path_follows_a_later_choice_that_scores_higher() -> None:
    case = build_case({"s": [("e", {"x": 1}), ("e", {"x": 2})], "e": None}, competences=("x",))
    assert best_path(case) == [("s", 2), ("e", None)]


def test_best_path_goes_by_the_total_not_by_one_competence() -> None:
    case = build_case(
        {"s": [("e", {"x": 1, "y": 0}), ("e", {"x": -5, "y": 3})], "e": None},
        competences=("x", "y"),
    )
    assert best_path(case) == [("s", 1), ("e", None)]
    assert score_bounds(case) == {"x": (-5, 1), "y": (0, 3), "total": (-2, 1)}


def test_a_start_later_in_the_file_than_its_loop_partner() -> None:
    # The start's place in its loop is not the first: the search must begin with its own bit.
    case = build_case(
        {"a": [("s", {"x": 1}), ("e", {"x": 2})], "s": [("a", {"x": 1}), ("e", {})], "e": None},
        competences=("x",),
        start="s",
    )
    assert score_bounds(case) == {"x": (0, 3), "total": (0, 3)}
    assert best_path(case) == [("s", 1), ("a", 2), ("e", None)]
