"""The case file's trainer notes on the per-case results page and the preview, not for students."""

from __future__ import annotations

from learn.casesim.services import sync_cases
from tests.conftest import FIXTURE_MODULES

NOTES = """trainer:
  goals:
    - Ruimte geven aan de zorgen van de moeder.
  categories: [bewustwording]
  questions:
    - Wie spreek je eerst, en waarom?
    - Wat doe je als de moeder boos wordt?
  normative: Mag je met de moeder praten zonder dat Kim erbij is?
  sources:
    - Social Network First? (2024), §4.5.3
"""


def test_notes_show_on_the_case_page_and_preview(classroom, login, tmp_path):
    path = tmp_path / "cases" / "oefen-triade.yaml"
    text = path.read_text()
    path.write_text(text.replace("start: begin\n", NOTES + "start: begin\n", 1))
    result = sync_cases(tmp_path / "cases", FIXTURE_MODULES)
    assert result.updated == ["oefen-triade"], result.report.problems
    trainer = login(classroom.trainer)
    page = trainer.get(f"/classes/{classroom.group.id}/cases/oefen-triade").get_data(as_text=True)
    assert "Mag je met de moeder praten zonder dat Kim erbij is?" in page
    assert "Bewustwording van het netwerk" in page
    projected = trainer.get(
        f"/classes/{classroom.group.id}/cases/oefen-triade?view=projection"
    ).get_data(as_text=True)
    assert "Mag je met de moeder praten" not in projected
    preview = trainer.get("/cases/oefen-triade/preview").get_data(as_text=True)
    assert "Wie spreek je eerst, en waarom?" in preview
    student_page = login(classroom.students[0]).get("/cases/oefen-triade").get_data(as_text=True)
    assert "Mag je met de moeder praten" not in student_page
