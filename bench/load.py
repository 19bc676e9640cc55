"""Load, fault and concurrency runs against Kring served by gunicorn on 127.0.0.1.

    .venv/bin/python bench/load.py load [--learners 25,50,100,200] [--seconds 20]
    .venv/bin/python bench/load.py fault [--learners 25] [--seconds 20]
    .venv/bin/python bench/load.py concurrency [--rounds 100]

Add `--database-url URL` for PostgreSQL, e.g. inside `.ci/with-postgres`:
    .ci/with-postgres sh -c \
      '.venv/bin/python bench/load.py load --database-url "$KRING_DATABASE_URL"'

load:        N learners log in, start a case and play it to the end, again and again, with
             no think time, for `seconds`; then a bare endpoint under the same N clients.
             Prints requests/s, p50/p95/p99, errors, and step throughput vs the bare endpoint.
fault:       during such a load, gunicorn's master is killed with SIGKILL and restarted; every
             step that got a success response must be in the database afterwards, and every
             attempt must resume. Prints acknowledged / stored / lost.
concurrency: two sessions of one learner post the same step at the same moment, `rounds`
             times; exactly one step must be stored each time.

Every loop is bounded in time and count; nothing but 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from harness import (
    CHOICE,
    STEP,
    Client,
    percentile,
    prepare_database,
    start_gunicorn,
    with_database,
)
from sqlalchemy import create_engine, text

CASES = [
    "zus-kan-niet-meer",
    "geen-netwerk-whatsapp",
    "moeder-bang-voor-terugval",
    "kantelmomenten",
]
WORKERS, THREADS = 2, 4


class Learner:
    """A simulated learner: plays cases to the end, recording every acknowledged step."""

    def __init__(self, port: int, number: int) -> None:
        self.client = Client(port)
        self.number = number
        self.rng = random.Random(number)
        self.acknowledged: list[tuple[int, int, int | None]] = []  # attempt, step, choice
        self.steps = 0
        self.plays = 0
        self.path: str | None = None  # the attempt being played
        self.interrupted: set[int] = set()  # attempts that were in progress at a crash
        self.resumed_attempts: set[int] = set()  # ...and got a further step afterwards

    def run(self, deadline: float, max_requests: int = 5000) -> None:
        """Play until `deadline`; after a crash, carry on with the same attempt."""
        if not self.client.cookies:
            self.client.log_in(f"bench-{self.number}@kring.test")
        if self.path is None:
            self.path = self.client.start_case(CASES[self.number % len(CASES)])
        page = self.get(self.path)  # the restarted server has the same key: the session holds
        while time.monotonic() < deadline and len(self.client.latencies) < max_requests:
            match = STEP.search(page)
            if match is None:  # the debrief: another case
                self.plays += 1
                self.path = self.client.start_case(CASES[(self.number + self.plays) % len(CASES)])
                page = self.get(self.path)
                continue
            number = int(match.group(1))
            choices = CHOICE.findall(page)
            choice = int(self.rng.choice(choices)) if choices else None
            form = {"csrf_token": self.client.csrf, "step": str(number)}
            if choice is not None:
                form["choice"] = str(choice)
            status, location, _ = self.client.request("POST", self.path + "/step", form)
            if status == 302:
                attempt = int(re.search(r"/attempts/(\d+)", self.path).group(1))
                self.acknowledged.append((attempt, number, choice))
                if attempt in self.interrupted:
                    self.resumed_attempts.add(attempt)
                self.steps += 1
                target = urllib.parse.urlsplit(location).path
                self.path = re.sub(r"/debrief$", "", target)
                page = self.get(target)
            else:
                page = self.get(self.path)

    def get(self, path: str) -> str:
        _, _, page = self.client.request("GET", path)
        return page


def port_frees(port: int, seconds: float) -> bool:
    """Wait until nothing listens on `port` any more."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
                return True
            except OSError:
                time.sleep(0.2)
    return False


def resilient(learner: Learner, deadline: float) -> None:
    """Keep playing through a server restart: on a refused connection, wait and resume."""
    while time.monotonic() < deadline:
        try:
            learner.run(deadline)
            return
        except (OSError, RuntimeError, AttributeError):
            if learner.path and "/attempts/" in learner.path:
                learner.interrupted.add(int(re.search(r"/attempts/(\d+)", learner.path).group(1)))
            time.sleep(0.2)


def hello(port: int, clients: int, seconds: float) -> tuple[int, int]:
    deadline = time.monotonic() + seconds

    def run(_n: int) -> tuple[int, int]:
        client = Client(port)
        while time.monotonic() < deadline and len(client.latencies) < 200_000:
            client.request("GET", "/__hello")
        return len(client.latencies), client.errors

    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(run, range(clients)))
    return sum(r[0] for r in results), sum(r[1] for r in results)


def load(url: str, learners: list[int], seconds: float) -> None:
    prepare_database(url, users=max(learners))
    server = start_gunicorn(url, WORKERS, THREADS)
    print(f"gunicorn gthread, {WORKERS} workers x {THREADS} threads, {url.split(':')[0]}")
    print(f"{'learners':>8} {'req/s':>8} {'steps/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'p99 ms':>8} {'errors':>6} {'hello/s':>8} {'ratio':>6}")  # fmt: skip
    try:
        for n in learners:
            deadline = time.monotonic() + seconds
            crowd = [Learner(server.port, i) for i in range(n)]
            began = time.monotonic()
            with ThreadPoolExecutor(n) as pool:
                list(pool.map(Learner.run, crowd, [deadline] * n))
            elapsed = time.monotonic() - began
            latencies = [x for learner in crowd for x in learner.client.latencies]
            errors = sum(learner.client.errors for learner in crowd)
            steps = sum(learner.steps for learner in crowd)
            hellos, hello_errors = hello(server.port, n, seconds / 2)
            hello_rps = hellos / (seconds / 2)
            ratio = (steps / elapsed) / hello_rps if hello_rps else 0
            p50, p95, p99 = (1000 * percentile(latencies, q) for q in (0.5, 0.95, 0.99))
            print(
                f"{n:>8} {len(latencies) / elapsed:>8.1f} {steps / elapsed:>8.1f} "
                f"{p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {errors + hello_errors:>6} "
                f"{hello_rps:>8.1f} {ratio:>6.2f}"
            )
    finally:
        server.stop()


