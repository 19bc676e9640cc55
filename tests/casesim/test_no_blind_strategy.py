"""No blind strategy finds the strong option better than chance in the shipped content.

Chance is what a learner who picks at random gets: per decision, the share of its options
that are `sterk`, averaged over all decisions. "Always the longest" and "always the first
shown" must not do better (a small margin absorbs rounding over ~120 decisions).
"""

from __future__ import annotations

from learn.casesim import engine
from learn.config import PROJECT_ROOT
from learn.content import load_cases

CASES_DIR = PROJECT_ROOT / "cases"
LOADED, _REPORT = load_cases(CASES_DIR)
DECISIONS = [
    scene
    for _path, _text, case in LOADED
    for scene in case.scenes.values()
    if scene.kind == "decision"
]
MARGIN = 0.05


def chance() -> float:
    return sum(
        sum(c.quality == "sterk" for c in s.choices) / len(s.choices) for s in DECISIONS
    ) / len(DECISIONS)


def test_always_the_longest_option_does_no_better_than_chance():
    hits = sum(max(s.choices, key=lambda c: len(c.text)).quality == "sterk" for s in DECISIONS)
    assert hits / len(DECISIONS) <= chance() + MARGIN, (hits, len(DECISIONS), chance())


def test_always_the_first_option_shown_does_no_better_than_chance():
    attempts = range(1, 201)
    hits = sum(
        engine.shown_choices(scene, attempt)[0].quality == "sterk"
        for scene in DECISIONS
        for attempt in attempts
    )
    assert hits / (len(DECISIONS) * len(attempts)) <= chance() + MARGIN
