"""Exercise scoring as plain functions: hooks, maps, balance, reflections."""

from __future__ import annotations

import pytest

from learn.content.cases import Party  # noqa: F401  (module content uses it)
from learn.exercises.base import AnswerError
from learn.exercises.haakjes import parse_marked, score_hooks
from learn.exercises.model import Fragment, Hook, MapPerson
from learn.exercises.netwerkkaart import Placement, parse_placements, score_map
from learn.exercises.reflectie import clean_reflection
from learn.exercises.triade import triad_balance

HOOK = Hook("de neef", "familie", "Hoe vaak zie je hem?", "gevoelig")
FRAGMENTS = (
    Fragment(1, "werker", "Hoe was je weekend?", None),
    Fragment(2, "rob", "Bij mijn neef geweest.", HOOK),
    Fragment(3, "rob", "Het regende.", None),
    Fragment(4, "rob", "Mijn telefoon gaat steeds.", HOOK),
)
PEOPLE = (
    MapPerson("neef", "Neef Dave", "familie", 2, "sterk", "steunend", None),
    MapPerson("kees", "Kees", "maatschappelijk", 3, "zwak", "steunend", "Wie woonde naast je?"),
)


def test_hooks_precision_and_recall():
    result = score_hooks(FRAGMENTS, {2, 3})
    assert [f.index for f in result.found] == [2]
    assert [f.index for f in result.missed] == [4]
    assert [f.index for f in result.wrong] == [3]
    assert result.precision == 0.5 and result.recall == 0.5


def test_marking_nothing_scores_zero_without_dividing_by_zero():
    result = score_hooks(FRAGMENTS, set())
    assert result.precision == 0.0 and result.recall == 0.0


def test_marking_everything_does_not_pay():
    result = score_hooks(FRAGMENTS, {1, 2, 3, 4})
    assert result.recall == 1.0 and result.precision == 0.5


@pytest.mark.parametrize("values", [["0"], ["5"], ["twee"], ["-1"], ["2.5"]])
def test_tampered_fragment_numbers_are_refused(values):
    with pytest.raises(AnswerError):
        parse_marked(values, FRAGMENTS)


def test_marked_fragments_are_deduplicated():
    assert parse_marked(["2", "2", "4"], FRAGMENTS) == {2, 4}


def placements(**changes):
    form = {
        "sector-neef": "familie", "ring-neef": "2", "tie-neef": "sterk", "valence-neef": "steunend",
        "sector-kees": "maatschappelijk", "ring-kees": "3", "tie-kees": "zwak",
        "valence-kees": "steunend",
    }  # fmt: skip
    form.update(changes)
    return form


def test_a_perfect_map_scores_100():
    result = score_map(PEOPLE, parse_placements(placements(), PEOPLE))
    assert result.percent == 100 and result.overlooked_weak_ties == ()


def test_one_ring_off_counts_half_and_an_overlooked_weak_tie_is_named():
    parsed = parse_placements(placements(**{"ring-kees": "2", "tie-kees": "sterk"}), PEOPLE)
    result = score_map(PEOPLE, parsed)
    kees = next(r for r in result.people if r.person.id == "kees")
    assert kees.ring_points == 0.5 and not kees.tie_ok
    assert kees.points == 2.5
    assert result.percent == round(100 * (4 + 2.5) / 8)
    assert [r.person.id for r in result.overlooked_weak_ties] == ["kees"]


def test_two_rings_off_scores_nothing_for_the_ring():
    parsed = parse_placements(placements(**{"ring-neef": "3"}), PEOPLE)
    assert parse_placements(placements(), PEOPLE)["neef"] == Placement(
        "familie", 2, "sterk", "steunend"
    )
    assert (
        next(r for r in score_map(PEOPLE, parsed).people if r.person.id == "neef").ring_points
        == 0.5
    )
    far = parse_placements(placements(**{"ring-kees": "1"}), PEOPLE)
    assert next(r for r in score_map(PEOPLE, far).people if r.person.id == "kees").ring_points == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"ring-neef": "4"},
        {"ring-neef": "x"},
        {"sector-neef": "buren"},
        {"tie-kees": ""},
        {"valence-kees": "blij"},
        {"sector-onbekend": "familie"},
    ],
)
def test_tampered_or_incomplete_maps_are_refused(changes):
    with pytest.raises(AnswerError):
        parse_placements(placements(**changes), PEOPLE)


def test_triad_balance_and_regie():
    balance = triad_balance({"client": 2, "naaste": 1, "beiden": 0}, {"regie": -1, "triade": 2})
    assert balance.total == 3 and not balance.regie_with_client
    assert triad_balance({}, {"regie": 0}).regie_with_client


def test_reflections_are_kept_as_typed_but_not_empty_or_huge():
    assert (
        clean_reflection("  <b>Mijn zus</b>\nen mijn buurman  ")
        == "<b>Mijn zus</b>\nen mijn buurman"
    )
    with pytest.raises(AnswerError):
        clean_reflection("   ")
    with pytest.raises(AnswerError):
        clean_reflection("x" * 5001)
