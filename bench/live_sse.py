"""Can Server-Sent Events streams take every gunicorn thread? Measured, not assumed.

    .venv/bin/python bench/live_sse.py [--streams 40] [--database-url URL]

For each worker setting below: gunicorn serves Kring, `streams` browsers open the event
stream of one live session and keep it open, and meanwhile one more browser polls the
session's JSON state 50 times. Prints how many streams the server accepted (the rest got
503 and would poll) and the latency of those polls. With too few threads and no cap on
streams, the polls wait for a stream to end (LIVE_SSE_SECONDS); with the cap they do not.
"""

from __future__ import annotations

import argparse
import http.client
import os
import threading
import time

from harness import Client, prepare_database, start_gunicorn, summary, with_database

# (workers, threads, LIVE_SSE_MAX_STREAMS per process)
SETTINGS = [(2, 4, 1000), (2, 4, 2), (2, 32, 24)]
POLLS = 50


def make_session(url: str, members: int) -> int:
    from learn import create_app
    from learn.auth.models import User
    from learn.casesim.models import Case
    from learn.extensions import db
    from learn.groups.models import Group, GroupKind
    from learn.live.services import start_session

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "KRING_ENV": "development"})
    with app.app_context():
        users = [db.session.scalar(db.select(User).filter_by(email=f"bench-{n}@kring.test"))
                 for n in range(members + 1)]  # fmt: skip
        group = Group(kind=GroupKind.CLASS, name="Bench-klas")
        db.session.add(group)
        group.add_member(users[0], group.leader_role)
        for user in users[1:]:
            group.add_member(user)
        db.session.commit()
        case = db.session.scalar(db.select(Case).filter_by(slug="moeder-neemt-hem-terug"))
        live = start_session(
            group, case.current_version, users[0], allow_guests=False, named=False,
            expiry_minutes=60,
        )  # fmt: skip
        session_id = live.id
        db.engine.dispose()
    return session_id


def open_stream(port: int, cookies: dict, path: str) -> tuple[int, http.client.HTTPConnection]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request(
        "GET", path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    )
    response = connection.getresponse()
    if response.status != 200:
        response.read()
    return response.status, connection


def run_setting(url: str, session_id: int, clients: list, workers: int, threads: int, cap: int):
    os.environ["KRING_LIVE_SSE_MAX_STREAMS"] = str(cap)
    server = start_gunicorn(url, workers=workers, threads=threads)
    try:
        browsers = []
        for n, _ in enumerate(clients):
            browser = Client(server.port)
            browser.log_in(f"bench-{n + 1}@kring.test")
            browser.request("GET", f"/live/{session_id}/vote")  # joins and may follow
            browsers.append(browser)
        poller, streamers = browsers[0], browsers[1:]
        opened: list[tuple[int, http.client.HTTPConnection]] = []
        lock = threading.Lock()

        def stream(browser: Client) -> None:
            try:
                result = open_stream(server.port, browser.cookies, f"/live/{session_id}/events")
            except OSError:  # no thread took the stream within 60 s
                result = (0, http.client.HTTPConnection("127.0.0.1", server.port))
            with lock:
                opened.append(result)

        starters = [threading.Thread(target=stream, args=(b,)) for b in streamers]
        for thread in starters:
            thread.start()
        time.sleep(2)  # let the streams settle (those that get a thread)
        poller.latencies.clear()
        began = time.perf_counter()
        timeouts = 0
        for _ in range(POLLS):
            try:
                poller.request("GET", f"/live/{session_id}/state")
            except OSError:  # no thread answered within the client's 10 s
                timeouts += 1
        elapsed = time.perf_counter() - began
        for thread in starters:
            thread.join(timeout=60)
        accepted = sum(1 for status, _ in opened if status == 200)
        refused = sum(1 for status, _ in opened if status == 503)
        print(
            f"workers {workers} threads {threads} cap {cap}/process: {accepted} streams open, "
            f"{refused} refused (503 -> poll), {len(opened) - accepted - refused} never answered; "
            f"{POLLS} polls took {elapsed:.1f} s, "
            f"{timeouts} timed out; "
            f"{summary(poller.latencies)}"
        )
        for _, connection in opened:
            connection.close()
        for browser in browsers:
            browser.connection.close()
    finally:
        os.environ.pop("KRING_LIVE_SSE_MAX_STREAMS", None)
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streams", type=int, default=40)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    def run(url: str) -> None:
        prepare_database(url, users=args.streams + 2)
        session_id = make_session(url, args.streams + 1)
        for workers, threads, cap in SETTINGS:
            run_setting(url, session_id, list(range(args.streams + 1)), workers, threads, cap)

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
