"""The exercise-kind contract: the registry, and each kind's score between 0 and 1 for a
stored answer (what a trainer's per-exercise analytics will ask for)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from learn.exercises.base import ExerciseKind, described
from learn.exercises.model import Exercise, Fragment, Hook, MapPerson, Option
from learn.exercises.registry import EXERCISE_TYPES, KINDS, journal_kinds, kind_named, kind_of

HOOK = Hook("de neef", "familie", "Hoe vaak zie je hem?", "gevoelig")
HAAKJES = Exercise(
    "h", "haakjes", "Haakjes", None,
    fragments=(
        Fragment(1, "rob", "Bij mijn neef geweest.", HOOK),
        Fragment(2, "rob", "Het regende.", None),
        Fragment(3, "rob", "Mijn telefoon gaat steeds.", HOOK),
    ),
)  # fmt: skip
KAART = Exercise(
    "k", "netwerkkaart", "Kaart", None,
    people=(
        MapPerson("neef", "Neef Dave", "familie", 2, "sterk", "steunend", None),
        MapPerson("kees", "Kees", "maatschappelijk", 3, "zwak", "steunend", "Wie?"),
    ),
)  # fmt: skip
MEERKEUZE = Exercise(
    "m", "meerkeuze", "Vraag", None,
    options=(Option(1, "ja", True, "goed"), Option(2, "nee", False, "fout")),
)  # fmt: skip


def stored(answer=None, result=None, text=""):
    return SimpleNamespace(answer=answer or {}, result=result or {}, text=text)


def test_the_registry_names_every_kind_once_in_the_documented_order() -> None:
    assert EXERCISE_TYPES == ("reflectie", "meerkeuze", "haakjes", "netwerkkaart", "triade")
    assert all(isinstance(k, ExerciseKind) and k.name == n for n, k in KINDS.items())
    assert kind_of(HAAKJES) is kind_named("haakjes")
    assert journal_kinds() == ("reflectie", "netwerkkaart")
    with pytest.raises(KeyError):
        kind_named("quiz")


def test_every_kind_has_its_template() -> None:
    from learn.config import PROJECT_ROOT

    for kind in KINDS.values():
        assert (PROJECT_ROOT / "templates" / kind.template).is_file()
        if kind.in_journal:
            assert (PROJECT_ROOT / "templates" / kind.journal_template).is_file()


def test_reflectie_is_not_scored() -> None:
    exercise = Exercise("r", "reflectie", "R", None, question="Wie?")
    assert kind_named("reflectie").score(exercise, stored(text="Mijn zus.")) is None


def test_meerkeuze_scores_the_correct_option_1_and_another_0() -> None:
    kind = kind_named("meerkeuze")
    assert kind.score(MEERKEUZE, stored({"option": 1})) == 1.0
    assert kind.score(MEERKEUZE, stored({"option": 2})) == 0.0
    assert kind.score(MEERKEUZE, stored({"option": 3})) is None  # the option was removed


def test_haakjes_scores_the_f1_of_precision_and_recall() -> None:
    kind = kind_named("haakjes")
    assert kind.score(HAAKJES, stored({"marked": [1, 3]})) == 1.0
    assert kind.score(HAAKJES, stored({"marked": []})) == 0.0
    # one of two hooks found (recall 1/2), one of two marks right (precision 1/2)
    assert kind.score(HAAKJES, stored({"marked": [1, 2]})) == pytest.approx(0.5)
    # one hook, nothing wrong: precision 1, recall 1/2
    assert kind.score(HAAKJES, stored({"marked": [3]})) == pytest.approx(2 / 3)


def test_netwerkkaart_scores_the_agreement_with_the_authors_map() -> None:
    kind = kind_named("netwerkkaart")
    exact = {
        "neef": {"sector": "familie", "ring": 2, "tie": "sterk", "valence": "steunend"},
        "kees": {"sector": "maatschappelijk", "ring": 3, "tie": "zwak", "valence": "steunend"},
    }
    assert kind.score(KAART, stored({"placements": exact})) == 1.0
    off = {**exact, "kees": {**exact["kees"], "ring": 2, "tie": "sterk"}}  # 2.5 of 4 points
    assert kind.score(KAART, stored({"placements": off})) == pytest.approx(0.81)
    assert kind.score(KAART, stored({"placements": {"neef": exact["neef"]}})) is None


def test_triade_scores_the_share_of_the_conversation_with_the_client() -> None:
    kind = kind_named("triade")
    exercise = Exercise("t", "triade", "T", None, case_id="triade-mini")
    assert kind.score(exercise, stored({"attempt_id": 1})) is None  # not finished
    result = {"client": 2, "naaste": 1, "beiden": 1, "regie_points": 1}
    assert kind.score(exercise, stored({"attempt_id": 1}, result)) == pytest.approx(0.75)
    silent = {"client": 0, "naaste": 0, "beiden": 0, "regie_points": 0}
    assert kind.score(exercise, stored({"attempt_id": 1}, silent)) is None


def test_a_kinds_field_table_reads_name_and_hint_per_line_keeping_colons_in_the_hint():
    fields = described(
        """
        intro: what the learner reads
        parties: the speakers, as id: {name: ..., role: ...}
        """
    )
    assert dict(fields) == {
        "intro": "what the learner reads",
        "parties": "the speakers, as id: {name: ..., role: ...}",
    }
    with pytest.raises(TypeError):
        fields["intro"] = "changed"  # type: ignore[index]  # a kind's fields are fixed


def test_a_field_line_without_a_hint_is_refused_when_the_kind_is_defined():
    with pytest.raises(ValueError, match="'name: description'"):
        described("question")


def test_every_kind_requires_only_fields_it_declares_or_the_common_source():
    for kind in KINDS.values():
        assert set(kind.required) <= {*kind.fields, "source"}, kind.name
        assert all(hint for hint in kind.fields.values()), kind.name
