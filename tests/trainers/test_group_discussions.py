"""'In de groep besproken': a class's finished live sessions in the trainer's results, apart
from the students' own choices, and only for the trainers of that class."""

from __future__ import annotations

from datetime import timedelta

from learn.auth.models import utcnow
from learn.extensions import db
from learn.live.demo import play_through
from learn.live.services import join_member, remove_participant, start_session
from tests.trainers.conftest import GOOD_PATH, play

# oefen-triade: tafel (1 → afspraak, 2 → boos), afspraak (both → einde-goed)
VOTES = {"tafel": [1, 1, 1, 2], "afspraak": [1, 2, 2, 2]}


def discussed(group, case, leader, voters, *, finish=True, note="We kozen voor Kim."):
    live = start_session(
        group, case.current_version, leader, allow_guests=False, named=False, expiry_minutes=60
    )
    participants = [join_member(live, user) for user in voters]
    if finish:
        play_through(live, participants, lambda s, n: VOTES[s.id][n], {"tafel": note})
    return live, participants


def test_the_groups_votes_are_shown_apart_from_the_students_choices(classroom, login):
    play(classroom.students[0], classroom.case, GOOD_PATH, "alone")
    live, _people = discussed(classroom.group, classroom.case, classroom.trainer,
                              classroom.students)  # fmt: skip
    trainer = login(classroom.trainer)
    url = f"/classes/{classroom.group.id}/cases/oefen-triade"
    page = trainer.get(url).get_data(as_text=True)
    students, group = page.split('id="in-de-groep"')
    assert "1 studenten kwamen hier." in students and "100% (1)" in students
    assert "75% (3)" not in students  # live votes never add to the students' counts
    assert "In de groep besproken" in group and "Geleid door Tessa Trainer." in group
    assert "75% (3)" in group and "25% (1)" in group and "We kozen voor Kim." in group
    assert "Beslissing 2: Een afspraak" in group and "(gevolgd)" in group
    assert f"/live/{live.id}/summary" in group and "#in-de-groep" in students
    assert trainer.get(f"/live/{live.id}/summary").status_code == 200
    assert "in-de-groep" not in trainer.get(url + "?view=projection").get_data(as_text=True)
    base = f"/classes/{classroom.group.id}"
    for overview in (f"{base}/results", f"{base}/assignments/{classroom.assignment.id}"):
        text = trainer.get(overview).get_data(as_text=True)
        assert "in de groep besproken op" in text and f"/live/{live.id}/summary" in text


def test_only_trainers_of_the_class_see_it(classroom, login):
    discussed(classroom.group, classroom.case, classroom.trainer, classroom.students)
    url = f"/classes/{classroom.group.id}/cases/oefen-triade"
    assert login(classroom.other_trainer).get(url).status_code == 404
    assert login(classroom.students[0]).get(url).status_code == 404
    other = login(classroom.other_trainer)
    own = other.get(f"/classes/{classroom.other_group.id}/cases/oefen-triade")
    assert own.status_code == 200 and "in-de-groep" not in own.get_data(as_text=True)


def test_only_finished_sessions_of_this_class_count_as_discussed(classroom, login):
    running, _ = discussed(classroom.group, classroom.case, classroom.trainer,
                           classroom.students, finish=False)  # fmt: skip
    other_class = [m.user for m in classroom.other_group.memberships if not m.is_leader]
    elsewhere, _ = discussed(classroom.other_group, classroom.case, classroom.other_trainer,
                             other_class, note="Elders besproken.")  # fmt: skip
    trainer = login(classroom.trainer)
    url = f"/classes/{classroom.group.id}/cases/oefen-triade"
    page = trainer.get(url).get_data(as_text=True)
    assert "in-de-groep" not in page and "Elders besproken." not in page
    running.expires_at = utcnow() - timedelta(minutes=1)  # left open: ended as it stood
    db.session.commit()
    page = trainer.get(url).get_data(as_text=True)
    assert "in-de-groep" in page and f"/live/{running.id}/summary" in page
    assert "In deze sessie is niet over een beslissing gestemd." in page
    assert f"/live/{elsewhere.id}/summary" not in page


def test_a_removed_participants_votes_do_not_count(classroom, login):
    _live, people = discussed(classroom.group, classroom.case, classroom.trainer,
                              classroom.students)  # fmt: skip
    remove_participant(people[3])  # voted 2 at tafel
    page = login(classroom.trainer).get(f"/classes/{classroom.group.id}/cases/oefen-triade")
    group = page.get_data(as_text=True).split('id="in-de-groep"')[1]
    assert "100% (3)" in group and "Aantal stemmen: 3" in group
