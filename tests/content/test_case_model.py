"""The Case model: JSON form, content hash and small helpers."""

from __future__ import annotations

import hashlib
import json

import pytest

from learn.content.cases import case_from_dict, case_to_dict, content_hash, read_case

from .support import EXAMPLE, VOCABULARY, check, edit


def test_content_hash_is_sha256_of_the_utf8_text() -> None:
    assert content_hash("cliënt") == hashlib.sha256("cliënt".encode()).hexdigest()
    assert content_hash(EXAMPLE) != content_hash(EXAMPLE + "\n")


def test_json_form_keeps_scene_order_even_when_keys_get_sorted() -> None:
    case, _ = check(EXAMPLE)
    assert case is not None
    stored = case_to_dict(case)
    assert stored["format"] == 1
    assert [s["id"] for s in stored["scenes"]] == list(case.scenes)
    again = case_from_dict(json.loads(json.dumps(stored, sort_keys=True)))
    assert list(again.scenes) == list(case.scenes)
    assert again.scenes["stilte"].choice(2).next == "einde-stil"


def test_case_from_dict_rejects_other_shapes() -> None:
    with pytest.raises(ValueError, match="unsupported case format"):
        case_from_dict({"format": 99})
    case, _ = check(EXAMPLE)
    assert case is not None
    stored = case_to_dict(case)
    del stored["scenes"][0]["choices"][0]["next"]
    with pytest.raises(ValueError, match="not a stored case"):
        case_from_dict(stored)


def test_scene_choice_is_one_based() -> None:
    case, _ = check(EXAMPLE)
    assert case is not None
    scene = case.scenes["kennismaking"]
    assert scene.choice(1).quality == "sterk"
    with pytest.raises(ValueError):
        scene.choice(0)
    assert scene.targets() == ["appgroep", "stilte"]
    assert case.scenes["einde-stil"].targets() == []


def test_read_case_gives_the_id_of_an_invalid_case() -> None:
    result = read_case(edit(EXAMPLE, "minutes: 5", "minutes: 0"), "x.yaml", VOCABULARY)
    assert result.case is None
    assert (result.case_id, result.id_position) == ("geen-netwerk-kort", (1, 5))


def test_texts_are_stripped() -> None:
    case, _ = check(EXAMPLE)
    assert case is not None
    assert case.summary == (
        "Daan zegt dat hij niemand heeft, maar zijn telefoon zoemt het hele gesprek door."
    )
    assert not case.scenes["kennismaking"].choices[0].feedback.endswith("\n")
