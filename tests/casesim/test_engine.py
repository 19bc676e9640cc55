"""Rules of play on a small case with a loop and a triadic scene."""

from __future__ import annotations

import pytest

from learn.casesim import engine
from learn.content import best_path, score, score_bounds

WINNING = [("begin", None), ("tafel", 1), ("afspraak", 1)]
LOOPED = [("begin", None), ("tafel", 2), ("boos", 1), ("tafel", 1), ("afspraak", 1)]


def test_play_starts_at_start_and_follows_steps(triade):
    assert engine.current_scene_id(triade, []) == "begin"
    assert engine.current_scene_id(triade, WINNING[:2]) == "afspraak"
    assert engine.is_finished(triade, WINNING)
    assert not engine.is_finished(triade, WINNING[:2])


@pytest.mark.parametrize(
    ("scene", "index"),
    [("begin", 1), ("tafel", None), ("tafel", 3), ("tafel", 0), ("einde-goed", None)],
)
def test_moves_the_scene_does_not_allow_are_refused(triade, scene, index):
    with pytest.raises(engine.InvalidMove):
        engine.target(triade.scenes[scene], index)


def test_bounds_are_over_simple_paths(triade):
    bounds = score_bounds(triade)
    assert bounds["triade"] == (-1, 1)
    assert bounds["regie"] == (-1, 3)
    assert bounds["total"] == (-2, 4)


def test_a_loop_replaces_the_earlier_choice_in_the_score(triade):
    assert score(triade, LOOPED) == score(triade, WINNING) == {"triade": 1, "regie": 3, "total": 4}


def test_review_marks_replaced_choices_and_names_the_strongest(triade):
    reviews = engine.review(triade, LOOPED)
    assert [(r.scene.id, r.choice.index, r.kept) for r in reviews] == [
        ("tafel", 2, False),
        ("boos", 1, False),
        ("tafel", 1, True),
        ("afspraak", 1, True),
    ]
    assert reviews[0].strongest.index == 1 and not reviews[0].chose_strongest
    assert reviews[2].chose_strongest


def test_attention_balance_counts_triadic_choices_only(triade):
    assert engine.attention_balance(triade, LOOPED) == {"client": 1, "naaste": 1, "beiden": 0}


def test_last_choice_is_none_after_a_narrative_step(triade):
    assert engine.last_choice(triade, WINNING[:1]) is None
    scene, choice = engine.last_choice(triade, WINNING[:2])
    assert (scene.id, choice.index) == ("tafel", 1)


def test_progress_is_steps_done_and_the_shortest_way_left(triade):
    distances = engine.distances_to_ending(triade)
    assert distances["begin"] == 3 and distances["boos"] == 1 and distances["einde-goed"] == 0
    assert engine.progress(triade, [], distances) == (0, 3)
    assert engine.progress(triade, LOOPED[:3], distances) == (3, 5)


def test_best_path_is_a_winning_path(triade):
    steps = [step for step in best_path(triade) if triade.scenes[step[0]].kind != "ending"]
    assert steps == WINNING


def test_score_share_places_points_between_worst_and_best():
    assert engine.score_share(4, -2, 4) == 1.0
    assert engine.score_share(-2, -2, 4) == 0.0
    assert engine.score_share(1, -2, 4) == 0.5
    assert engine.score_share(3, 3, 3) is None


def test_score_bands_have_their_boundaries_on_the_higher_side():
    assert [engine.score_band(p) for p in (100, 80, 79, 50, 49, 0)] == [
        "sterk",
        "sterk",
        "op-weg",
        "op-weg",
        "oefenen",
        "oefenen",
    ]


def test_score_rows_give_every_competence_and_the_total_in_percent():
    bounds = {
        "worst": {"regie": -2, "triade": 0, "total": -2},
        "best": {"regie": 2, "triade": 0, "total": 2},
    }
    rows = engine.score_rows({"regie": 1, "total": 1}, bounds, ["regie", "triade"])
    assert rows == [
        engine.ScoreRow("regie", 75, "op-weg"),
        engine.ScoreRow("triade", None, None),
        engine.ScoreRow("total", 75, "op-weg"),
    ]
