"""Content folders may hold things that are not content: the checker and the sync read only
regular files inside the folder, refuse huge ones before reading, and never hang or echo a
file that is not theirs."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from learn.config import PROJECT_ROOT
from learn.content import check_paths, load_cases
from learn.content.files import MAX_FILE_BYTES, folder_digest, read_text


@pytest.fixture
def cases_dir(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(PROJECT_ROOT / "cases" / "vocabulary.yaml", folder)
    return folder


def check_within(folder, seconds: float = 20):
    """Run the checker in a thread: a FIFO that is opened would block it for ever."""
    found = {}
    worker = threading.Thread(
        target=lambda: found.update(report=check_paths(None, cases_dir=folder))
    )
    worker.daemon = True
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "the checker hangs"
    return found["report"]


def messages(report) -> str:
    return "\n".join(p.format() for p in report.problems)


def test_a_fifo_named_like_a_case_is_skipped_not_opened(cases_dir):
    os.mkfifo(cases_dir / "x.yaml")
    report = check_within(cases_dir)
    assert "x.yaml:1:1: error: skipped: not a regular file" in messages(report)


def test_a_link_to_a_device_is_skipped(cases_dir):
    (cases_dir / "nul.yaml").symlink_to("/dev/zero")
    report = check_within(cases_dir)
    assert "nul.yaml:1:1: error: skipped: a symbolic link that leads outside" in messages(report)


def test_a_link_to_a_system_file_is_never_echoed(cases_dir):
    (cases_dir / "wachtwoorden.yaml").symlink_to("/etc/passwd")
    report = check_within(cases_dir)
    text = messages(report)
    assert "leads outside the content folder" in text
    assert "root:x:0" not in text and "/bin/" not in text and "unknown field" not in text


def test_a_link_inside_the_folder_is_read(cases_dir):
    shutil.copy(PROJECT_ROOT / "tests/casesim/cases/oefen-triade.yaml", cases_dir / "echt.yaml")
    (cases_dir / "oefen-triade.yaml").symlink_to(cases_dir / "echt.yaml")
    text, problems = read_text(cases_dir / "oefen-triade.yaml")
    assert problems == [] and "id: oefen-triade" in text


def test_a_file_above_the_limit_is_refused_before_it_is_read(cases_dir):
    big = cases_dir / "groot.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no memory or disk needed
    text, problems = read_text(big)
    assert text is None
    assert "above the limit of 8 MB" in problems[0].message


def test_a_file_just_at_the_limit_is_read(cases_dir):
    edge = cases_dir / "rand.yaml"
    edge.write_bytes(b"#" * MAX_FILE_BYTES)
    text, problems = read_text(edge)
    assert problems == [] and len(text) == MAX_FILE_BYTES


def test_sync_loads_the_good_cases_beside_a_fifo(cases_dir):
    shutil.copy(PROJECT_ROOT / "tests/casesim/cases/oefen-triade.yaml", cases_dir)
    os.mkfifo(cases_dir / "pijp.yaml")
    loaded, report = load_cases(cases_dir)
    assert [case.id for _path, _text, case in loaded] == ["oefen-triade"]
    assert any("not a regular file" in p.message for p in report.problems)


def test_the_module_digest_skips_what_it_must_not_read(tmp_path):
    (tmp_path / "page.md").write_text("tekst")
    before = folder_digest(tmp_path)
    os.mkfifo(tmp_path / "pijp.md")
    (tmp_path / "buiten.md").symlink_to("/etc/hostname")
    assert folder_digest(tmp_path) == before
