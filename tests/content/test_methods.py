"""The method checker: shipped methods pass; every broken rule is reported at its line."""

from __future__ import annotations

from pathlib import Path

from learn.config import PROJECT_ROOT
from learn.content import check_paths
from learn.content.methods import load_methods, read_method

GOOD = """\
id: twee-fasen
title: Twee fasen
summary: Kort.
sources: ["Hendriksen (2016)"]
phases:
  - id: vragen
    name: Vragen
    instruction: Vraag.
    minutes: 5
    speakers: [deelnemers]
  - id: advies
    name: Advies
    instruction: Adviseer.
    minutes: 5
    speakers: [deelnemers]
    loop_back: vragen
"""


def messages(text: str, name: str = "twee-fasen.yaml") -> list[str]:
    _, problems = read_method(text, name)
    return [f"{p.line}: {p.message} | {p.hint}" for p in problems if p.severity == "error"]


def test_a_valid_method_reads_into_phases_with_its_loop() -> None:
    method, problems = read_method(GOOD, "twee-fasen.yaml")
    assert problems == []
    assert [p.id for p in method.phases] == ["vragen", "advies"]
    assert method.phases[1].loop_back == "vragen"
    assert method.minutes == 10


def test_every_shipped_method_passes_and_the_required_ones_are_there() -> None:
    report = check_paths([PROJECT_ROOT / "methods"], cases_dir=PROJECT_ROOT / "cases")
    assert report.problems == []
    methods = load_methods(PROJECT_ROOT / "methods")
    assert {
        "incidentmethode",
        "vijfstappenmethode",
        "probleemoplossende-methode",
        "roddelmethode",
        "balint",
        "socratisch-gesprek",
        "casuistiekbespreking-netwerkondersteuning",
    } <= set(methods)
    assert methods["probleemoplossende-methode"].phases[4].loop_back == "vragenronde"
    network = methods["casuistiekbespreking-netwerkondersteuning"]
    assert sum(p.name[:2] in {f"{n}." for n in range(1, 9)} for p in network.phases) == 8


def test_unknown_speaker_is_reported_at_its_line_with_a_suggestion() -> None:
    found = messages(
        GOOD.replace(
            "speakers: [deelnemers]\n  - id: advies", "speakers: [deelnemer]\n  - id: advies"
        )
    )
    assert any(m.startswith("10: unknown speaker 'deelnemer'") and "deelnemers" in m for m in found)


def test_loop_back_to_a_later_or_unknown_phase_is_an_error() -> None:
    text = GOOD.replace("loop_back: vragen", "loop_back: advies")
    assert any("loop_back 'advies' is not an earlier phase" in m for m in messages(text))


def test_minutes_out_of_range_duplicate_phase_ids_and_missing_fields() -> None:
    text = GOOD.replace(
        "minutes: 5\n    speakers: [deelnemers]\n  - id: advies",
        "minutes: 0\n    speakers: [deelnemers]\n  - id: vragen",
    )
    found = messages(text)
    assert any(m.startswith("9: 'minutes' must be from 1 to 120") for m in found)
    assert any("phase id 'vragen' is used twice" in m for m in found)
    found = messages(GOOD.replace("    instruction: Vraag.\n", ""))
    assert any("a phase has no 'instruction'" in m for m in found)


def test_id_must_match_the_file_name() -> None:
    assert any("does not match the file name" in m for m in messages(GOOD, "anders.yaml"))


def test_kring_content_check_reports_a_broken_method_as_path_line(tmp_path: Path) -> None:
    methods = tmp_path / "methods"
    methods.mkdir()
    (methods / "twee-fasen.yaml").write_text(GOOD.replace("minutes: 5", "minutes: veel", 1))
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "vocabulary.yaml").write_text((PROJECT_ROOT / "cases" / "vocabulary.yaml").read_text())
    report = check_paths(None, cases_dir=cases)
    assert [p.format().splitlines()[0] for p in report.errors] == [
        f"{methods / 'twee-fasen.yaml'}:9:14: error: 'minutes' must be a whole number, not text"
    ]
    assert report.exit_code == 1
