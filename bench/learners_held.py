"""How many learners can play at once, reading between steps, with p95 step latency <= 100 ms?

    .venv/bin/python bench/learners_held.py [--stages 250,500,1000,2000,3000,4000]
        [--hold 60] [--think 10-30] [--workers 2] [--threads 8] [--database-url URL]
        [--no-javascript]

Each simulated learner logs in once, starts a case and then, in a loop, reads for a time
drawn uniformly from --think seconds and takes one step: with JavaScript (the default) one
POST answered with the next scene's fragment; with --no-javascript a POST, the redirect and
a GET. A finished case starts the next one. The number of learners rises stage by stage
(new learners spread their start over the think time so they do not step in lockstep); each
stage is held for --hold seconds and reports steps/s, p50/p95/p99 step latency, errors, and
the CPU used by the server and by this load generator, so a generator that is itself the
limit shows. The run stops after the first stage that misses p95 <= 100 ms or has an error.

The generator is one asyncio process (aiohttp) sharing a pool of keep-alive connections,
as a reverse proxy in front of gunicorn would. The bench accounts get a one-round PBKDF2
password hash, so thousands of logins measure steps, not the password hash (real accounts
use scrypt; see bench/load.py for login cost). Everything runs on 127.0.0.1 and every loop
ends by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import time
from dataclasses import dataclass, field

import aiohttp
from harness import (
    BENCH_PASSWORD,
    CHOICE,
    CSRF,
    STEP,
    prepare_database,
    start_gunicorn,
    with_database,
)
from werkzeug.security import generate_password_hash

CASES = ["zus-kan-niet-meer", "geen-netwerk-whatsapp", "moeder-bang-voor-terugval"]
START_TOKEN = re.compile(r'name="start_token"[^>]*value="([^"]+)"')

TARGET_P95 = 0.100


@dataclass
class Stats:
    """Steps recorded as (finish time, latency, ok)."""

    steps: list[tuple[float, float, bool]] = field(default_factory=list)

    def window(self, start: float, end: float) -> tuple[list[float], int]:
        inside = [(lat, ok) for t, lat, ok in self.steps if start <= t < end]
        return sorted(lat for lat, ok in inside if ok), sum(1 for _, ok in inside if not ok)


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


class Learner:
    def __init__(self, n: int, http: aiohttp.ClientSession, base: str, javascript: bool) -> None:
        self.n, self.http, self.base, self.javascript = n, http, base, javascript
        self.cookies: dict[str, str] = {}
        self.rng = random.Random(n)
        self.page = ""
        self.path = ""

    async def request(self, method: str, path: str, form=None, headers=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} | (
            headers or {}
        )
        async with self.http.request(
            method, self.base + path, data=form, headers=headers, allow_redirects=False
        ) as response:
            text = await response.text()
            for cookie in response.headers.getall("Set-Cookie", []):
                name, _, rest = cookie.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return response.status, response.headers, text

    async def log_in(self) -> None:
        _, _, page = await self.request("GET", "/login")
        self.csrf = CSRF.search(page).group(1)
        form = {"csrf_token": self.csrf, "email": f"bench-{self.n}@kring.test"}
        status, _, _ = await self.request("POST", "/login", form | {"password": BENCH_PASSWORD})
        if status != 302:
            raise RuntimeError(f"login failed for learner {self.n}: {status}")

    async def start_case(self) -> None:
        slug = CASES[self.rng.randrange(len(CASES))]
        _, _, page = await self.request("GET", f"/cases/{slug}")
        form = {"csrf_token": self.csrf, "start_token": START_TOKEN.search(page).group(1)}
        status, headers, _ = await self.request("POST", f"/cases/{slug}/start", form)
        if status != 302:
            raise RuntimeError(f"start failed: {status}")
        self.path = headers["Location"].split("://", 1)[-1].split("/", 1)[-1]
        self.path = "/" + self.path
        _, _, self.page = await self.request("GET", self.path)

    async def step(self) -> bool:
        form = {"csrf_token": self.csrf, "step": STEP.search(self.page).group(1)}
        choices = CHOICE.findall(self.page)
        if choices:
            form["choice"] = self.rng.choice(choices)
        if self.javascript:
            status, headers, text = await self.request(
                "POST", self.path + "/step", form, {"HX-Request": "true"}
            )
            if status == 200 and "HX-Redirect" in headers:
                self.page = ""  # the case ended: the next loop starts another
            elif status == 200:
                self.page = text
            return status == 200
        status, headers, _ = await self.request("POST", self.path + "/step", form)
        if status != 302:
            return False
        location = "/" + headers["Location"].split("://", 1)[-1].split("/", 1)[-1]
        if location.endswith("/debrief"):
            self.page = ""
            return True
        status, _, self.page = await self.request("GET", location)
        return status == 200

    async def run(self, think: tuple[float, float], until: float, stats: Stats) -> None:
        await asyncio.sleep(self.rng.uniform(0, think[1]))  # spread the starts
        await self.log_in()
        await self.start_case()
        while True:
            await asyncio.sleep(self.rng.uniform(*think))
            if time.monotonic() >= until:
                return
            if not STEP.search(self.page):
                await self.start_case()
                continue
            began = time.monotonic()
            try:
                ok = await self.step()
            except (TimeoutError, aiohttp.ClientError):
                ok = False
            stats.steps.append((time.monotonic(), time.monotonic() - began, ok))


def process_cpu(pid: int) -> float:
    """CPU seconds of a process and its children (the gunicorn workers), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


