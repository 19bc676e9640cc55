"""The class's finished sessions for the trainer's results: counted in SQL, so the number
of queries does not grow with the number of sessions or votes."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from learn.extensions import db
from learn.live.demo import play_through
from learn.live.discussed import discussed_cases, discussed_in_group
from learn.live.services import join_member
from tests.live.conftest import new_session

PATH = {"tafel": [2, 1, 1], "afspraak": [1, 1, 2]}


@contextmanager
def counted_queries():
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def finish(room):
    live = new_session(room)
    people = [join_member(live, s) for s in room.students]
    play_through(live, people, lambda scene, n: PATH[scene.id][n], {"afspraak": "Kort."})
    return live


def test_counts_per_decision_in_a_fixed_number_of_queries(room):
    first = finish(room)
    db.session.expire_all()
    with counted_queries() as one:
        [discussion] = discussed_in_group(room.group.id, room.case.id)
    for _ in range(3):
        finish(room)
    db.session.expire_all()
    with counted_queries() as four:
        discussions = discussed_in_group(room.group.id, room.case.id)
    assert len(discussions) == 4 and len(four) == len(one)
    assert discussion.session.id == first.id
    tafel, afspraak = discussion.decisions
    assert [(o.choice.index, o.votes, o.percent) for o in tafel.options] == [(1, 2, 67), (2, 1, 33)]
    assert tafel.group_choice.index == 1 and tafel.followed.index == 1
    assert afspraak.note == "Kort." and afspraak.total == 3
    assert discussed_cases(room.group.id)["oefen-triade"][0].session_id == first.id
