"""Shared pieces for Kring's benchmarks: a throw-away database, gunicorn, a small HTTP client.

Everything runs on 127.0.0.1; every loop is bounded in requests and time.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
STEP = re.compile(r'name="step" value="(\d+)"')
CHOICE = re.compile(r'name="choice" value="(\d+)"')
BENCH_PASSWORD = "bench-wachtwoord-lang-genoeg"  # noqa: S105  (throw-away bench accounts)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(url: str, users: int, password_hash: str | None = None) -> None:
    """Migrate, load cases and create `users` learner accounts (bench-N@kring.test);
    `password_hash` replaces the scrypt hash of BENCH_PASSWORD where logins must be cheap."""
    from flask_migrate import upgrade

    from learn import create_app
    from learn.auth.models import User
    from learn.casesim.services import sync_cases
    from learn.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "KRING_ENV": "development"})
    with app.app_context():
        upgrade()
        sync_cases(Path(app.config["CASES_DIR"]))
        existing = {e for (e,) in db.session.execute(db.select(User.email))}
        template = User(email="x", display_name="x")
        template.set_password(BENCH_PASSWORD)
        for n in range(users):
            email = f"bench-{n}@kring.test"
            if email not in existing:
                db.session.add(
                    User(
                        email=email,
                        display_name=f"Learner {n}",
                        password_hash=password_hash or template.password_hash,
                    )
                )
        db.session.commit()
        db.engine.dispose()


@contextmanager
def temporary_sqlite_url():
    with tempfile.TemporaryDirectory(prefix="kring-bench-") as folder:
        yield f"sqlite:///{folder}/bench.sqlite3"


def with_database(database_url: str | None, run) -> None:
    """Call `run(url)` with the given database, or a throw-away SQLite file."""
    if database_url:
        run(database_url)
        return
    with temporary_sqlite_url() as url:
        run(url)


@dataclass
class Server:
    url: str
    port: int
    process: subprocess.Popen
    env: dict
    args: list[str] = field(default_factory=list)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_gunicorn(
    database_url: str,
    workers: int,
    threads: int,
    port: int | None = None,
    secret: str | None = None,
) -> Server:
    """gunicorn serving bench/wsgi.py; a restart passes the same port and secret key."""
    port = port or free_port()
    env = {
        **os.environ,
        "KRING_ENV": "production",
        "KRING_SECRET_KEY": secret or secrets.token_hex(32),
        "KRING_DATABASE_URL": database_url,
    }
    args = [
        sys.executable, "-m", "gunicorn", "--chdir", str(ROOT / "bench"),
        "--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread",
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "wsgi:app",
    ]  # fmt: skip
    process = subprocess.Popen(args, env=env, cwd=ROOT)
    server = Server(url=f"http://127.0.0.1:{port}", port=port, process=process, env=env, args=args)
    wait_until_up(port)
    return server


def wait_until_up(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/__hello")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer on port {port}")


class Client:
    """One browser-like user: keep-alive connection, cookies, CSRF token."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        self.cookies: dict[str, str] = {}
        self.latencies: list[float] = []
        self.errors = 0

    def request(
        self, method: str, path: str, form: dict | None = None, headers: dict | None = None
    ) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} | (
            headers or {}
        )
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        began = time.perf_counter()
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                text = response.read().decode()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                if attempt == 2:
                    raise
        self.latencies.append(time.perf_counter() - began)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        if response.status >= 400:
            self.errors += 1
        return response.status, response.getheader("Location") or "", text

    def log_in(self, email: str) -> None:
        _, _, page = self.request("GET", "/login")
        token = CSRF.search(page).group(1)
        status, _, _ = self.request(
            "POST", "/login", {"csrf_token": token, "email": email, "password": BENCH_PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"login failed for {email}: {status}")
        self.csrf = token

    def start_case(self, slug: str) -> str:
        _, _, page = self.request("GET", f"/cases/{slug}")
        token = re.search(r'name="start_token" type="hidden" value="([^"]+)"', page)
        token = token or re.search(r'name="start_token" value="([^"]+)"', page)
        status, location, _ = self.request(
            "POST", f"/cases/{slug}/start", {"csrf_token": self.csrf, "start_token": token.group(1)}
        )
        if status != 302:
            raise RuntimeError(f"start failed: {status}")
        return urllib.parse.urlsplit(location).path


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(latencies: list[float]) -> str:
    if not latencies:
        return "no requests"
    return (
        f"p50 {1000 * percentile(latencies, 0.50):.1f} ms, "
        f"p95 {1000 * percentile(latencies, 0.95):.1f} ms, "
        f"p99 {1000 * percentile(latencies, 0.99):.1f} ms, "
        f"mean {1000 * statistics.fmean(latencies):.1f} ms"
    )
