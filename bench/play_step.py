"""How fast is a play step compared with the least a page step can cost on this stack?

    .venv/bin/python bench/play_step.py [--concurrency 8] [--seconds 10]
                                        [--workers 2] [--threads 4] [--database-url URL]

Serves Kring with gunicorn on 127.0.0.1 (SQLite in a temporary folder unless
--database-url is given), then measures, in one run and on one server:

1. hello: a bare endpoint (`/__hello`, bench/wsgi.py) under `concurrency` clients;
2. floor: the least work a page step can do (`/__floor`: user load, one indexed SELECT,
   one INSERT and commit, redirect, then a GET of the base layout with a paragraph);
3. play (no JavaScript): POST a choice, follow the redirect, GET the next scene;
4. play (JavaScript): one POST with `HX-Request`, answered with the next scene's fragment.

Prints steps per second, latencies, play/floor and floor/hello. Targets
(docs/performance.md): play without JavaScript >= 0.8 of the floor; with JavaScript >= 1.5.
"""

from __future__ import annotations

import argparse
import random
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


def timed_steps(clients: list[Client], seconds: float, step) -> tuple[int, list[float]]:
    """Run `step(n, client, state)` in a loop per client for `seconds`; each returns True
    for a counted step. Latencies are per counted step."""
    barrier = threading.Barrier(len(clients))
    latencies: list[list[float]] = [[] for _ in clients]

    def run(n: int) -> int:
        state: dict = {"rng": random.Random(n)}
        step(n, clients[n], state, warmup=True)
        barrier.wait()
        deadline, count = time.monotonic() + seconds, 0
        while time.monotonic() < deadline:
            began = time.perf_counter()
            if step(n, clients[n], state, warmup=False):
                latencies[n].append(time.perf_counter() - began)
                count += 1
        return count

    with ThreadPoolExecutor(len(clients)) as pool:
        steps = sum(pool.map(run, range(len(clients))))
    return steps, [x for lat in latencies for x in lat]


def floor_step(n: int, client: Client, state: dict, warmup: bool) -> bool:
    status, _, _ = client.request("POST", "/__floor", {"csrf_token": client.csrf})
    if status != 302:
        client.errors += 1
        return False
    client.request("GET", "/__floor")
    return True


def play_step(n: int, client: Client, state: dict, warmup: bool, javascript: bool) -> bool:
    """One decision (or "continue") in a case; a finished case starts the next one."""
    if warmup or STEP.search(state["page"]) is None:
        state["path"] = client.start_case(CASES[(n + state.get("cases", 0)) % len(CASES)])
        state["cases"] = state.get("cases", 0) + 1
        _, _, state["page"] = client.request("GET", state["path"])
        return False
    page, path = state["page"], state["path"]
    form = {"csrf_token": client.csrf, "step": STEP.search(page).group(1)}
    choices = CHOICE.findall(page)
    if choices:
        form["choice"] = state["rng"].choice(choices)
    if javascript:
        status, _, state["page"] = client.request(
            "POST", path + "/step", form, headers={"HX-Request": "true"}
        )
        # The last step answers with HX-Redirect to the debrief: start the next case.
        ok = status == 200
    else:
        status, location, _ = client.request("POST", path + "/step", form)
        ok = status == 302
        if ok:
            _, _, state["page"] = client.request("GET", urllib.parse.urlsplit(location).path)
    if not ok:
        client.errors += 1
    return ok


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
            clients = [Client(server.port) for _ in range(args.concurrency)]
            for n, client in enumerate(clients):
                client.log_in(f"bench-{n}@kring.test")
            results = {}
            for name, step in (
                ("floor", floor_step),
                ("play", lambda *a, **k: play_step(*a, **k, javascript=False)),
                ("play-js", lambda *a, **k: play_step(*a, **k, javascript=True)),
            ):
                errors_before = sum(c.errors for c in clients)
                count, latencies = timed_steps(clients, args.seconds, step)
                results[name] = (count, latencies, sum(c.errors for c in clients) - errors_before)
        finally:
            server.stop()
        backend = url.split(":", 1)[0]
        print(f"gunicorn gthread, {args.workers} workers x {args.threads} threads, {backend}, "
              f"{args.concurrency} clients, {args.seconds:g} s per phase")  # fmt: skip
        hello_rps = hellos / args.seconds
        print(f"hello:    {hello_rps:8.1f} requests/s ({summary(hello_lat)}), errors {hello_err}")
        rates = {}
        for name, (count, latencies, errors) in results.items():
            rates[name] = count / args.seconds
            print(
                f"{name + ':':9s} {rates[name]:8.1f} steps/s ({summary(latencies)}), "
                f"errors {errors}"
            )
        floor = rates["floor"] or float("nan")
        print(f"floor/hello   = {floor / hello_rps:.2f}")
        print(f"play/floor    = {rates['play'] / floor:.2f} (target >= 0.80)")
        print(
            f"play-js/floor = {rates['play-js'] / floor:.2f} (target >= 1.50; one request a step)"
        )

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
