"""`kring demo` gives the demo class an assignment and students with real choices."""

from __future__ import annotations

from sqlalchemy import func, select

from learn.auth.models import User
from learn.casesim.models import Attempt, AttemptStep
from learn.extensions import db
from learn.groups.models import Group
from learn.trainers.models import Assignment


def test_demo_class_has_an_assignment_and_varied_results(runner, login):
    assert runner.invoke(args=["demo"]).exit_code == 0
    counts = [
        db.session.scalar(select(func.count()).select_from(m)) for m in (Attempt, AttemptStep)
    ]
    assert counts[0] >= 12 and counts[1] > counts[0]
    assert runner.invoke(args=["demo"]).exit_code == 0  # idempotent
    again = [db.session.scalar(select(func.count()).select_from(m)) for m in (Attempt, AttemptStep)]
    assert again == counts
    assignment = db.session.scalar(select(Assignment))
    assert assignment.due_at is not None
    students = db.session.scalars(select(User).where(User.email.like("demo-student-%"))).all()
    assert len(students) == 12 and all("(demo)" in s.display_name for s in students)
    choices = db.session.execute(
        select(AttemptStep.scene_id, AttemptStep.choice_index).distinct()
    ).all()
    assert len(choices) > 4  # different paths, not twelve copies of one
    trainer = login(User.by_email("trainer@kring.test"))
    group = db.session.get(Group, assignment.group_id)
    page = trainer.get(f"/classes/{group.id}/assignments/{assignment.id}").get_data(as_text=True)
    assert "(demo)" in page and "status-done" in page
