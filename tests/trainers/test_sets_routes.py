"""Sets and assignments over HTTP: build, order, note, copy, share, assign; the student's home."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from learn.extensions import db
from learn.trainers.models import Assignment, CaseSet, Extension
from learn.trainers.overview import SetView, by_due_day
from learn.trainers.status import Deadlines, Status, item_status
from tests.trainers.conftest import GOOD_PATH, play


def test_trainer_builds_orders_copies_and_assigns_a_set(classroom, login):
    trainer = login(classroom.trainer)
    response = trainer.post("/sets", data={"name": "Triade", "shared_group_id": 0})
    new = db.session.scalar(db.select(CaseSet).where(CaseSet.name == "Triade"))
    assert response.headers["Location"].endswith(f"/sets/{new.id}")
    trainer.post(f"/sets/{new.id}/items", data={"item": "case:oefen-triade", "note": "Eerst"})
    trainer.post(f"/sets/{new.id}/items", data={"item": "module:mini-module", "note": ""})
    assert (
        trainer.post(f"/sets/{new.id}/items", data={"item": "case:bestaat-niet"}).status_code == 400
    )
    db.session.refresh(new)
    module_item = new.items[1]
    trainer.post(f"/sets/{new.id}/items/{module_item.id}", data={"action": "up"})
    trainer.post(f"/sets/{new.id}/items/{module_item.id}", data={"action": "note", "note": "Lees"})
    db.session.refresh(new)
    assert [(i.ref, i.position, i.note) for i in new.items] == [
        ("mini-module", 1, "Lees"),
        ("oefen-triade", 2, "Eerst"),
    ]
    trainer.post(f"/sets/{new.id}/copy")
    copy = db.session.scalar(db.select(CaseSet).where(CaseSet.name == "Kopie van Triade"))
    assert [i.ref for i in copy.items] == ["mini-module", "oefen-triade"]
    due = date.today() + timedelta(days=3)
    bad = trainer.post(
        f"/sets/{new.id}/assign",
        data={"group_id": classroom.group.id, "due_on": due.isoformat(),
              "cutoff_on": (due - timedelta(days=1)).isoformat()},
    )  # fmt: skip
    assert bad.status_code == 400 and "sluitingsdatum ligt voor" in bad.get_data(as_text=True)
    response = trainer.post(
        f"/sets/{new.id}/assign", data={"group_id": classroom.group.id, "due_on": due.isoformat()}
    )
    assignment = db.session.scalar(db.select(Assignment).where(Assignment.set_id == new.id))
    assert assignment.due_at.date() == due and response.status_code == 302


def test_sets_are_private_unless_shared_with_a_class_the_trainer_trains(classroom, login):
    url = f"/sets/{classroom.case_set.id}"
    assert login(classroom.other_trainer).get(url).status_code == 404
    assert login(classroom.students[0]).get(url).status_code == 404
    co = classroom.other_trainer
    classroom.group.add_member(co, "trainer")
    db.session.commit()
    assert login(co).get(url).status_code == 404
    classroom.case_set.shared_group_id = classroom.group.id
    db.session.commit()
    assert login(co).get(url).status_code == 200
    # Nobody may assign to a class they do not train.
    response = login(classroom.trainer).post(
        f"{url}/assign", data={"group_id": classroom.other_group.id}
    )
    assert response.status_code == 400


def test_student_home_groups_assignments_with_status_progress_and_continue(classroom, login):
    student = classroom.students[0]
    client = login(student)
    home = client.get("/").get_data(as_text=True)
    assert "Je opdrachten" in home and "Week 1" in home and "Let op de moeder." in home
    assert 'value="0"' in home and "/cases/oefen-triade" in home
    attempt = play(student, classroom.case, GOOD_PATH[:1], "start")
    home = client.get("/").get_data(as_text=True)
    assert f"/attempts/{attempt.id}" in home and "status-in_progress" in home
    play(student, classroom.case, GOOD_PATH, "klaar")
    home = client.get("/").get_data(as_text=True)
    assert 'value="50"' in home and "/modules/mini-module/01-waarom" in home
    # A trainer of the class does not get student assignments; other classes see nothing.
    assert "Je opdrachten" not in login(classroom.trainer).get("/").get_data(as_text=True)


def test_archived_class_is_read_only_and_off_the_home_page(classroom, login):
    trainer = login(classroom.trainer)
    g = classroom.group.id
    assert trainer.post(f"/classes/{g}/archive").status_code == 302
    assert trainer.get(f"/classes/{g}/results").status_code == 200
    extension = f"/classes/{g}/assignments/{classroom.assignment.id}/extension"
    assert trainer.post(extension, data={"user_id": classroom.students[0].id}).status_code == 403
    assert trainer.post(f"/classes/{g}/trainers", data={"email": "x@y.test"}).status_code == 403
    assert "Klas 1A" not in trainer.get("/").get_data(as_text=True)
    assert "Je opdrachten" not in login(classroom.students[0]).get("/").get_data(as_text=True)


def test_archived_class_cannot_be_joined_or_edited(classroom, login):
    from learn.auth.models import utcnow

    classroom.group.archived_at = utcnow()
    db.session.commit()
    g = classroom.group.id
    trainer = login(classroom.trainer)
    assert trainer.post(f"/classes/{g}/edit", data={"name": "Nieuw"}).status_code == 403
    newcomer = login(classroom.other_trainer)
    response = newcomer.post("/join", data={"code": classroom.group.join_code})
    assert (
        response.status_code == 400
        and classroom.group.membership_of(classroom.other_trainer) is None
    )


def test_assignment_days_are_dutch_days(classroom, login):
    """ "Inleveren uiterlijk 15 juni" ends at midnight in Amsterdam (22:00 UTC in summer,
    23:00 in winter); work handed in at 00:30 Dutch time on the 16th is late."""
    trainer = login(classroom.trainer)
    s = classroom.case_set.id
    data = {"group_id": classroom.group.id, "starts_on": "2027-06-01", "due_on": "2027-06-15",
            "cutoff_on": "2027-06-20"}  # fmt: skip
    assert trainer.post(f"/sets/{s}/assign", data=data).status_code == 302
    assignment = db.session.scalars(
        db.select(Assignment).where(Assignment.set_id == s).order_by(Assignment.id.desc())
    ).first()
    assert assignment.starts_at == datetime(2027, 5, 31, 22, 0)
    assert assignment.due_at == datetime(2027, 6, 15, 21, 59, 59)
    assert assignment.cutoff_at == datetime(2027, 6, 20, 21, 59, 59)
    g, student = classroom.group.id, classroom.students[0]
    page = trainer.get(f"/classes/{g}/assignments/{assignment.id}").get_data(as_text=True)
    assert "Zichtbaar vanaf 01-06-2027." in page and "Inleveren uiterlijk 15-06-2027." in page
    extension = f"/classes/{g}/assignments/{assignment.id}/extension"
    trainer.post(extension, data={"user_id": student.id, "due_on": "2027-12-10"})
    row = db.session.scalar(db.select(Extension).where(Extension.user_id == student.id))
    assert row.due_at == datetime(2027, 12, 10, 22, 59, 59)  # winter time
    half_past_midnight = datetime(2027, 6, 15, 22, 30)
    deadlines = Deadlines(assignment.due_at, assignment.cutoff_at)
    done = item_status(deadlines, started=True, done_at=half_past_midnight, now=half_past_midnight)
    assert done is Status.LATE


def test_the_home_page_groups_by_the_dutch_due_day():
    views = [SetView(None, datetime(2027, 6, 15, 22, 30), [], [], 0, None)]
    assert [day for day, _views in by_due_day(views)] == [date(2027, 6, 16)]
