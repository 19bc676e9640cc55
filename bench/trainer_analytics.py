"""Server time of the trainer's results pages on a big database.

    .venv/bin/python bench/trainer_analytics.py [--scale 1] [--class-size 40] [--runs 7]
    KRING_PG_PORT=54331 .ci/with-postgres .venv/bin/python bench/trainer_analytics.py

Generates, in a throw-away SQLite file (or the PostgreSQL database in KRING_DATABASE_URL,
which it empties first), `scale` × 2,000 students in `scale` × 60 classes, with about
`scale` × 200,000 recorded choices on the shipped cases and module answers, plus one
measured class of `class-size` students. Then times, in-process (Flask test client, so
server time only), the class overview (assignment matrix), the per-case analytics page and
both CSV exports for the measured class. Prints the median and the best of `runs`.
Doubling --scale should leave the times flat; doubling --class-size may double them.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade
from sqlalchemy import insert, select, text

from learn import create_app
from learn.auth.models import User, utcnow
from learn.casesim.models import Attempt, AttemptStep, Case
from learn.casesim.services import sync_cases
from learn.content import score
from learn.extensions import db
from learn.groups.models import Group, Membership
from learn.lessons.models import ExerciseAnswer, PageProgress
from learn.trainers.models import Assignment, CaseSet, SetItem

CASES = ["zus-kan-niet-meer", "geen-netwerk-whatsapp", "moeder-bang-voor-terugval",
         "gemiste-afspraken", "vriend-die-mee-wil"]  # fmt: skip
MODULE = "haakjes-zoeken"


def walks(content, rng: random.Random, n: int) -> list[list[tuple[str, int | None]]]:
    found = []
    for _ in range(n):
        scene, steps = content.scenes[content.start], []
        while scene.kind != "ending" and len(steps) < 40:
            if scene.kind == "decision":
                choice = rng.choice(scene.choices)
                steps.append((scene.id, choice.index))
                scene = content.scenes[choice.next]
            else:
                steps.append((scene.id, None))
                scene = content.scenes[scene.next]
        found.append(steps)
    return found


def account(user_id: int, name: str, display: str, trainer: bool) -> dict:
    """A user row that cannot log in with a password ("!" matches none)."""
    return dict(
        id=user_id, email=f"{name}@b.test", display_name=display, password_hash="!",  # noqa: S106
        is_trainer=trainer, language="nl", is_admin=False, active=True,
        session_token=f"bench-{name}", created_at=utcnow(),
    )  # fmt: skip


def generate(scale: int, class_size: int, rng: random.Random) -> tuple[int, int, int]:
    """Everything in bulk inserts; returns (trainer id, measured class id, assignment id)."""
    cases = {c.slug: c for c in db.session.scalars(select(Case).where(Case.slug.in_(CASES)))}
    versions = {slug: case.current_version for slug, case in cases.items()}
    paths = {slug: walks(v.content, rng, 300) for slug, v in versions.items()}
    scores = {slug: [score(versions[slug].content, p) for p in ps] for slug, ps in paths.items()}
    now = utcnow()
    n_classes, n_students = 60 * scale, 2000 * scale
    trainer_rows = [account(i + 1, f"t{i}", f"Trainer {i}", True) for i in range(n_classes + 1)]
    first_student = n_classes + 2
    total_students = n_students + class_size
    student_rows = [
        account(first_student + i, f"s{i}", f"Student {i:05d}", False)
        for i in range(total_students)
    ]
    db.session.execute(insert(User), trainer_rows + student_rows)
    groups = [
        dict(id=g + 1, kind="klas", name=f"Klas {g}", description="", join_code=f"B{g:07d}",
             created_at=now)
        for g in range(n_classes + 1)
    ]  # fmt: skip
    db.session.execute(insert(Group), groups)
    members = [dict(group_id=g + 1, user_id=g + 1, role="trainer", joined_at=now)
               for g in range(n_classes + 1)]  # fmt: skip
    for i in range(total_students):
        group = n_classes + 1 if i >= n_students else 1 + i % n_classes
        members.append(
            dict(group_id=group, user_id=first_student + i, role="student", joined_at=now)
        )
    db.session.execute(insert(Membership), members)
    case_set = CaseSet(owner_id=n_classes + 1, name="Bench")
    case_set.items = [
        SetItem(position=i + 1, kind="case", ref=s, note="") for i, s in enumerate(CASES)
    ]
    case_set.items.append(SetItem(position=len(CASES) + 1, kind="module", ref=MODULE, note=""))
    db.session.add(case_set)
    db.session.flush()
    due = now + timedelta(days=3)
    assignments = [
        dict(set_id=case_set.id, group_id=g + 1, due_at=due, created_at=now)
        for g in range(n_classes + 1)
    ]
    db.session.execute(insert(Assignment), assignments)
    attempt_rows, step_rows, page_rows, answer_rows = [], [], [], []
    attempt_id, choices = 0, 0
    target = 200_000 * scale
    budget = target // total_students  # choices per student
    for i in range(total_students):
        user_id = first_student + i
        made = 0
        while made < budget:
            slug = rng.choice(CASES)
            k = rng.randrange(len(paths[slug]))
            steps, finished = paths[slug][k], rng.random() < 0.85
            steps = steps if finished else steps[: max(1, len(steps) // 2)]
            attempt_id += 1
            started = now - timedelta(hours=rng.randint(1, 200))
            attempt_rows.append(dict(
                id=attempt_id, user_id=user_id, case_version_id=versions[slug].id,
                start_token=f"b{attempt_id}", started_at=started,
                finished_at=started + timedelta(minutes=15) if finished else None,
                current_scene=steps[-1][0], step_count=len(steps),
                scores=scores[slug][k] if finished else None,
            ))  # fmt: skip
            for number, (scene_id, index) in enumerate(steps, start=1):
                step_rows.append(dict(attempt_id=attempt_id, number=number, scene_id=scene_id,
                                      choice_index=index, created_at=started))  # fmt: skip
                choices += index is not None
                made += index is not None
        for page in ("01", "02", "03"):
            page_rows.append(dict(user_id=user_id, module_id=MODULE, page_id=page, done_at=now))
        answer_rows.append(
            dict(user_id=user_id, module_id=MODULE, exercise_id="x", kind="meerkeuze", text="",
                 answer={}, result={"correct": True}, shared=False, created_at=now, updated_at=now)
        )  # fmt: skip
        if len(step_rows) > 20_000:
            flush(attempt_rows, step_rows)
    flush(attempt_rows, step_rows)
    db.session.execute(insert(PageProgress), page_rows)
    db.session.execute(insert(ExerciseAnswer), answer_rows)
    db.session.commit()
    print(f"generated: {total_students} students in {n_classes + 1} classes, "
          f"{attempt_id} attempts, {choices} choices (target about {target})")  # fmt: skip
    measured = db.session.scalar(select(Assignment.id).where(Assignment.group_id == n_classes + 1))
    return n_classes + 1, n_classes + 1, measured


def flush(attempt_rows: list, step_rows: list) -> None:
    if attempt_rows:
        db.session.execute(insert(Attempt), attempt_rows)
    if step_rows:
        db.session.execute(insert(AttemptStep), step_rows)
    attempt_rows.clear()
    step_rows.clear()


def profile(trainer_id: int, group_id: int, assignment_id: int) -> None:
    import cProfile
    import pstats

    client = current_client(trainer_id)
    path = os.environ["BENCH_PROFILE"].format(g=group_id, a=assignment_id)
    client.get(path)
    with cProfile.Profile() as prof:
        client.get(path)
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def current_client(trainer_id: int):
    from flask import current_app

    client = current_app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = db.session.get(User, trainer_id).session_token
        session["_fresh"] = True
    return client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--class-size", type=int, default=40)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = os.environ.get("KRING_DATABASE_URL", "")
    tmp = tempfile.mkdtemp(prefix="kring-bench-")
    database = url or f"sqlite:///{tmp}/bench.sqlite3"
    app = create_app(
        {"KRING_ENV": "testing", "RATELIMIT_ENABLED": False, "SQLALCHEMY_DATABASE_URI": database}
    )
    with app.app_context():
        if url:
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
        sync_cases(Path(app.config["CASES_DIR"]), Path(app.config["MODULES_DIR"]))
        started = time.perf_counter()
        trainer_id, group_id, assignment_id = generate(
            args.scale, args.class_size, random.Random(7)
        )
        print(f"generation took {time.perf_counter() - started:.0f} s")
        if os.environ.get("BENCH_PROFILE"):
            profile(trainer_id, group_id, assignment_id)
        if url:
            with db.engine.begin() as connection:
                connection.execute(text("ANALYZE"))
        token = db.session.get(User, trainer_id).session_token
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = token
        session["_fresh"] = True
    pages = {
        "class overview (matrix)": f"/classes/{group_id}/assignments/{assignment_id}",
        "per-case analytics": f"/classes/{group_id}/cases/{CASES[0]}",
        "per-case, all attempts": f"/classes/{group_id}/cases/{CASES[0]}?attempts=all",
        "matrix CSV": f"/classes/{group_id}/assignments/{assignment_id}/results.csv",
        "choices CSV": f"/classes/{group_id}/cases/{CASES[0]}/choices.csv",
    }
    db_kind = "PostgreSQL" if url else "SQLite"
    print(
        f"\n{db_kind}, scale {args.scale}, class of {args.class_size}: median / best of {args.runs}"
    )
    for name, path in pages.items():
        times = []
        for _ in range(args.runs + 1):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        times = times[1:]  # the first request warms caches (parsed case versions)
        print(f"  {name:26} {statistics.median(times):7.1f} ms  {min(times):7.1f} ms")


if __name__ == "__main__":
    main()
