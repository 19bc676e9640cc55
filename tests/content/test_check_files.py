"""Checking files on disk: discovery, rules across files, the report and the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from learn.content.__main__ import main
from learn.content.check import check_paths, load_cases
from learn.content.problems import Problem, Report, print_report

from .support import EXAMPLE, EXAMPLE_PATH, ROOT, VOCABULARY_PATH, edit


@pytest.fixture
def cases_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(VOCABULARY_PATH, folder / "vocabulary.yaml")
    shutil.copy(EXAMPLE_PATH, folder / "geen-netwerk-kort.yaml")
    return folder


def messages(report: Report) -> list[str]:
    return [p.message for p in report.problems]


def test_shipped_cases_are_valid() -> None:
    report = check_paths(None, cases_dir=ROOT / "cases")
    assert report.errors == [], "\n".join(p.format() for p in report.errors)


def test_fixture_folder_is_valid() -> None:
    report = check_paths([EXAMPLE_PATH.parent], cases_dir=ROOT / "cases")
    assert (report.problems, report.files_checked) == ([], 2)


def test_everything_in_the_cases_folder(cases_dir: Path) -> None:
    (cases_dir / "ander.yaml").write_text(edit(EXAMPLE, "id: geen-netwerk-kort", "id: ander"))
    report = check_paths(None, cases_dir=cases_dir)
    assert report.problems == []
    assert report.files_checked == 3  # the vocabulary and two cases
    assert report.summary() == "no problems in 3 files"
    assert report.exit_code == 0


def test_id_must_match_the_file_name(cases_dir: Path) -> None:
    (cases_dir / "anders.yaml").write_text(EXAMPLE)
    report = check_paths([cases_dir / "anders.yaml"], cases_dir=cases_dir)
    [problem] = report.problems
    assert problem.message == "id 'geen-netwerk-kort' does not match the file name 'anders.yaml'"
    assert (problem.path, problem.line, problem.column) == (str(cases_dir / "anders.yaml"), 1, 5)
    assert "rename the file to 'geen-netwerk-kort.yaml'" in problem.hint
    assert report.exit_code == 1


def test_same_id_in_two_files(cases_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "elders"
    other.mkdir()
    (other / "geen-netwerk-kort.yaml").write_text(EXAMPLE)
    report = check_paths([cases_dir, other], cases_dir=cases_dir)
    [problem] = report.problems
    assert problem.path == str(other / "geen-netwerk-kort.yaml")
    assert problem.line == 1
    assert problem.message == (
        f"id 'geen-netwerk-kort' is also used by {cases_dir / 'geen-netwerk-kort.yaml'}"
    )
    assert "its own id" in problem.hint


def test_a_folder_argument_means_its_yaml_files(cases_dir: Path) -> None:
    (cases_dir / "kapot.yaml").write_text("id: kapot\ntitle: [\n")
    (cases_dir / "notities.txt").write_text("geen yaml")
    report = check_paths([cases_dir], cases_dir=cases_dir)
    assert report.files_checked == 3
    [problem] = report.errors
    assert problem.path == str(cases_dir / "kapot.yaml")
    assert problem.message.startswith("cannot read the YAML")


def test_naming_the_vocabulary_does_not_check_it_twice(cases_dir: Path) -> None:
    report = check_paths([cases_dir / "vocabulary.yaml"], cases_dir=cases_dir)
    assert report.files_checked == 1


def test_yml_files_are_skipped_with_a_warning(cases_dir: Path) -> None:
    (cases_dir / "oud.yml").write_text(EXAMPLE)
    report = check_paths(None, cases_dir=cases_dir)
    [problem] = report.problems
    assert problem.severity == "warning"
    assert "skipped: case files end in .yaml" in problem.message
    assert report.exit_code == 0


def test_missing_path_and_folder(tmp_path: Path, cases_dir: Path) -> None:
    report = check_paths([tmp_path / "weg.yaml"], cases_dir=cases_dir)
    assert messages(report) == ["no such file or folder"]
    report = check_paths(None, cases_dir=tmp_path / "nergens")
    assert messages(report) == ["vocabulary file not found", "cases folder not found"]


def test_file_that_is_not_utf8(cases_dir: Path) -> None:
    (cases_dir / "geen-netwerk-kort.yaml").write_bytes(b"id: x\ntitle: caf\xe9\n")
    [problem] = check_paths(None, cases_dir=cases_dir).problems
    assert (problem.message, problem.line, problem.column) == ("the file is not UTF-8 text", 2, 11)


def test_broken_vocabulary_is_reported_and_loads_nothing(cases_dir: Path) -> None:
    vocabulary = cases_dir / "vocabulary.yaml"
    vocabulary.write_text(vocabulary.read_text() + "extra: 1\n")
    report = check_paths(None, cases_dir=cases_dir)
    [problem] = report.problems
    assert problem.path == str(vocabulary)
    assert problem.message == "unknown field 'extra' in the vocabulary"
    loaded, report = load_cases(cases_dir)
    assert loaded == []
    assert report.exit_code == 1


def test_load_cases_returns_valid_cases_with_their_text(cases_dir: Path) -> None:
    broken = edit(EXAMPLE, "id: geen-netwerk-kort", "id: kapot").replace("minutes: 5", "minutes: 0")
    (cases_dir / "kapot.yaml").write_text(broken)
    loaded, report = load_cases(cases_dir)
    assert [(path.name, case.id) for path, _, case in loaded] == [
        ("geen-netwerk-kort.yaml", "geen-netwerk-kort")
    ]
    assert loaded[0][1] == EXAMPLE
    assert messages(report) == ["'minutes' must be from 1 to 120, not 0"]


def test_report_summary_and_format() -> None:
    error = Problem("a.yaml", 3, 5, "error", "kapot", "maak heel")
    warning = Problem("a.yaml", 4, 1, "warning", "lang", "")
    assert error.format() == "a.yaml:3:5: error: kapot\n    hint: maak heel"
    assert warning.format() == "a.yaml:4:1: warning: lang"
    assert Report([error, error, warning], 13).summary() == "2 errors, 1 warning in 13 files"
    assert Report([warning], 1).summary() == "1 warning in 1 file"
    assert Report([error], 2).summary() == "1 error in 2 files"
    assert Report([], 13).summary() == "no problems in 13 files"
    assert (Report([warning]).exit_code, Report([error, warning]).exit_code) == (0, 1)
    out = io.StringIO()
    print_report(Report([error, warning], 2), out)
    assert out.getvalue() == (
        "a.yaml:3:5: error: kapot\n    hint: maak heel\na.yaml:4:1: warning: lang\n"
        "1 error, 1 warning in 2 files\n"
    )


def test_main_prints_and_returns_the_exit_code(cases_dir: Path, capsys) -> None:
    assert main(["--cases-dir", str(cases_dir)]) == 0
    assert capsys.readouterr().out == "no problems in 2 files\n"
    (cases_dir / "geen-netwerk-kort.yaml").write_text(edit(EXAMPLE, "who: daan", "who: piet"))
    assert main([str(cases_dir / "geen-netwerk-kort.yaml"), "--cases-dir", str(cases_dir)]) == 1
    out = capsys.readouterr().out
    assert "geen-netwerk-kort.yaml:21:14: error: unknown party 'piet' in 'who'" in out
    assert out.endswith("1 error in 2 files\n")


def test_python_dash_m(cases_dir: Path) -> None:
    (cases_dir / "geen-netwerk-kort.yaml").write_text("id: [\n")
    done = subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-m", "learn.content", "--cases-dir", str(cases_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert "error: cannot read the YAML" in done.stdout
    assert "Traceback" not in done.stderr
