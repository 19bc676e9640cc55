"""Property tests: the checker never crashes, scores stay within bounds, JSON round trips."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from learn.content.cases import Case, case_from_dict, case_to_dict
from learn.content.cases.graph import best_path, distances_to_ending, score_bounds
from learn.content.cases.scoring import effective_path, score

from .support import EXAMPLE, SOURCE, check, mangle, simple_path_scores

COMPETENCES = ["haakjes", "relatie", "regie"]
EXAMPLE_TREE = yaml.safe_load(EXAMPLE)
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_well_formed(text: str) -> None:
    case, problems = check(text)
    lines = len(LINE_BREAK.findall(text)) + 2  # YAML also breaks lines at \r, NEL, LS, PS
    for problem in problems:
        assert 1 <= problem.line <= lines, problem.format()
        assert problem.column >= 1, problem.format()
        assert problem.severity in ("error", "warning")
        assert problem.message
        problem.format()
    assert (case is None) == any(p.severity == "error" for p in problems)


# --- (a) broken texts never crash the checker ------------------------------------------------


@FAST
@given(st.data())
def test_mangled_text_never_crashes(data: st.DataObject) -> None:
    text = EXAMPLE
    for _ in range(data.draw(st.integers(1, 4))):
        text = mangle(data, text)
    assert_well_formed(text)


ODD_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 200)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "begin", "kennismaking", "daan", "haakjes", SOURCE]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.text(max_size=6) | st.sampled_from(["text", "next", "choices", "who"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=6,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _paths(value, (*prefix, i))
    return found


@FAST
@given(st.data())
def test_mutated_tree_never_crashes(data: st.DataObject) -> None:
    tree = copy.deepcopy(EXAMPLE_TREE)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(_paths(tree)[1:]))
        parent = tree
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        action = data.draw(st.sampled_from(["delete", "retype", "duplicate"]))
        if action == "delete":
            del parent[last]
        elif action == "retype":
            parent[last] = data.draw(ODD_VALUES)
        elif isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[f"{last}-kopie"] = copy.deepcopy(parent[last])
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)
    assert_well_formed(text)


# --- (b) random valid cases: walks score within the bounds ------------------------------------


@st.composite
def valid_cases(draw: st.DrawFn, max_scenes: int = 9) -> str:
    """A valid case as YAML: a chain s0 -> s1 -> ... -> e0 keeps every scene reachable and
    every scene able to finish; extra choices add shortcuts, loops and self-loops."""
    count = draw(st.integers(1, max_scenes))
    ids = [f"s{i}" for i in range(count)]
    endings = [f"e{k}" for k in range(draw(st.integers(1, 3)))]
    kinds = ["decision"] + [draw(st.sampled_from(["decision", "narrative"])) for _ in ids[1:]]
    decisions = [sid for sid, kind in zip(ids, kinds, strict=True) if kind == "decision"]
    extra_targets: dict[str, list[str]] = {sid: [] for sid in decisions}
    for ending in endings[1:]:
        extra_targets[draw(st.sampled_from(decisions))].append(ending)
    scores = st.dictionaries(st.sampled_from(COMPETENCES), st.integers(-3, 3), max_size=3)
    title = st.text(
        st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
    ).filter(str.strip)
    scenes: dict[str, Any] = {}
    for i, sid in enumerate(ids):
        forward = ids[i + 1] if i + 1 < count else endings[0]
        scene: dict[str, Any] = {"title": draw(title), "text": "Er gebeurt iets."}
        if kinds[i] == "narrative":
            scene["next"] = forward
        else:
            targets = [forward, *extra_targets[sid]]
            targets += draw(st.lists(st.sampled_from(ids + endings), min_size=1, max_size=3))
            targets = draw(st.permutations(targets))
            scene["choices"] = [
                {
                    "text": f"Keuze {j}",
                    "next": target,
                    "quality": "sterk",
                    "scores": draw(scores),
                    "feedback": "Omdat.",
                    "source": SOURCE,
                }
                for j, target in enumerate(targets)
            ]
        scenes[sid] = scene
    for ending in endings:
        scenes[ending] = {
            "title": ending,
            "text": "Einde.",
            "ending": {"tone": "gemengd", "debrief": "Zo.", "source": SOURCE},
        }
    used = [
        key
        for scene in scenes.values()
        for choice in scene.get("choices", ())
        for key, value in choice["scores"].items()
        if value
    ]
    if not used:
        scenes["s0"]["choices"][0]["scores"] = {"haakjes": 1}
        used = ["haakjes"]
    for scene in scenes.values():  # a zero for a competence no choice really scores
        for choice in scene.get("choices", ()):
            choice["scores"] = {k: v for k, v in choice["scores"].items() if k in used}
    tree = {
        "id": "willekeurig",
        "title": "Willekeurig",
        "summary": "Een gegenereerde casus.",
        "audience": ["student"],
        "minutes": 10,
        "themes": ["haakjes"],
        "sources": [SOURCE],
        "competences": [c for c in COMPETENCES if c in used],
        "start": "s0",
        "scenes": scenes,
    }
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False)


def parsed(text: str) -> Case:
    case, problems = check(text)
    errors = [p.format() for p in problems if p.severity == "error"]
    assert case is not None, errors
    return case


@settings(max_examples=200, deadline=None)
@given(valid_cases(), st.data())
def test_random_walks_score_within_the_bounds(text: str, data: st.DataObject) -> None:
    case = parsed(text)
    bounds = score_bounds(case)
    distance = distances_to_ending(case)
    steps: list[tuple[str, int | None]] = []
    sid = case.start
    wander = data.draw(st.integers(0, 40))
    while case.scenes[sid].kind != "ending":
        scene = case.scenes[sid]
        if scene.kind == "narrative":
            steps.append((sid, None))
            sid = scene.next  # type: ignore[assignment]
            continue
        if len(steps) < wander:
            choice = data.draw(st.sampled_from(scene.choices))
        else:  # head for the nearest ending so every walk finishes
            choice = min(scene.choices, key=lambda c: distance[c.next])
        steps.append((sid, choice.index))
        sid = choice.next
    steps.append((sid, None))
    result = score(case, steps)
    for key, (worst, best) in bounds.items():
        assert worst <= result[key] <= best, (key, result, bounds, steps)
    path = effective_path(steps)
    assert len({s for s, _ in path}) == len(path)  # loop erasure leaves a simple path


@FAST
@given(valid_cases(max_scenes=7))
def test_bounds_and_best_path_match_brute_force(text: str) -> None:
    case = parsed(text)
    paths = simple_path_scores(case)
    bounds = score_bounds(case)
    for key in [*case.competences, "total"]:
        values = [totals[key] for _, totals in paths]
        assert bounds[key] == (min(values), max(values)), key
    best = best_path(case)
    assert best in [p for p, _ in paths]
    assert score(case, best)["total"] == bounds["total"][1]


# --- (c) the JSON form ------------------------------------------------------------------------


@FAST
@given(valid_cases())
def test_json_round_trip(text: str) -> None:
    case = parsed(text)
    stored = json.loads(json.dumps(case_to_dict(case), sort_keys=True))
    assert case_from_dict(stored) == case


def test_json_round_trip_of_the_example() -> None:
    case = parsed(EXAMPLE)
    stored = json.loads(json.dumps(case_to_dict(case), sort_keys=True))
    again = case_from_dict(stored)
    assert again == case
    assert list(again.scenes) == list(case.scenes)