async def ramp(base: str, server_pid: int, args) -> list[dict]:
    think = tuple(float(x) for x in args.think.split("-"))
    stages = [int(x) for x in args.stages.split(",")]
    stats, results, tasks = Stats(), [], []
    end_of_run = time.monotonic() + len(stages) * (args.hold + think[1]) + 60
    connector = aiohttp.TCPConnector(limit=args.connections)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
    ) as http:
        for learners in stages:
            for n in range(len(tasks), learners):
                learner = Learner(n, http, base, not args.no_javascript)
                tasks.append(asyncio.create_task(learner.run(think, end_of_run, stats)))
            await asyncio.sleep(think[1])  # let the new learners settle in
            cpu_client, cpu_server = time.process_time(), process_cpu(server_pid)
            start = time.monotonic()
            await asyncio.sleep(args.hold)
            end = time.monotonic()
            latencies, errors = stats.window(start, end)
            failed = [t for t in tasks if t.done() and t.exception()]
            result = {
                "learners": learners,
                "steps_per_s": len(latencies) / (end - start),
                "p50": percentile(latencies, 0.50),
                "p95": percentile(latencies, 0.95),
                "p99": percentile(latencies, 0.99),
                "errors": errors + len(failed),
                "server_cpu": (process_cpu(server_pid) - cpu_server) / (end - start),
                "client_cpu": (time.process_time() - cpu_client) / (end - start),
            }
            results.append(result)
            print(
                f"{learners:6d} learners  {result['steps_per_s']:7.1f} steps/s  "
                f"p50 {1000 * result['p50']:6.1f} ms  p95 {1000 * result['p95']:6.1f} ms  "
                f"p99 {1000 * result['p99']:6.1f} ms  errors {result['errors']}  "
                f"server CPU {result['server_cpu']:.2f} cores  "
                f"generator CPU {result['client_cpu']:.2f} cores",
                flush=True,
            )
            if result["p95"] > TARGET_P95 or result["errors"]:
                break
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stages", default="250,500,1000,1500,2000,2500,3000,3500,4000")
    parser.add_argument("--hold", type=float, default=60)
    parser.add_argument("--think", default="10-30")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--connections", type=int, default=400)
    parser.add_argument("--no-javascript", action="store_true")
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()

    def run(url: str) -> None:
        most = max(int(x) for x in args.stages.split(","))
        cheap_hash = generate_password_hash(BENCH_PASSWORD, method="pbkdf2:sha256:1")
        prepare_database(url, users=most, password_hash=cheap_hash)
        server = start_gunicorn(url, args.workers, args.threads)
        try:
            mode = "without JavaScript" if args.no_javascript else "with JavaScript"
            print(
                f"gunicorn gthread {args.workers} workers x {args.threads} threads, "
                f"{url.split(':', 1)[0]}, {mode}, think {args.think} s, hold {args.hold:g} s"
            )
            results = asyncio.run(ramp(server.url, server.process.pid, args))
        finally:
            server.stop()
        held = [r["learners"] for r in results if r["p95"] <= TARGET_P95 and not r["errors"]]
        print(f"largest number held with p95 <= 100 ms and no errors: {max(held, default=0)}")

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