def fault(url: str, learners: int, seconds: float) -> None:
    prepare_database(url, users=learners)
    server = start_gunicorn(url, WORKERS, THREADS)
    deadline = time.monotonic() + seconds
    crowd = [Learner(server.port, i) for i in range(learners)]
    with ThreadPoolExecutor(learners) as pool:
        futures = [pool.submit(resilient, learner, deadline) for learner in crowd]
        time.sleep(seconds / 3)
        before = sum(learner.steps for learner in crowd)
        # The workers' pids, taken before the kill: gunicorn renames its processes when
        # setproctitle is installed, so they cannot be found by command line afterwards.
        workers = subprocess.run(
            ["pgrep", "-P", str(server.process.pid)], capture_output=True, text=True
        ).stdout.split()
        server.process.send_signal(signal.SIGKILL)
        server.process.wait()
        killed_at = time.monotonic()
        # The master's workers are orphaned and notice within seconds; a supervisor would
        # clean up what is left before restarting, so this does too.
        if not port_frees(server.port, seconds=10):
            for pid in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
            port_frees(server.port, seconds=10)
        restarted = start_gunicorn(
            url, WORKERS, THREADS, port=server.port, secret=server.env["KRING_SECRET_KEY"]
        )
        restarted_after = time.monotonic() - killed_at
        for future in futures:
            future.result()
    # Every attempt that was in progress at the crash must open again where it was.
    resumable = 0
    interrupted = set().union(*(learner.interrupted for learner in crowd))
    for learner in crowd:
        for attempt in learner.interrupted:
            status, location, _ = learner.client.request("GET", f"/attempts/{attempt}")
            resumable += status == 200 or (status == 302 and "/debrief" in location)
    restarted.stop()
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = {
            (row.attempt_id, row.number): row.choice_index
            for row in connection.execute(
                text("SELECT attempt_id, number, choice_index FROM attempt_steps")
            )
        }
    engine.dispose()
    acknowledged = [step for learner in crowd for step in learner.acknowledged]
    lost = [s for s in acknowledged if stored.get((s[0], s[1]), "missing") != s[2]]
    print(f"fault run: {learners} learners, SIGKILL to the master after {seconds / 3:.0f} s "
          f"({before} steps acknowledged by then), restarted in "
          f"{restarted_after:.1f} s")  # fmt: skip
    kept = sum(1 for s in acknowledged if (s[0], s[1]) in stored)
    print(f"acknowledged {len(acknowledged)}, stored {kept}, "
          f"lost {len(lost)}")  # fmt: skip
    resumed = set().union(*(learner.resumed_attempts for learner in crowd))
    print(f"attempts in progress at the crash: {len(interrupted)}; open again where they were: "
          f"{resumable}; played on before the run ended: {len(resumed & interrupted)}")  # fmt: skip


def concurrency(url: str, rounds: int) -> None:
    prepare_database(url, users=1)
    server = start_gunicorn(url, WORKERS, THREADS)
    engine = create_engine(url)
    try:
        first, second = Client(server.port), Client(server.port)
        first.log_in("bench-0@kring.test")
        second.log_in("bench-0@kring.test")
        path = first.start_case(CASES[0])
        doubles, exact, checked = 0, 0, 0
        barrier = threading.Barrier(2)
        for _ in range(rounds):
            _, _, page = first.request("GET", path)
            match = STEP.search(page)
            if match is None:
                path = first.start_case(CASES[0])
                continue
            number = match.group(1)
            choices = CHOICE.findall(page)
            forms = []
            for client in (first, second):
                form = {"csrf_token": client.csrf, "step": number}
                if choices:
                    form["choice"] = choices[0]
                forms.append((client, form))

            def post(pair: tuple[Client, dict], url: str) -> int:
                barrier.wait()
                return pair[0].request("POST", url, pair[1])[0]

            with ThreadPoolExecutor(2) as pool:
                statuses = list(pool.map(post, forms, [path + "/step"] * 2))
            attempt = int(re.search(r"/attempts/(\d+)", path).group(1))
            with engine.connect() as connection:
                count = connection.execute(
                    text(
                        "SELECT count(*) FROM attempt_steps WHERE attempt_id = :a AND number = :n"
                    ),
                    {"a": attempt, "n": int(number)},
                ).scalar()
            checked += 1
            doubles += statuses == [302, 302]
            exact += count == 1
        print(f"concurrency run: {rounds} rounds of two sessions posting the same step at once; "
              f"both answered 302 in {doubles} of {checked}, exactly one step stored in {exact} of "
              f"{checked} (rounds that landed on a debrief start a new case instead)")  # fmt: skip
    finally:
        engine.dispose()
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["load", "fault", "concurrency"])
    parser.add_argument("--learners", default=None)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    def run(url: str) -> None:
        if args.mode == "load":
            load(url, [int(n) for n in (args.learners or "25,50,100,200").split(",")], args.seconds)
        elif args.mode == "fault":
            fault(url, int(args.learners or 25), args.seconds)
        else:
            concurrency(url, args.rounds)

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
