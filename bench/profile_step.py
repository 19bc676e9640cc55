"""Where a play step's time goes: in-process, per kind of request, no network, no gunicorn.

    .venv/bin/python bench/profile_step.py [--steps 300] [--database-url URL] [--sql]
                                           [--top 0]

Serves bench/wsgi.py's app (production settings, CSRF on) through the Flask test client
and, per kind of request (the floor's POST and GET, the no-JS play POST and GET, the
debrief GET after a case's last step, the htmx POST), measures the mean CPU time without
the profiler (CPU, not wall time, so other work on the machine disturbs it less), counts
the SQL statements (`--sql` prints them), and profiles the same requests with cProfile.
The profile is broken down two ways: self time per package (the parts add up to the whole), and the
inclusive time of named pieces (user loading, CSRF, templates, url_for, Markdown, ...),
which overlap. `--top N` also prints the N most expensive functions per kind.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import re
import secrets
import sys
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from harness import BENCH_PASSWORD, CHOICE, CSRF, STEP, prepare_database, with_database

CASES = ["zus-kan-niet-meer", "geen-netwerk-whatsapp", "moeder-bang-voor-terugval"]
KINDS = ("hello", "floor POST", "floor GET", "play POST", "play GET", "debrief GET", "htmx POST")

# Self time is charged to the first package whose marker is in the function's file name.
PACKAGES = (
    ("SQLAlchemy + driver", ("/sqlalchemy/", "sqlite3", "psycopg", "method 'execute'",
                             "method 'fetch", "method 'commit'", "method 'cursor'")),
    ("Jinja + templates", ("/jinja2/", "/templates/", "markupsafe")),
    ("Flask-Babel / Babel", ("/flask_babel/", "/babel/", "gettext")),
    ("WTForms / Flask-WTF", ("/wtforms/", "/flask_wtf/")),
    ("Flask-Login", ("/flask_login/",)),
    ("session cookie (itsdangerous)", ("/itsdangerous/", "hmac", "hashlib", "_hashlib")),
    ("Markdown + nh3", ("/markdown/", "nh3")),
    ("Werkzeug (routing, request, response)", ("/werkzeug/",)),
    ("Flask", ("/flask/",)),
    ("Flask-Limiter", ("/flask_limiter/", "/limits/")),
    ("Kring's code", ("/learn/",)),
    ("JSON", ("/json/",)),
)  # fmt: skip

# Inclusive time of named pieces: (label, file marker, function name). They overlap.
PIECES = (
    ("user load (Flask-Login user_loader)", "flask_login/login_manager.py", "_load_user"),
    ("session open (cookie signature)", "flask/sessions.py", "open_session"),
    ("session save", "flask/sessions.py", "save_session"),
    ("CSRF check (before_request)", "flask_wtf/csrf.py", "protect"),
    ("CSRF token for the page", "flask_wtf/csrf.py", "generate_csrf"),
    ("form built + validated", "wtforms/form.py", "__call__"),
    ("template rendering", "flask/templating.py", "_render"),
    ("url_for", "flask/helpers.py", "url_for"),
    ("translations (gettext/ngettext)", "flask_babel/__init__.py", "gettext"),
    ("Markdown (uncached renders)", "learn/rendering.py", "render_markdown"),
    ("case content (JSON to Case, per version)", "learn/casesim/models.py", "content"),
    ("progress (distances to an ending)", "learn/casesim/engine.py", "progress"),
    ("distances_to_ending", "learn/content/cases/graph.py", "distances_to_ending"),
    ("shuffled choice order", "learn/ordering.py", "shuffled"),
    ("record_step (write + commit)", "learn/casesim/services.py", "record_step"),
    ("commit", "sqlalchemy/orm/session.py", "commit"),
    ("security headers (after_request)", "learn/security.py", "_headers"),
    ("NUL check (before_request)", "learn/inputs.py", "_refuse_nul"),
    ("rate limiter hooks", "flask_limiter/extension.py", "_check_request_limit"),
    ("SQL statements (cursor execute)", "sqlalchemy/engine/default.py", "do_execute"),
)


def build_app(url: str):
    os.environ.update(
        KRING_ENV="production",
        KRING_SECRET_KEY=secrets.token_hex(32),
        KRING_DATABASE_URL=url,
    )
    sys.path.insert(0, str(Path(__file__).parent))
    import wsgi

    return wsgi.app


class Runner:
    """Requests of one kind timed, counted and (on a second pass) profiled."""

    def __init__(self, app, show_sql: bool) -> None:
        from sqlalchemy import event

        from learn.extensions import db

        self.client = app.test_client()
        # Over HTTPS (the session cookie is Secure) Flask-WTF also checks the Referer.
        self.client.environ_base["HTTP_REFERER"] = "https://localhost/"
        self.kind: str | None = None
        self.profiling = False
        self.times: dict[str, list[float]] = defaultdict(list)
        self.queries: dict[str, list[int]] = defaultdict(list)
        self.sql: dict[str, list[str]] = {}  # the statements of the last request per kind
        self._statements: list[str] = []
        self.profiles = {kind: cProfile.Profile() for kind in KINDS}
        self.show_sql = show_sql
        self._count = 0
        with app.app_context():
            engine = db.engine

        @event.listens_for(engine, "before_cursor_execute")
        def _count(_conn, _cursor, statement, *_args) -> None:
            self._count += 1
            self._statements.append(" ".join(statement.split())[:160])

    def request(self, kind: str | None, method: str, path: str, **kwargs):
        self.kind, self._count, self._statements = kind, 0, []
        profile = self.profiles[kind] if kind and self.profiling else None
        began = time.process_time()
        if profile:
            profile.enable()
        response = self.client.open(path, method=method, base_url="https://localhost", **kwargs)
        response.get_data()
        if profile:
            profile.disable()
        elapsed = time.process_time() - began
        if kind and not self.profiling:
            self.times[kind].append(elapsed)
            self.queries[kind].append(self._count)
            self.sql[kind] = self._statements
        self.kind = None
        return response


def log_in(runner: Runner) -> str:
    page = runner.request(None, "GET", "/login").get_data(as_text=True)
    token = CSRF.search(page).group(1)
    form = {"csrf_token": token, "email": "bench-0@kring.test", "password": BENCH_PASSWORD}
    assert runner.request(None, "POST", "/login", data=form).status_code == 302
    return token


def start_case(runner: Runner, csrf: str, slug: str) -> str:
    page = runner.request(None, "GET", f"/cases/{slug}").get_data(as_text=True)
    token = re.search(r'name="start_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    response = runner.request(
        None, "POST", f"/cases/{slug}/start", data={"csrf_token": csrf, "start_token": token}
    )
    return urllib.parse.urlsplit(response.headers["Location"]).path


def run_steps(runner: Runner, csrf: str, steps: int, rng: random.Random) -> None:
    """`steps` floor steps, `steps` play steps without JavaScript, `steps` with htmx."""
    for _ in range(steps):
        runner.request("hello", "GET", "/__hello")
        runner.request("floor POST", "POST", "/__floor", data={"csrf_token": csrf})
        runner.request("floor GET", "GET", "/__floor")
    for javascript in (False, True):
        path, page, done = None, "", 0
        while done < steps:
            if STEP.search(page) is None:  # a finished case (or none yet): start the next
                path = start_case(runner, csrf, rng.choice(CASES))
                page = runner.request(None, "GET", path).get_data(as_text=True)
            form = {"csrf_token": csrf, "step": STEP.search(page).group(1)}
            if choices := CHOICE.findall(page):
                form["choice"] = rng.choice(choices)
            if javascript:
                response = runner.request(
                    "htmx POST", "POST", path + "/step", data=form, headers={"HX-Request": "true"}
                )
                page = "" if "HX-Redirect" in response.headers else response.get_data(as_text=True)
            else:
                response = runner.request("play POST", "POST", path + "/step", data=form)
                target = urllib.parse.urlsplit(response.headers["Location"]).path
                kind = "play GET" if target == path else "debrief GET"  # the last step's GET
                page = runner.request(kind, "GET", target).get_data(as_text=True)
                page = page if target == path else ""
            done += 1


def breakdown(profile: cProfile.Profile, calls: int) -> tuple[dict, dict, float, float]:
    """(self ms per package, inclusive ms per piece, total ms, function calls), per request."""
    profiled = pstats.Stats(profile)
    stats = profiled.stats
    packages: dict[str, float] = defaultdict(float)
    pieces: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, self_time, cumulative, _callers) in stats.items():
        where = f"{filename} {name}"
        label = next(
            (label for label, marks in PACKAGES if any(m in where for m in marks)), "other"
        )
        packages[label] += self_time
        for piece, mark, function in PIECES:
            if filename.endswith(mark) and name == function:  # nested namesakes: the outer
                pieces[piece] = max(pieces.get(piece, 0.0), cumulative)
    total = sum(packages.values())
    scale = 1000 / calls
    return (
        {k: v * scale for k, v in packages.items()},
        {k: v * scale for k, v in pieces.items()},
        total * scale,
        profiled.total_calls / calls,
    )


def report(runner: Runner, top: int) -> None:
    print("\nPer request, in-process (Flask test client, no network):")
    print(f"{'kind':12s} {'CPU ms':>8s} {'queries':>8s}")
    for kind in KINDS:
        times, queries = runner.times[kind], runner.queries[kind]
        counts = sorted(set(queries))
        print(
            f"{kind:12s} {1000 * sum(times) / len(times):8.2f} "
            f"{sum(queries) / len(queries):8.2f}  (counts seen: {counts})"
        )
    for kind in KINDS[1:]:
        calls = len(runner.times[kind])
        packages, pieces, total, functions = breakdown(runner.profiles[kind], calls)
        print(f"\n== {kind}: {total:.2f} ms, {functions:.0f} function calls per request (cProfile)")
        print("  self time by package (adds up):")
        for label, ms in sorted(packages.items(), key=lambda kv: -kv[1]):
            print(f"    {ms:6.2f} ms  {100 * ms / total:4.0f}%  {label}")
        print("  inclusive time of named pieces (overlapping):")
        for label, ms in pieces.items():
            print(f"    {ms:6.2f} ms  {label}")
        if runner.show_sql:
            print("  SQL of the last request:")
            for statement in runner.sql[kind]:
                print(f"    {statement}")
        if top:
            pstats.Stats(runner.profiles[kind]).sort_stats("cumulative").print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--sql", action="store_true", help="print the SQL of each kind")
    parser.add_argument("--top", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args()

    def run(url: str) -> None:
        prepare_database(url, users=1)
        runner = Runner(build_app(url), args.sql)
        csrf = log_in(runner)
        run_steps(runner, csrf, 20, random.Random(0))  # warm caches, templates, connections
        runner.times.clear(), runner.queries.clear(), runner.sql.clear()
        run_steps(runner, csrf, args.steps, random.Random(1))
        runner.profiling = True
        run_steps(runner, csrf, args.steps, random.Random(2))
        report(runner, args.top)

    with_database(args.database_url, run)


if __name__ == "__main__":
    main()
