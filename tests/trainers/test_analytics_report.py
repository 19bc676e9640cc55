"""The per-decision report as a plain function of counts and the case version."""

from __future__ import annotations

from learn.trainers.analytics import Counts, version_report
from tests.casesim.conftest import load_fixture_case

BOUNDS = {"worst": {"total": -4, "triade": -2}, "best": {"total": 6, "triade": 4}}


def report(counts: Counts):
    return version_report(1, load_fixture_case(), BOUNDS, counts)


def test_choices_are_counted_by_their_index_in_the_authored_file():
    counts = Counts(
        reached={"tafel": 4},
        chosen={("tafel", 1): 1, ("tafel", 2): 3},
        mean_total={("tafel", 2): 1.5},
        attempts=4,
    )
    tafel = next(s for s in report(counts).scenes if s.id == "tafel")
    assert [(c.index, c.quality, c.count, c.percent) for c in tafel.choices] == [
        (1, "sterk", 1, 25),
        (2, "begrijpelijk", 3, 75),
    ]
    assert tafel.choices[1].mean_score == 1.5
    assert [c.hidden for c in tafel.choices] == [True, False]  # 1 < 3: hidden when projecting


def test_flags_in_plain_words():
    counts = Counts(
        reached={"boos": 4, "afspraak": 2},
        chosen={("boos", 2): 3, ("boos", 1): 1, ("afspraak", 1): 2},
        again={"boos": 1},
        quit={"afspraak": 1},
    )
    scenes = {s.id: s for s in report(counts).scenes}
    assert scenes["boos"].flags == ["riskant", "again"]
    assert scenes["afspraak"].flags == ["quit"]


def test_endings_and_competence_profile_against_the_best():
    counts = Counts(
        endings={"einde-goed": 3, "einde-dicht": 1},
        finished_scores=[{"total": 6, "triade": 4}, {"total": 1, "triade": 1}],
    )
    result = report(counts)
    assert [(tone, n, pct) for _title, tone, n, pct in result.endings] == [
        ("hoopvol", 3, 75),
        ("zorgelijk", 1, 25),
    ]
    profile = dict(result.profile)
    assert profile["triade"] == 75  # (100% + 50%) / 2
