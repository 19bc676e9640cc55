"""The shipped case library: every case valid, rich enough, and playable down every path."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from learn.casesim import engine
from learn.config import PROJECT_ROOT
from learn.content import Case, check_paths, load_cases, score, score_bounds

CASES_DIR = PROJECT_ROOT / "cases"
LOADED, REPORT = load_cases(CASES_DIR)
LIBRARY = {case.id: case for _path, _text, case in LOADED}


def all_simple_walks(case: Case) -> Iterator[list[engine.Step]]:
    """Every play that visits each scene at most once and ends at an ending."""
    stack: list[tuple[str, list[engine.Step], frozenset[str]]] = [(case.start, [], frozenset())]
    while stack:
        scene_id, steps, seen = stack.pop()
        scene = case.scenes[scene_id]
        if scene.kind == "ending":
            yield steps
            continue
        moves = [c.index for c in scene.choices] if scene.kind == "decision" else [None]
        for index in moves:
            nxt = engine.target(scene, index)
            if nxt not in seen | {scene_id}:
                stack.append((nxt, [*steps, (scene_id, index)], seen | {scene_id}))


def test_the_library_passes_the_checker_without_warnings():
    report = check_paths(None, cases_dir=CASES_DIR)
    assert report.problems == [], "\n".join(p.format() for p in report.problems)


def test_there_are_at_least_twelve_cases_and_three_with_triadic_scenes():
    assert len(LIBRARY) >= 12
    triadic = [c for c in LIBRARY.values() if any(s.triadic for s in c.scenes.values())]
    assert len(triadic) >= 3


@pytest.mark.parametrize("case_id", sorted(LIBRARY))
def test_each_case_is_a_real_exercise(case_id):
    case = LIBRARY[case_id]
    decisions = [s for s in case.scenes.values() if s.kind == "decision"]
    endings = [s for s in case.scenes.values() if s.kind == "ending"]
    assert len(decisions) >= 4
    assert len(endings) >= 2
    assert len(case.competences) >= 3
    assert case.sources


@pytest.mark.parametrize("case_id", sorted(LIBRARY))
def test_walk_every_path_to_every_ending(case_id):
    case = LIBRARY[case_id]
    bounds = score_bounds(case)
    reached = set()
    walks = 0
    for steps in all_simple_walks(case):
        walks += 1
        assert engine.is_finished(case, steps)
        reached.add(engine.current_scene_id(case, steps))
        points = score(case, steps)
        for key, (low, high) in bounds.items():
            assert low <= points[key] <= high, (steps, key)
    endings = {sid for sid, s in case.scenes.items() if s.kind == "ending"}
    assert reached == endings
    assert walks >= len(endings)
