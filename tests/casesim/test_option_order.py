"""Options are shown shuffled per attempt, stable for that attempt, and stored by identity."""

from __future__ import annotations

import re
from collections import Counter

from learn.casesim import engine
from learn.casesim.models import Attempt, AttemptStep
from learn.extensions import db
from learn.ordering import shuffled
from tests.casesim.test_play_routes import start, step
from tests.factories import make_user

ITEMS = list(range(1, 6))


def test_the_same_key_gives_the_same_order():
    assert shuffled(ITEMS, "attempt", 7, "s1") == shuffled(ITEMS, "attempt", 7, "s1")


def test_the_order_is_a_permutation_of_the_items():
    assert sorted(shuffled(ITEMS, "attempt", 3, "s1")) == ITEMS


def test_different_attempts_see_different_orders():
    orders = {tuple(shuffled(ITEMS, "attempt", n, "s1")) for n in range(40)}
    assert len(orders) > 20


def test_each_option_leads_about_equally_often():
    """No position favours the option that was written first: over many attempts the first
    shown option is each of the five about a fifth of the time."""
    firsts = Counter(shuffled(ITEMS, "attempt", n, "s")[0] for n in range(5000))
    assert set(firsts) == set(ITEMS)
    assert all(850 < count < 1150 for count in firsts.values()), firsts


def shown_indexes(page: str) -> list[int]:
    return [int(v) for v in re.findall(r'name="choice" value="(\d+)"', page)]


def test_play_shows_this_attempts_order_on_every_reload(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 1)
    first = shown_indexes(client.get(f"/attempts/{attempt_id}").get_data(as_text=True))
    again = shown_indexes(client.get(f"/attempts/{attempt_id}").get_data(as_text=True))
    assert first == again and sorted(first) == [1, 2]
    attempt = db.session.get(Attempt, attempt_id)
    decision = attempt.version.content.scenes[attempt.current_scene]
    assert first == [c.index for c in engine.shown_choices(decision, attempt_id)]


def test_orders_differ_between_attempts_of_one_case(login, synced_case):
    client = login(make_user())
    orders = set()
    for n in range(8):
        attempt_id = start(client, token=f"token-{n:02d}".ljust(24, "x"))
        step(client, attempt_id, 1)
        orders.add(
            tuple(shown_indexes(client.get(f"/attempts/{attempt_id}").get_data(as_text=True)))
        )
    assert len(orders) > 1


def test_the_stored_choice_is_the_options_identity_not_its_place(login, synced_case):
    client = login(make_user())
    attempt_id = start(client)
    step(client, attempt_id, 1)
    shown = shown_indexes(client.get(f"/attempts/{attempt_id}").get_data(as_text=True))
    chosen = shown[-1]  # whatever the screen shows last
    step(client, attempt_id, 2, chosen)
    stored = db.session.scalars(
        db.select(AttemptStep).where(AttemptStep.attempt_id == attempt_id, AttemptStep.number == 2)
    ).one()
    assert stored.choice_index == chosen
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    decision = stored.attempt.version.content.scenes[stored.scene_id]
    assert decision.choice(chosen).feedback.split("\n")[0][:30] in page
