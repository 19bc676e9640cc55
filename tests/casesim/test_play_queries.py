"""How many SQL statements a play step costs: a count, so a slower step fails a test.

A step is the most frequent request in Kring (see docs/performance.md). Its statements:
the user (Flask-Login), the attempt with its version, case and steps (one query), and for
a POST the step's INSERT and the attempt's UPDATE. Nothing is read again after the commit.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event

from learn.extensions import db
from tests.casesim.test_play_routes import start
from tests.factories import make_user


@contextmanager
def statements():
    """The SQL statements run inside the block (each one, in order)."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def kinds(seen: list[str]) -> list[str]:
    """`SELECT users`, `UPDATE attempts`, ...: the verb and the first table of each."""
    tables = [re.search(r"\b(?:FROM|INTO|UPDATE) (\w+)", s).group(1) for s in seen]
    return [f"{s.split()[0]} {table}" for s, table in zip(seen, tables, strict=True)]


def test_a_step_without_javascript_is_four_statements_and_its_page_two(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    with statements() as seen:
        assert client.get(f"/attempts/{attempt_id}").status_code == 200
    assert kinds(seen) == ["SELECT users", "SELECT attempts"]

    with statements() as seen:
        response = client.post(f"/attempts/{attempt_id}/step", data={"step": 1})
    assert response.status_code == 302
    assert sorted(kinds(seen)) == [
        "INSERT attempt_steps", "SELECT attempts", "SELECT users", "UPDATE attempts"
    ]  # fmt: skip

    with statements() as seen:
        page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Wat doe je?" in page
    assert len(seen) == 2


def test_a_step_with_htmx_is_four_statements_including_the_next_scene(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    headers = {"HX-Request": "true"}
    for number, choice in ((1, None), (2, 1)):
        data = {"step": number} | ({"choice": choice} if choice is not None else {})
        with statements() as seen:
            response = client.post(f"/attempts/{attempt_id}/step", data=data, headers=headers)
        assert response.status_code == 200 and 'id="play"' in response.get_data(as_text=True)
        assert sorted(kinds(seen)) == [
            "INSERT attempt_steps", "SELECT attempts", "SELECT users", "UPDATE attempts"
        ]  # fmt: skip
    # The fragment shows the step just taken: its feedback comes from the loaded steps.
    assert "Wat je keuze deed" in response.get_data(as_text=True)


def test_the_last_step_scores_from_the_loaded_steps_without_reading_them_again(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    client.post(f"/attempts/{attempt_id}/step", data={"step": 1})
    client.post(f"/attempts/{attempt_id}/step", data={"step": 2, "choice": 1})
    with statements() as seen:
        response = client.post(f"/attempts/{attempt_id}/step", data={"step": 3, "choice": 1})
    assert response.headers["Location"].endswith(f"/attempts/{attempt_id}/debrief")
    assert len(seen) == 4
