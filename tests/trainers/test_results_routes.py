"""Results over HTTP: matrix, decision analytics, projection, exports, per role."""

from __future__ import annotations

import csv
import io

from learn.casesim.models import AttemptStep
from learn.extensions import db
from learn.localtime import to_local
from learn.trainers.models import Extension
from tests.trainers.conftest import GOOD_PATH, RISKY_PATH, play


def read_csv(response, delimiter=";") -> list[dict]:
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff") and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def urls(room):
    g, a = room.group.id, room.assignment.id
    student = room.students[0].id
    return {
        "results": f"/classes/{g}/results",
        "matrix": f"/classes/{g}/assignments/{a}",
        "matrix_csv": f"/classes/{g}/assignments/{a}/results.csv",
        "case": f"/classes/{g}/cases/oefen-triade",
        "choices_csv": f"/classes/{g}/cases/oefen-triade/choices.csv",
        "student": f"/classes/{g}/students/{student}",
    }


def test_only_trainers_of_the_class_see_its_results(classroom, login):
    for url in urls(classroom).values():
        assert login(classroom.trainer).get(url).status_code == 200, url
        assert login(classroom.other_trainer).get(url).status_code == 404, url
        assert login(classroom.students[1]).get(url).status_code == 404, url


def test_status_moves_as_a_student_plays_and_the_matrix_shows_it(classroom, login):
    trainer = login(classroom.trainer)
    url = urls(classroom)["matrix"]
    assert trainer.get(url).get_data(as_text=True).count("status-new") == 8
    play(classroom.students[0], classroom.case, GOOD_PATH[:1], "half")
    page = trainer.get(url).get_data(as_text=True)
    assert "status-in_progress" in page
    play(classroom.students[0], classroom.case, GOOD_PATH, "heel")
    page = trainer.get(url).get_data(as_text=True)
    assert "status-done" in page and "100%" in page
    only_done = trainer.get(url + "?status=done").get_data(as_text=True)
    assert ">Student 1</a>" in only_done and ">Student 2</a>" not in only_done


def test_matrix_and_choices_export_read_back(classroom, login):
    play(classroom.students[0], classroom.case, GOOD_PATH, "a")
    play(classroom.students[1], classroom.case, RISKY_PATH, "b")
    trainer = login(classroom.trainer)
    rows = read_csv(trainer.get(urls(classroom)["matrix_csv"]))
    assert [r["naam"] for r in rows] == ["Student 1", "Student 2", "Student 3", "Student 4"]
    first = rows[0]
    case_columns = [k for k in first if k.endswith(": status")]
    assert first[case_columns[0]] == "done" and first[case_columns[1]] == "new"
    assert rows[1][case_columns[0].replace("status", "score %")] == "0"
    date_column = case_columns[0].replace("status", "datum")
    assert len(first[date_column]) == 16 and first[date_column][4] == "-"  # ISO
    comma = read_csv(trainer.get(urls(classroom)["matrix_csv"] + "?sep=comma"), ",")
    assert comma[0]["naam"] == "Student 1"
    choices = read_csv(trainer.get(urls(classroom)["choices_csv"]))
    assert len(choices) == 4  # two decisions each
    risky = [c for c in choices if c["e-mail"] == "student2@klas.test"]
    assert [c["kwaliteit"] for c in risky] == ["begrijpelijk", "riskant"]
    assert risky[0]["versie"] == "1" and "triade" in risky[0]
    # Times in Dutch time, as the pages show them (the steps were stored in UTC).
    step = db.session.scalars(db.select(AttemptStep).order_by(AttemptStep.id)).first()
    assert choices[0]["tijdstip"] == f"{to_local(step.created_at):%Y-%m-%d %H:%M}"


