"""Tests audit §6.3: tie-breaks and accumulation in the debrief's rules, each asserted on
both sides so a changed rule fails a test."""

from __future__ import annotations

from dataclasses import replace

from learn.casesim import engine
from learn.content.cases.model import Choice


def choice(index: int, total: int, quality: str = "begrijpelijk", addresses=None) -> Choice:
    return Choice(index, f"keuze {index}", "einde", quality, {"regie": total}, "", "", addresses)


def scene_with(triade, *choices):
    return replace(triade.scenes["tafel"], choices=tuple(choices))


def test_the_highest_total_wins_even_against_a_better_quality(triade):
    scene = scene_with(triade, choice(1, 2, "sterk"), choice(2, 3, "riskant"))
    assert engine.strongest_choice(scene).index == 2


def test_quality_breaks_a_tie_in_total_whichever_comes_first(triade):
    assert (
        engine.strongest_choice(scene_with(triade, choice(1, 2), choice(2, 2, "sterk"))).index == 2
    )
    assert (
        engine.strongest_choice(scene_with(triade, choice(1, 2, "sterk"), choice(2, 2))).index == 1
    )


def test_file_order_breaks_a_tie_in_total_and_quality(triade):
    scene = scene_with(triade, choice(1, 1), choice(2, 2), choice(3, 2))
    assert engine.strongest_choice(scene).index == 2
    scene = scene_with(triade, choice(1, 2), choice(2, 2))
    assert engine.strongest_choice(scene).index == 1


def test_attention_balance_adds_up_every_addressee_including_both(triade):
    tafel = replace(
        triade.scenes["tafel"],
        triadic=True,
        choices=(
            choice(1, 1, addresses="client"),
            choice(2, 1, addresses="beiden"),
            choice(3, 1, addresses="naaste"),
        ),
    )
    case = replace(triade, scenes={**triade.scenes, "tafel": tafel})
    steps = [("begin", None), ("tafel", 2), ("tafel", 2), ("tafel", 1), ("tafel", 2)]
    assert engine.attention_balance(case, steps) == {"client": 1, "naaste": 0, "beiden": 3}


def test_decision_numbers_count_decisions_only_from_one(triade):
    looped = [("begin", None), ("tafel", 2), ("boos", 1), ("tafel", 1), ("afspraak", 1)]
    assert [r.number for r in engine.review(triade, looped)] == [1, 2, 3, 4]
    assert [r.number for r in engine.review(triade, looped[:1])] == []
