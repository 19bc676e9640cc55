"""A whole case as a live session with simulated participants, as in issue 12.

    .venv/bin/python bench/live_session.py [--participants 200] [--database-url URL]
                                           [--instances N] [--window SECONDS]

Serves Kring with gunicorn (one instance on a temporary SQLite file, or `--instances`
instances, default 2, on the PostgreSQL database of `--database-url`), logs in a leader and
`participants` members spread over the instances, and walks a case to an ending: at each
decision the leader opens voting, every participant loads the page and votes (with
--window, each after reading for a time drawn uniformly from that many seconds, as a room
votes over a round; without it, all at once, 64 at a time; one in ten taps twice, the
second time on another instance), the leader closes and reveals, and
every participant polls the state until it sees the reveal. Reports vote latency
p50/p95/p99, the delay until the last participant saw each reveal, errors, and compares the
votes in the database with what the clients sent (each counted exactly once).
"""

from __future__ import annotations

import argparse
import random
import re
import secrets
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Client, percentile, prepare_database, start_gunicorn, summary, with_database
from live_sse import make_session

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STEP = re.compile(r'name="step" value="(\d+)"')
VOTE_CHOICE = re.compile(r'id="vote-(\d+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
PICKED = re.compile(r'id="pick-(\d+)" name="choice" value="\d+" required checked')
PICK_ANY = re.compile(r'id="pick-(\d+)"')


def act(leader: Client, session_id: int, action: str) -> str:
    """Press a leader button; returns the control page after it."""
    _, _, page = leader.request("GET", f"/live/{session_id}/control")
    form = {"csrf_token": TOKEN.search(page).group(1), "action": action}
    form["version"] = VERSION.search(page).group(1)
    if action == "pick":
        picked = PICKED.search(page) or PICK_ANY.search(page)
        form["choice"] = picked.group(1)
    leader.request("POST", f"/live/{session_id}/control", form)
    return leader.request("GET", f"/live/{session_id}/control")[2]


def vote(
    client: Client, twin: Client, session_id: int, sent: dict, latencies: list, delay: float
) -> None:
    time.sleep(delay)  # reading the scene before voting
    _, _, page = client.request("GET", f"/live/{session_id}/vote")
    step = int(STEP.search(page).group(1))
    option = random.choice(VOTE_CHOICE.findall(page))
    form = {"csrf_token": TOKEN.search(page).group(1), "step": step, "choice": option}
    began = time.perf_counter()
    status, _, _ = client.request("POST", f"/live/{session_id}/vote", form)
    latencies.append(time.perf_counter() - began)
    if status == 303:
        sent[(step, client.email)] = int(option)
    if random.random() < 0.1:  # a double tap, answered by another instance
        twin.cookies = dict(client.cookies)
        twin.request("POST", f"/live/{session_id}/vote", form)


def wait_for_reveal(client: Client, session_id: int, since: float) -> float:
    """Poll the state as live.js's fallback does (4x faster) until the reveal shows."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        _, _, body = client.request("GET", f"/live/{session_id}/state")
        if re.search(r'"phase": ?"revealed"', body):
            return time.perf_counter() - since
        time.sleep(0.5)
    return float("inf")


def run(url: str, participants: int, instances: int, window: float) -> None:
    prepare_database(url, users=participants + 1)
    session_id = make_session(url, participants)
    secret = secrets.token_hex(32)
    servers = [start_gunicorn(url, workers=2, threads=8, secret=secret) for _ in range(instances)]
    try:
        ports = [s.port for s in servers]
        leader = Client(ports[0])
        leader.log_in("bench-0@kring.test")
        clients = [Client(ports[n % len(ports)]) for n in range(participants)]
        twins = [Client(ports[(n + 1) % len(ports)]) for n in range(participants)]
        with ThreadPoolExecutor(32) as pool:
            list(pool.map(lambda nc: nc[1].log_in(f"bench-{nc[0] + 1}@kring.test"),
                          enumerate(clients)))  # fmt: skip
        for n, client in enumerate(clients):
            client.email = f"bench-{n + 1}@kring.test"
        sent: dict[tuple[int, str], int] = {}
        latencies: list[float] = []
        reveal_delays: list[float] = []
        page = leader.request("GET", f"/live/{session_id}/control")[2]
        decisions = 0
        for _scene in range(40):
            if "Dit is een einde van de casus" in page:
                break
            if 'value="open"' not in page:
                page = act(leader, session_id, "next")
                continue
            act(leader, session_id, "open")
            reading = [random.uniform(0, window) for _ in range(participants)]
            with ThreadPoolExecutor(participants if window else 64) as pool:
                list(pool.map(
                    lambda n, wait: vote(clients[n], twins[n], session_id, sent, latencies, wait),
                    range(participants), reading,
                ))  # fmt: skip
            act(leader, session_id, "close")
            t0 = time.perf_counter()
            act(leader, session_id, "reveal")
            with ThreadPoolExecutor(64) as pool:
                futures = [pool.submit(wait_for_reveal, c, session_id, t0) for c in clients]
                delays = [f.result() for f in futures]
            reveal_delays.append(max(delays))
            act(leader, session_id, "pick")
            page = act(leader, session_id, "next")
            decisions += 1
        act(leader, session_id, "end")
        stored = count_votes(url, session_id)
        sent_counts: dict[int, int] = {}
        for (step, _email), _option in sent.items():
            sent_counts[step] = sent_counts.get(step, 0) + 1
        lost = sum(max(0, sent_counts.get(s, 0) - stored.get(s, 0)) for s in sent_counts)
        extra = sum(max(0, stored.get(s, 0) - sent_counts.get(s, 0)) for s in stored)
        errors = sum(c.errors for c in [leader, *clients, *twins])
        print(
            f"{participants} participants over {instances} instance(s) ({url.split(':')[0]}), "
            f"{decisions} decisions, votes spread over {window:g} s\n"
            f"  vote POST: {summary(latencies)}\n"
            f"  reveal seen by all after: max {max(reveal_delays):.2f} s, "
            f"p50 over decisions {percentile(reveal_delays, 0.5):.2f} s\n"
            f"  votes sent and accepted {len(sent)}, stored {sum(stored.values())}: "
            f"{lost} lost, {extra} extra; HTTP errors {errors}"
        )
    finally:
        for server in servers:
            server.stop()


def count_votes(url: str, session_id: int) -> dict[int, int]:
    from learn import create_app
    from learn.extensions import db
    from learn.live.models import LiveVote

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "KRING_ENV": "development"})
    with app.app_context():
        rows = db.session.execute(
            db.select(LiveVote.step_number, db.func.count(LiveVote.id))
            .where(LiveVote.session_id == session_id)
            .group_by(LiveVote.step_number)
        ).all()
        db.engine.dispose()
    return {step: count for step, count in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--database-url")
    parser.add_argument("--instances", type=int)
    parser.add_argument(
        "--window",
        type=float,
        default=0,
        help="seconds over which the votes of a decision arrive (0: all at once, 64 at a time)",
    )
    args = parser.parse_args()
    instances = args.instances or (2 if args.database_url else 1)
    with_database(
        args.database_url, lambda url: run(url, args.participants, instances, args.window)
    )


if __name__ == "__main__":
    main()
