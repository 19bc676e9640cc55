"""Case library and attempts in the database: sync, start, record a step, profile."""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from learn.auth.models import User, utcnow
from learn.casesim import engine
from learn.casesim.models import Attempt, AttemptStep, Case, CaseVersion, ContentState, steps_of
from learn.content.cases import case_to_dict, content_hash
from learn.content.cases.checker import load_cases
from learn.content.cases.graph import best_path
from learn.content.cases.graph import score_bounds as graph_bounds
from learn.content.cases.scoring import score
from learn.content.files import folder_digest
from learn.content.modules import load_modules
from learn.content.problems import Report
from learn.extensions import commit_keeping_loaded, db

# --- syncing files into versions -------------------------------------------------------------


@dataclass
class SyncResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    report: Report | None = None


def _bounds(content) -> dict:
    bounds = graph_bounds(content)
    return {
        "worst": {key: low for key, (low, _high) in bounds.items()},
        "best": {key: high for key, (_low, high) in bounds.items()},
        # Stored like an attempt's steps: the ending itself is where the last step leads.
        "best_path": [
            list(step) for step in best_path(content) if content.scenes[step[0]].kind != "ending"
        ],
    }


def sync_cases(cases_dir: Path, modules_dir: Path | None = None) -> SyncResult:
    """Load every valid case file (and the triadic cases inside modules) as versions.

    A changed file becomes a new version. Files with errors are skipped (the report says
    why) and their case keeps its current version. Cases whose file is gone are retired,
    never deleted: learners' attempts on them stay readable.
    """
    loaded, report = load_cases(cases_dir)
    result = SyncResult(report=report)
    seen = set()
    for _path, text, content in loaded:
        seen.add(content.id)
        _sync_one(content.id, content_hash(text), content, listed=True, result=result)
    if modules_dir is not None:
        modules, module_report = load_modules(modules_dir, cases_dir)
        report.problems.extend(module_report.problems)
        for module in modules:
            for case_id, content in module.cases.items():
                slug = f"{module.id}--{case_id}"
                seen.add(slug)
                digest = content_hash(json.dumps(case_to_dict(content), sort_keys=True))
                _sync_one(slug, digest, content, listed=False, result=result)
    for case in db.session.scalars(select(Case).where(Case.retired.is_(False))):
        # A file that is there but has errors keeps its case at the last good version.
        file_exists = case.listed and (cases_dir / f"{case.slug}.yaml").exists()
        if case.slug not in seen and not file_exists:
            case.retired = True
            result.retired.append(case.slug)
    record_content_change(
        changed=bool(result.added or result.updated or result.retired),
        modules_digest=folder_digest(modules_dir) if modules_dir is not None else None,
    )
    db.session.commit()
    return result


def record_content_change(*, changed: bool, modules_digest: str | None) -> None:
    """Bump the content version when cases or module files changed, so every instance
    reloads its module cache (see `learn.lessons.catalog`)."""
    state = db.session.get(ContentState, 1)
    if state is None:
        state = ContentState(id=1, version=0, modules_digest="")
        db.session.add(state)
    if modules_digest is not None and modules_digest != state.modules_digest:
        state.modules_digest, changed = modules_digest, True
    if changed:
        state.version += 1
        state.changed_at = utcnow()


def content_version() -> int:
    """The current content version (0 before the first sync): one primary-key lookup."""
    return db.session.scalar(select(ContentState.version).where(ContentState.id == 1)) or 0


def _sync_one(slug: str, digest: str, content, *, listed: bool, result: SyncResult) -> None:
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    if case is None:
        case = Case(slug=slug, listed=listed)
        db.session.add(case)
        db.session.flush()
    current = case.current_version
    case.retired = False
    if current is not None and current.content_hash == digest:
        result.unchanged.append(slug)
        return
    db.session.add(
        CaseVersion(
            case=case,
            number=current.number + 1 if current else 1,
            content_hash=digest,
            data=case_to_dict(content),
            bounds=_bounds(content),
        )
    )
    db.session.flush()
    (result.added if current is None else result.updated).append(slug)


# --- attempts --------------------------------------------------------------------------------


def playable_cases() -> list[tuple[Case, CaseVersion]]:
    """Every case that is not retired, with its current (newest) version, by title."""
    newest = (
        select(CaseVersion.case_id, func.max(CaseVersion.number).label("number"))
        .group_by(CaseVersion.case_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Case, CaseVersion)
        .join(CaseVersion, CaseVersion.case_id == Case.id)
        .join(newest, (newest.c.case_id == Case.id) & (newest.c.number == CaseVersion.number))
        .where(Case.retired.is_(False), Case.listed.is_(True))
    ).all()
    return sorted(((case, version) for case, version in rows), key=lambda r: r[1].content.title)


