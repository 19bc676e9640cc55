"""Engine rules pinned where mutation testing (docs/mutation-testing.md) found them loose:
the exact refusal messages, the narrative "continue", defaults for missing keys, and
the last step of a longer path."""

from __future__ import annotations

from dataclasses import replace

import pytest

from learn.casesim import engine
from learn.content.cases.model import Choice
from learn.ordering import shuffled

from .test_engine import LOOPED, WINNING


def test_continue_from_a_narrative_scene_goes_to_its_next_scene(triade):
    assert engine.target(triade.scenes["begin"], None) == "tafel"
    assert engine.current_scene_id(triade, WINNING[:1]) == "tafel"


@pytest.mark.parametrize(
    ("scene", "index", "message"),
    [
        ("tafel", None, "scene 'tafel' asks for a choice"),
        ("tafel", 3, "scene 'tafel' has no choice 3"),
        ("begin", 1, "scene 'begin' does not go on this way"),
        ("einde-goed", None, "scene 'einde-goed' does not go on this way"),
    ],
)
def test_a_refused_move_says_which_scene_and_why(triade, scene, index, message):
    with pytest.raises(engine.InvalidMove) as refused:
        engine.target(triade.scenes[scene], index)
    assert str(refused.value) == message


def test_last_choice_is_the_last_step_of_a_longer_path(triade):
    scene, choice = engine.last_choice(triade, WINNING)
    assert (scene.id, choice.index) == ("afspraak", 1)
    scene, choice = engine.last_choice(triade, LOOPED[:3])
    assert (scene.id, choice.index) == ("boos", 1)


def test_a_competence_missing_from_the_scores_counts_as_no_points():
    bounds = {"worst": {"regie": -2, "total": -2}, "best": {"regie": 2, "total": 2}}
    rows = engine.score_rows({"total": 2}, bounds, ["regie"])
    assert rows == [engine.ScoreRow("regie", 50, "op-weg"), engine.ScoreRow("total", 100, "sterk")]


def test_an_unknown_quality_ranks_lowest_in_a_tie(triade):
    def choice(index: int, quality: str) -> Choice:
        return Choice(index, f"keuze {index}", "einde", quality, {"regie": 1}, "", "")

    scene = replace(triade.scenes["tafel"], choices=(choice(1, "riskant"), choice(2, "anders")))
    assert engine.strongest_choice(scene).index == 1
    scene = replace(triade.scenes["tafel"], choices=(choice(1, "anders"), choice(2, "riskant")))
    assert engine.strongest_choice(scene).index == 1
    choices = (choice(1, "anders"), choice(2, "begrijpelijk"))
    scene = replace(triade.scenes["tafel"], choices=choices)
    assert engine.strongest_choice(scene).index == 2


def test_attention_balance_ignores_addressees_outside_triadic_scenes(triade):
    tafel = replace(triade.scenes["tafel"], triadic=False)
    case = replace(triade, scenes={**triade.scenes, "tafel": tafel})
    assert engine.attention_balance(case, LOOPED) == {"client": 0, "naaste": 0, "beiden": 0}


def test_progress_adds_nothing_for_a_scene_without_a_known_distance(triade):
    assert engine.progress(triade, WINNING[:2], {}) == (2, 2)
    assert engine.progress(triade, WINNING[:2], {"afspraak": 1}) == (2, 3)


def test_shown_choices_are_shuffled_by_attempt_and_scene(triade):
    scene = replace(
        triade.scenes["tafel"],
        choices=tuple(Choice(i, f"keuze {i}", "einde", "sterk", {}, "", "") for i in range(1, 7)),
    )
    for attempt_id in (1, 2, 3):
        shown = engine.shown_choices(scene, attempt_id)
        assert shown == shuffled(scene.choices, "attempt", attempt_id, "tafel")
        assert sorted(c.index for c in shown) == [1, 2, 3, 4, 5, 6]
    assert engine.shown_choices(scene, 1) != engine.shown_choices(scene, 2)
