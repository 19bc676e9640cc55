"""Two gunicorn instances on one PostgreSQL server: voters and the leader on both.

Live state lives only in the database, so whichever instance answers, everyone sees the
same session and every vote counts once. Runs only on PostgreSQL (SQLite is one file on
one machine); `make test-postgres` or `.ci/with-postgres` runs it.
"""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from bench.harness import BENCH_PASSWORD, Client, start_gunicorn
from learn.auth.models import User
from learn.casesim.models import Case
from learn.casesim.services import sync_cases
from learn.extensions import db
from learn.live.models import LiveSession, LiveVote
from learn.live.services import start_session
from tests.conftest import POSTGRES_URL, USE_POSTGRES
from tests.factories import make_class

pytestmark = [
    pytest.mark.skipif(not USE_POSTGRES, reason="needs PostgreSQL (.ci/with-postgres)"),
    # The bench harness's keep-alive client leaves sockets the server closed to the GC.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
VERSION = re.compile(r'name="version" value="(\d+)"')
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
OPEN: list[Client] = []


def browser(port: int, like: Client | None = None) -> Client:
    """A client on `port`; with `like`, the same browser (its cookies) on another instance."""
    client = Client(port)
    if like is not None:
        client.cookies = dict(like.cookies)
        client.csrf = like.csrf
    OPEN.append(client)
    return client


def account(n: int, trainer: bool = False) -> User:
    user = User(email=f"live-{n}@kring.test", display_name=f"Deelnemer {n}", is_trainer=trainer)
    user.set_password(BENCH_PASSWORD)
    db.session.add(user)
    db.session.commit()
    return user


def press(leader: Client, session_id: int, action: str, **extra) -> None:
    _, _, page = leader.request("GET", f"/live/{session_id}/control")
    form = {"csrf_token": CSRF.search(page).group(1), "action": action, **extra}
    form["version"] = VERSION.search(page).group(1)
    status, _, _ = leader.request("POST", f"/live/{session_id}/control", form)
    assert status == 302, (action, status)


def vote(client: Client, session_id: int, choice: int) -> None:
    _, _, page = client.request("GET", f"/live/{session_id}/vote")
    step = re.search(r'name="step" value="(\d+)"', page).group(1)
    form = {"csrf_token": CSRF.search(page).group(1), "step": step, "choice": choice}
    status, _, _ = client.request("POST", f"/live/{session_id}/vote", form)
    assert status == 303


def state(client: Client, session_id: int) -> dict:
    status, _, body = client.request("GET", f"/live/{session_id}/state")
    assert status == 200
    return json.loads(body)


def counted(live_id: int) -> int:
    db.session.rollback()
    return db.session.scalar(select(func.count(LiveVote.id)).where(LiveVote.session_id == live_id))


def test_two_instances_share_one_session(app):
    root = Path(app.config["CASES_DIR"])
    sync_cases(root)
    trainer = account(0, trainer=True)
    members = [account(n) for n in range(1, 7)]
    group = make_class(trainer, members)
    case = db.session.scalar(select(Case).where(Case.slug == "moeder-neemt-hem-terug"))
    live = start_session(
        group, case.current_version, trainer, allow_guests=False, named=False, expiry_minutes=30
    )
    live_id = live.id
    secret = secrets.token_hex(32)
    servers = [start_gunicorn(POSTGRES_URL, workers=1, threads=4, secret=secret) for _ in (1, 2)]
    try:
        a, b = servers
        leader_a = browser(a.port)
        leader_a.log_in(trainer.email)
        leader_b = browser(b.port, like=leader_a)  # the same laptop, answered by the other
        voters = []
        for n, member in enumerate(members):
            client = browser(servers[n % 2].port)
            client.log_in(member.email)
            voters.append(client)

        press(leader_a, live_id, "open")  # on A
        for n, client in enumerate(voters):
            vote(client, live_id, 1 + n % 2)
        # Every voter taps again on the other instance, with another choice for half.
        for n, client in enumerate(voters):
            vote(browser(servers[(n + 1) % 2].port, like=client), live_id, 1 + (n // 3) % 2)
        assert counted(live_id) == len(voters)
        seen = [state(leader_a, live_id), state(leader_b, live_id)]
        assert seen[0] == seen[1] and seen[0]["votes"] == len(voters)

        press(leader_b, live_id, "close")  # on B
        late = browser(a.port, like=voters[0])
        _, _, page = late.request("GET", f"/live/{live_id}/vote")
        assert "Het stemmen is gesloten" in page and 'name="choice"' not in page
        assert counted(live_id) == len(voters)

        press(leader_a, live_id, "reveal")
        press(leader_b, live_id, "pick", choice=1)
        press(leader_a, live_id, "next")
        a_state, b_state = state(voters[0], live_id), state(voters[1], live_id)
        assert a_state == b_state
        assert a_state["phase"] == "scene_shown" and a_state["step"] == 2
        # The version moved once per action, whichever instance took it.
        db.session.rollback()
        # open, close, reveal, pick, next
        assert db.session.get(LiveSession, live_id).version == 1 + 5
        assert leader_a.errors == leader_b.errors == 0
    finally:
        for client in OPEN:
            client.connection.close()
        OPEN.clear()
        for server in servers:
            server.stop()
        drop_bench_tables()


def drop_bench_tables() -> None:
    """bench/wsgi.py adds a table of its own; the shared test database must not keep it."""
    db.session.rollback()
    with db.engine.begin() as connection:
        for name in inspect(connection).get_table_names():
            if name not in db.metadata.tables and name != "alembic_version":
                connection.execute(text(f'DROP TABLE "{name}"'))