def start_attempt(user: User, case: Case, start_token: str) -> Attempt:
    """A new attempt on the case's current version; the same token returns the same attempt.

    A token only ever names one user's attempt on one case: reused for another
    case it would tie, say, a module exercise to an attempt it never started.
    """
    existing = db.session.scalar(select(Attempt).where(Attempt.start_token == start_token))
    if existing is not None:
        if existing.user_id != user.id:
            raise PermissionError("start token of another user")
        if existing.version.case_id != case.id:
            raise PermissionError("start token of an attempt on another case")
        return existing
    version = case.current_version
    attempt = Attempt(
        user_id=user.id,
        case_version_id=version.id,
        start_token=start_token,
        current_scene=version.content.start,
    )
    db.session.add(attempt)
    try:
        db.session.commit()
    except IntegrityError:  # a parallel request inserted it first: check that one as above
        db.session.rollback()
        return start_attempt(user, case, start_token)
    return attempt


class StepOutcome(enum.Enum):
    RECORDED = "recorded"
    REPEATED = "repeated"  # the same step again (double click, resent form): nothing changes
    STALE = "stale"  # an old page (back button) with another choice: refused, nothing lost
    INVALID = "invalid"  # not a move this scene allows
    FINISHED = "finished"  # the attempt has already ended


def record_step(attempt: Attempt, number: int, choice_index: int | None) -> StepOutcome:
    """Store step `number` of `attempt`, exactly once, however often it is posted."""
    if number <= attempt.step_count:
        earlier = db.session.scalar(
            select(AttemptStep).where(
                AttemptStep.attempt_id == attempt.id, AttemptStep.number == number
            )
        )
        same = earlier is not None and earlier.choice_index == choice_index
        return StepOutcome.REPEATED if same else StepOutcome.STALE
    if number != attempt.step_count + 1:
        return StepOutcome.STALE
    if attempt.finished:
        return StepOutcome.FINISHED
    content = attempt.version.content
    scene = content.scenes[attempt.current_scene]
    try:
        next_scene = engine.target(scene, choice_index)
    except engine.InvalidMove:
        return StepOutcome.INVALID
    # Everything is worked out before the write, so the insert and the update are one unit.
    finished = content.scenes[next_scene].kind == "ending"
    steps = [*steps_of(attempt), (scene.id, choice_index)] if finished else []
    try:
        # Into the loaded collection, so the page rendered next sees this step without a query.
        attempt.steps.append(
            AttemptStep(number=number, scene_id=scene.id, choice_index=choice_index)
        )
        attempt.step_count = number
        attempt.current_scene = next_scene
        if finished:
            attempt.finished_at = utcnow()
            attempt.scores = score(content, steps)
        commit_keeping_loaded()
    except IntegrityError:  # another request stored this step number a moment earlier
        db.session.rollback()
        db.session.refresh(attempt)
        return record_step(attempt, number, choice_index)
    return StepOutcome.RECORDED


# --- the learner's overview ------------------------------------------------------------------


def attempts_by_case(user: User) -> dict[int, list[Attempt]]:
    """The user's attempts grouped by case id, newest first."""
    grouped: dict[int, list[Attempt]] = {}
    query = (
        select(Attempt)
        .join(CaseVersion)
        .where(Attempt.user_id == user.id)
        .order_by(Attempt.started_at.desc(), Attempt.id.desc())
    )
    for attempt in db.session.scalars(query):
        grouped.setdefault(attempt.version.case_id, []).append(attempt)
    return grouped


def status_of(attempts: Iterable[Attempt]) -> str:
    attempts = list(attempts)
    if not attempts:
        return "new"
    if any(a.finished for a in attempts):
        return "done"
    return "in_progress"


@dataclass(frozen=True)
class CompetenceResult:
    key: str
    percent: int | None  # None: no finished case scores this competence yet
    cases: int


def competence_profile(user: User, competence_keys: Iterable[str]) -> list[CompetenceResult]:
    """Per competence: the average, over cases, of where the latest finished attempt
    scored between the case's worst (0%) and best (100%) possible path."""
    shares: dict[str, list[float]] = {key: [] for key in competence_keys}
    for attempts in attempts_by_case(user).values():
        finished = next((a for a in attempts if a.finished and a.scores), None)
        if finished is None:
            continue
        bounds = finished.version.bounds
        for key, points in finished.scores.items():
            low, high = bounds["worst"].get(key), bounds["best"].get(key)
            if key in shares and low is not None and high is not None:
                share = engine.score_share(points, low, high)
                if share is not None:
                    shares[key].append(share)
    return [
        CompetenceResult(
            key=key,
            percent=round(100 * sum(values) / len(values)) if values else None,
            cases=len(values),
        )
        for key, values in shares.items()
    ]
