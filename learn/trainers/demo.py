"""Demo results for the demo class: a set with a due date and a dozen demo students who
played its cases along different paths and did part of a module. Loading twice changes
nothing; the students are marked as demo in their name and e-mail address.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from flask import current_app
from sqlalchemy import select

from learn.auth.models import User, utcnow
from learn.casesim.models import Attempt, AttemptStep, Case
from learn.casesim.services import sync_cases
from learn.content import score
from learn.exercises.registry import kind_of
from learn.extensions import db
from learn.groups.models import Group, Role
from learn.lessons.catalog import all_modules
from learn.lessons.models import PageProgress
from learn.lessons.services import save_answer
from learn.trainers.models import Assignment, CaseSet, SetItem

DEMO_SET = "Demo-set: triadisch gesprek"
DEMO_CASES = ("moeder-bang-voor-terugval", "geen-netwerk-whatsapp")
DEMO_MODULE = "triadisch-gesprek"
FIRST_NAMES = ["Amira", "Bram", "Chantal", "Daan", "Emre", "Fleur", "Gijs", "Hanna",
               "Ilias", "Jasmijn", "Kees", "Lotte"]  # fmt: skip


def load_demo_results(group: Group, trainer: User) -> None:
    """Sync the content if needed, then add the set, the students and their work once."""
    if db.session.scalar(select(CaseSet).where(CaseSet.name == DEMO_SET)) is not None:
        return
    config = current_app.config
    sync_cases(Path(config["CASES_DIR"]), Path(config["MODULES_DIR"]))
    cases = [c for slug in DEMO_CASES if (c := _case(slug)) is not None]
    module = all_modules().get(DEMO_MODULE)
    case_set = CaseSet(owner_id=trainer.id, name=DEMO_SET, shared_group_id=group.id)
    items = [SetItem(kind="case", ref=c.slug, note="") for c in cases]
    if module is not None:
        items.append(SetItem(kind="module", ref=module.id, note="Lees eerst de module."))
    for position, item in enumerate(items, start=1):
        item.position = position
    case_set.items = items
    db.session.add(case_set)
    db.session.add(Assignment(set=case_set, group_id=group.id, due_at=utcnow() + timedelta(days=7)))
    rng = random.Random(2026)  # noqa: S311  (the same demo every time; not a secret)
    for n, name in enumerate(FIRST_NAMES, start=1):
        student = _student(n, name)
        if group.membership_of(student) is None:
            group.add_member(student, Role.STUDENT)
        for case in cases:
            if rng.random() < 0.9:
                _play(student, case, rng, finish=rng.random() < 0.85)
        if module is not None and n % 2:
            _read_part(student, module, rng)
    db.session.commit()


def _case(slug: str) -> Case | None:
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    return case if case is not None and case.current_version is not None else None


def _student(n: int, name: str) -> User:
    email = f"demo-student-{n:02d}@kring.test"
    user = User.by_email(email)
    if user is None:
        # No password can match "!": demo students are there to be looked at, not to log in.
        user = User(email=email, display_name=f"{name} (demo)", password_hash="!")  # noqa: S106
        db.session.add(user)
        db.session.flush()
    return user


def _play(student: User, case: Case, rng: random.Random, *, finish: bool) -> None:
    """A path through the case: mostly strong choices, sometimes a risky one."""
    version = case.current_version
    content = version.content
    scene = content.scenes[content.start]
    steps: list[tuple[str, int | None]] = []
    while scene.kind != "ending" and len(steps) < 30:
        if scene.kind == "decision":
            weights = [{"sterk": 5, "begrijpelijk": 3}.get(c.quality, 2) for c in scene.choices]
            choice = rng.choices(scene.choices, weights=weights)[0]
            steps.append((scene.id, choice.index))
            scene = content.scenes[choice.next]
        else:
            steps.append((scene.id, None))
            scene = content.scenes[scene.next]
    if not finish:
        steps = steps[: max(1, len(steps) // 2)]
    finished = finish and scene.kind == "ending"
    current = scene.id if finished else content.scenes[steps[-1][0]].id
    started = utcnow() - timedelta(days=rng.randint(1, 5), minutes=rng.randint(0, 600))
    attempt = Attempt(
        user_id=student.id,
        case_version_id=version.id,
        start_token=f"demo-{student.id}-{case.slug}"[:64],
        started_at=started,
        finished_at=started + timedelta(minutes=12) if finished else None,
        current_scene=current,
        step_count=len(steps),
        scores=score(content, steps) if finished else None,
    )
    attempt.steps = [
        AttemptStep(number=i, scene_id=sid, choice_index=idx, created_at=started)
        for i, (sid, idx) in enumerate(steps, start=1)
    ]
    db.session.add(attempt)


def _read_part(student: User, module, rng: random.Random) -> None:
    for page in module.pages[: rng.randint(1, len(module.pages))]:
        db.session.add(PageProgress(user_id=student.id, module_id=module.id, page_id=page.id))
    reflections = [e for e in module.exercises.values() if kind_of(e).edits_text]
    for exercise in reflections[:1]:
        save_answer(
            student, module.id, exercise.id, "reflectie",
            text="Ik merkte dat ik snel de regie overnam van de cliënt.",
        )  # fmt: skip