def test_decision_distribution_projection_and_all_attempts(classroom, login):
    for n, student in enumerate(classroom.students[:3]):
        play(student, classroom.case, RISKY_PATH, f"r{n}")
    play(classroom.students[3], classroom.case, GOOD_PATH, "g")
    play(classroom.students[3], classroom.case, RISKY_PATH, "g2")  # a second, later attempt
    trainer = login(classroom.trainer)
    page = trainer.get(urls(classroom)["case"]).get_data(as_text=True)
    assert "4 studenten kwamen hier." in page  # tafel: first finished attempts only
    assert 'value="75"' in page and "(3)" in page
    assert "de meesten kozen hier een riskante optie" in page
    all_page = trainer.get(urls(classroom)["case"] + "?attempts=all").get_data(as_text=True)
    assert "5 studenten kwamen hier." in all_page
    projected = trainer.get(urls(classroom)["case"] + "?view=projection").get_data(as_text=True)
    assert "minder dan 3" in projected and "(3)" not in projected
    assert "Student" not in projected


def test_extension_and_excuse_change_the_status(classroom, login):
    trainer = login(classroom.trainer)
    student = classroom.students[2]
    url = urls(classroom)["matrix"]
    response = trainer.post(f"{url}/extension", data={"user_id": student.id, "excused": "y"})
    assert response.status_code == 302
    ext = db.session.scalar(db.select(Extension).where(Extension.user_id == student.id))
    assert ext.excused
    assert "status-excused" in trainer.get(url).get_data(as_text=True)
    bad = trainer.post(f"{url}/extension", data={"user_id": student.id}, follow_redirects=True)
    assert "Geef een nieuwe datum" in bad.get_data(as_text=True)


def test_student_page_shows_only_shared_reflections(classroom, login):
    from learn.lessons.services import save_answer

    student = classroom.students[0]
    private = save_answer(student, "mini-module", "eigen-kring", "reflectie", text="Geheim zusje.")
    trainer = login(classroom.trainer)
    assert "Geheim zusje." not in trainer.get(urls(classroom)["student"]).get_data(as_text=True)
    assert login(student).post(f"/journal/{private.id}/share").status_code == 302
    assert "Geheim zusje." in trainer.get(urls(classroom)["student"]).get_data(as_text=True)
    assert login(classroom.students[1]).post(f"/journal/{private.id}/share").status_code == 404


def test_trainer_reads_a_students_attempt_but_not_of_another_class(classroom, login):
    attempt = play(classroom.students[0], classroom.case, GOOD_PATH, "z")
    g, s = classroom.group.id, classroom.students[0].id
    url = f"/classes/{g}/students/{s}/attempts/{attempt.id}"
    assert "sterk" in login(classroom.trainer).get(url).get_data(as_text=True)
    assert login(classroom.other_trainer).get(url).status_code == 404
    assert login(classroom.students[1]).get(url).status_code == 404
    wrong = f"/classes/{g}/students/{classroom.students[1].id}/attempts/{attempt.id}"
    assert login(classroom.trainer).get(wrong).status_code == 404


def test_module_results_average_per_exercise_and_show_shared_reflections(classroom, login):
    from learn.lessons.services import save_answer

    a, b = classroom.students[:2]
    save_answer(a, "mini-module", "wie-eerst", "meerkeuze", result={"correct": True})
    save_answer(b, "mini-module", "wie-eerst", "meerkeuze", result={"correct": False})
    save_answer(a, "mini-module", "maandagochtend", "haakjes",
                result={"precision": 1.0, "recall": 0.5})  # fmt: skip
    save_answer(b, "mini-module", "maandagochtend", "haakjes",
                result={"precision": 0.5, "recall": 0.5})  # fmt: skip
    mine = save_answer(a, "mini-module", "eigen-kring", "reflectie", text="Mijn buurvrouw.")
    save_answer(b, "mini-module", "eigen-kring", "reflectie", text="Niet voor de trainer.")
    mine.shared = True
    db.session.commit()
    url = f"/classes/{classroom.group.id}/modules/mini-module"
    page = login(classroom.trainer).get(url).get_data(as_text=True)
    assert "50% goed" in page and "precisie 75%, gevonden 50%" in page
    assert "Mijn buurvrouw." in page and "Niet voor de trainer." not in page
    assert login(classroom.students[0]).get(url).status_code == 404
    assert login(classroom.other_trainer).get(url).status_code == 404
