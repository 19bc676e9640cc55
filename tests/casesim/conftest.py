from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learn.casesim.models import Case
from learn.casesim.services import sync_cases
from learn.config import PROJECT_ROOT
from learn.content import load_vocabulary, parse_case
from learn.extensions import db

FIXTURES = Path(__file__).parent / "cases"


def load_fixture_case(name: str = "oefen-triade"):
    vocabulary, problems = load_vocabulary(PROJECT_ROOT / "cases" / "vocabulary.yaml")
    assert vocabulary is not None, problems
    path = FIXTURES / f"{name}.yaml"
    case, problems = parse_case(path.read_text(), str(path), vocabulary)
    assert case is not None, problems
    return case


@pytest.fixture
def triade():
    return load_fixture_case()


@pytest.fixture
def cases_dir(tmp_path: Path) -> Path:
    """A content folder with the real vocabulary and the small fixture case."""
    folder = tmp_path / "cases"
    folder.mkdir()
    shutil.copy(PROJECT_ROOT / "cases" / "vocabulary.yaml", folder)
    shutil.copy(PROJECT_ROOT / "cases" / "vocabulary.en.yaml", folder)
    shutil.copy(FIXTURES / "oefen-triade.yaml", folder)
    return folder


@pytest.fixture
def synced_case(app, cases_dir: Path) -> Case:
    sync_cases(cases_dir)
    return db.session.scalar(db.select(Case).where(Case.slug == "oefen-triade"))
