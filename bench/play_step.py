"""How fast is a play step compared with a bare endpoint on the same server?

    .venv/bin/python bench/play_step.py [--concurrency 8] [--seconds 10]
                                        [--workers 2] [--threads 4] [--database-url URL]

Serves Kring with gunicorn on 127.0.0.1 (SQLite in a temporary folder unless
--database-url is given), then measures, in one run:

1. a bare "hello" endpoint (`/__hello`, bench/wsgi.py) under `concurrency` clients;
2. play steps: `concurrency` logged-in learners each POST a choice and GET the next
   scene (with the database write), starting a new attempt when a case ends.

Prints requests per second, latencies and the ratio of play steps per second to
hello requests per second (the target is at least 0.40).
"""

from __future__ import annotations

import argparse
import random
import re
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from harness import (
    CHOICE,
    STEP,
    Client,
    prepare_database,
    start_gunicorn,
    summary,
    with_database,
)

CASES = ["zus-kan-niet-meer", "geen-netwerk-whatsapp", "moeder-bang-voor-terugval"]


def hello_phase(port: int, concurrency: int, seconds: float) -> tuple[int, list[float], int]:
    deadline = time.monotonic() + seconds

    def run() -> Client:
        client = Client(port)
        while time.monotonic() < deadline:
            client.request("GET", "/__hello")
        return client

    with ThreadPoolExecutor(concurrency) as pool:
        clients = list(pool.map(lambda _: run(), range(concurrency)))
    latencies = [x for c in clients for x in c.latencies]
    return len(latencies), latencies, sum(c.errors for c in clients)


def play_phase(port: int, concurrency: int, seconds: float) -> tuple[int, list[float], int]:
    clients = [Client(port) for _ in range(concurrency)]
    for n, client in enumerate(clients):
        client.log_in(f"bench-{n}@kring.test")
    barrier = threading.Barrier(concurrency)
    step_latencies: list[list[float]] = [[] for _ in clients]

    def run(n: int) -> int:
        client, rng = clients[n], random.Random(n)
        path = client.start_case(CASES[n % len(CASES)])
        _, _, page = client.request("GET", path)
        steps = 0
        barrier.wait()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            match = STEP.search(page)
            if match is None:  # the debrief: play again
                path = client.start_case(CASES[(n + steps) % len(CASES)])
                _, _, page = client.request("GET", path)
                continue
            form = {"csrf_token": client.csrf, "step": match.group(1)}
            choices = CHOICE.findall(page)
            if choices:
                form["choice"] = rng.choice(choices)
            began = time.perf_counter()
            status, location, _ = client.request("POST", path + "/step", form)
            if status != 302:
                client.errors += 1
                continue
            target = urllib.parse.urlsplit(location).path
            _, _, page = client.request("GET", target)
            step_latencies[n].append(time.perf_counter() - began)
            path = re.sub(r"/debrief$", "", target)
            steps += 1
        return steps

    with ThreadPoolExecutor(concurrency) as pool:
        steps = sum(pool.map(run, range(concurrency)))
    return steps, [x for lat in step_latencies for x in lat], sum(c.errors for c in clients)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    def run(url: str) -> None:
        prepare_database(url, users=args.concurrency)
        server = start_gunicorn(url, args.workers, args.threads)
        try:
            hello_phase(server.port, args.concurrency, 2)  # warm up both workers
            hellos, hello_lat, hello_err = hello_phase(server.port, args.concurrency, args.seconds)
            steps, step_lat, step_err = play_phase(server.port, args.concurrency, args.seconds)
        finally:
            server.stop()
        hello_rps, step_rps = hellos / args.seconds, steps / args.seconds
        backend = url.split(":", 1)[0]
        print(f"gunicorn gthread, {args.workers} workers x {args.threads} threads, {backend}, "
              f"{args.concurrency} clients, {args.seconds:g} s per phase")  # fmt: skip
        print(
            f"hello:      {hello_rps:8.1f} requests/s   ({summary(hello_lat)}), errors {hello_err}"
        )
        print(f"play step:  {step_rps:8.1f} steps/s      ({summary(step_lat)}), errors {step_err}")
        print(
            f"            (a step is POST choice + GET next scene: {2 * step_rps:.1f} requests/s)"
        )
        ratio = step_rps / hello_rps if hello_rps else 0.0
        verdict = "meets" if ratio >= 0.40 else "misses"
        print(f"ratio steps/s : hello requests/s = {ratio:.2f} ({verdict} the 0.40 target)")

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
