"""Per case and per decision: how a class chose. Counting happens in SQL; the report is a
plain function of those counts and the case version's content, so it is easy to test.

A choice's identity is `AttemptStep.choice_index`: its 1-based position in the authored
case file of the attempt's pinned version (screens may shuffle options). Counts are
therefore always read against that version's content, one report per version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Integer, and_, case, cast, func, not_, null, select

from learn.casesim.models import Attempt, AttemptStep, CaseVersion
from learn.content import Case as CaseContent
from learn.extensions import db
from learn.lessons.models import ExerciseAnswer
from learn.trainers.services import score_share

HIDE_BELOW = 3  # the projection view hides counts smaller than this


# --- counting in SQL -------------------------------------------------------------------------


def selected_attempts(case_id: int, user_ids: list[int], *, all_attempts: bool):
    """A subquery of attempt ids: every attempt, or each student's first finished one."""
    base = (
        select(Attempt.id.label("id"))
        .join(CaseVersion, Attempt.case_version_id == CaseVersion.id)
        .where(CaseVersion.case_id == case_id, Attempt.user_id.in_(user_ids))
    )
    if all_attempts:
        return base.subquery()
    first = (
        select(Attempt.user_id, func.min(Attempt.finished_at).label("at"))
        .join(CaseVersion, Attempt.case_version_id == CaseVersion.id)
        .where(
            CaseVersion.case_id == case_id,
            Attempt.user_id.in_(user_ids),
            Attempt.finished_at.is_not(None),
        )
        .group_by(Attempt.user_id)
        .subquery()
    )
    return base.join(
        first, and_(first.c.user_id == Attempt.user_id, first.c.at == Attempt.finished_at)
    ).subquery()


@dataclass
class Counts:
    """Raw counts for one case version."""

    reached: dict[str, int] = field(default_factory=dict)  # scene -> attempts
    chosen: dict[tuple[str, int], int] = field(default_factory=dict)  # (scene, choice) -> attempts
    mean_total: dict[tuple[str, int], float] = field(default_factory=dict)
    again: dict[str, int] = field(default_factory=dict)  # scene -> attempts that chose twice
    quit: dict[str, int] = field(default_factory=dict)  # scene -> unfinished attempts there
    endings: dict[str, int] = field(default_factory=dict)
    finished_scores: list[dict] = field(default_factory=list)
    attempts: int = 0


def count_choices(case_id: int, user_ids: list[int], *, all_attempts: bool) -> dict[int, Counts]:
    """Counts per case version id, for the selected attempts of these students."""
    chosen = selected_attempts(case_id, user_ids, all_attempts=all_attempts)
    result: dict[int, Counts] = {}

    def counts(version_id: int) -> Counts:
        return result.setdefault(version_id, Counts())

    total = cast(Attempt.scores["total"].as_string(), Integer)
    per_choice = (
        select(
            Attempt.case_version_id,
            AttemptStep.scene_id,
            AttemptStep.choice_index,
            func.count(func.distinct(AttemptStep.attempt_id)),
            func.avg(total),
        )
        .join(Attempt, AttemptStep.attempt_id == Attempt.id)
        .where(AttemptStep.attempt_id.in_(select(chosen.c.id)))
        .group_by(Attempt.case_version_id, AttemptStep.scene_id, AttemptStep.choice_index)
    )
    for version_id, scene_id, index, number, mean in db.session.execute(per_choice):
        if index is not None:
            counts(version_id).chosen[(scene_id, index)] = number
            if mean is not None:
                counts(version_id).mean_total[(scene_id, index)] = float(mean)
    visits = (
        select(
            Attempt.case_version_id,
            AttemptStep.scene_id,
            AttemptStep.attempt_id,
            func.count().label("visits"),
        )
        .join(Attempt, AttemptStep.attempt_id == Attempt.id)
        .where(AttemptStep.attempt_id.in_(select(chosen.c.id)))
        .group_by(Attempt.case_version_id, AttemptStep.scene_id, AttemptStep.attempt_id)
        .subquery()
    )
    per_scene = select(
        visits.c.case_version_id,
        visits.c.scene_id,
        func.count(),
        func.count().filter(visits.c.visits > 1),
    ).group_by(visits.c.case_version_id, visits.c.scene_id)
    for version_id, scene_id, reached, again in db.session.execute(per_scene):
        counts(version_id).reached[scene_id] = reached
        counts(version_id).again[scene_id] = again
    per_place = (
        select(
            Attempt.case_version_id,
            Attempt.current_scene,
            Attempt.finished_at.is_not(None),
            func.count(),
        )
        .where(Attempt.id.in_(select(chosen.c.id)))
        .group_by(Attempt.case_version_id, Attempt.current_scene, Attempt.finished_at.is_not(None))
    )
    for version_id, scene_id, finished, number in db.session.execute(per_place):
        target = counts(version_id).endings if finished else counts(version_id).quit
        target[scene_id] = number
        counts(version_id).attempts += number
    scores = select(Attempt.case_version_id, Attempt.scores).where(
        Attempt.id.in_(select(chosen.c.id)), Attempt.finished_at.is_not(None)
    )
    for version_id, attempt_scores in db.session.execute(scores):
        counts(version_id).finished_scores.append(attempt_scores or {})
    return result


# --- the report (plain) ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceRow:
    index: int
    text: str
    quality: str
    count: int
    percent: int
    mean_score: float | None
    hidden: bool  # fewer than HIDE_BELOW: not shown when projecting


@dataclass(frozen=True)
class SceneReport:
    id: str
    title: str
    reached: int
    choices: list[ChoiceRow]
    flags: list[str]  # "riskant", "quit", "again"
    quit: int
    again: int


@dataclass(frozen=True)
class VersionReport:
    number: int
    attempts: int
    scenes: list[SceneReport]
    endings: list[tuple[str, str, int, int]]  # title, tone, count, percent
    profile: list[tuple[str, int | None]]  # competence, class mean share of best (percent)


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def scene_flags(choices: list[ChoiceRow], reached: int, quit: int, again: int) -> list[str]:
    """Which plain-words flags a decision scene earns for the class discussion."""
    flags = []
    risky = sum(c.count for c in choices if c.quality == "riskant")
    if reached and risky * 2 > reached:
        flags.append("riskant")
    if quit:
        flags.append("quit")
    if again:
        flags.append("again")
    return flags


def version_report(
    number: int, content: CaseContent, bounds: dict, counts: Counts
) -> VersionReport:
    scenes = []
    for scene in content.scenes.values():
        if scene.kind != "decision":
            continue
        reached = counts.reached.get(scene.id, 0)
        rows = []
        for choice in scene.choices:
            count = counts.chosen.get((scene.id, choice.index), 0)
            rows.append(
                ChoiceRow(
                    index=choice.index,
                    text=choice.text,
                    quality=choice.quality,
                    count=count,
                    percent=percent(count, reached),
                    mean_score=counts.mean_total.get((scene.id, choice.index)),
                    hidden=0 < count < HIDE_BELOW,
                )
            )
        quit = counts.quit.get(scene.id, 0)
        again = counts.again.get(scene.id, 0)
        scenes.append(
            SceneReport(
                scene.id, scene.title, reached, rows, scene_flags(rows, reached, quit, again),
                quit, again,
            )
        )  # fmt: skip
    finished = sum(counts.endings.values())
    endings = [
        (
            content.scenes[scene_id].title,
            content.scenes[scene_id].ending.tone,
            n,
            percent(n, finished),
        )
        for scene_id, n in sorted(counts.endings.items(), key=lambda kv: -kv[1])
        if scene_id in content.scenes and content.scenes[scene_id].ending
    ]
    profile = []
    for key in content.competences:
        shares = [score_share(s, bounds, key) for s in counts.finished_scores]
        shares = [s for s in shares if s is not None]
        profile.append((key, round(sum(shares) / len(shares)) if shares else None))
    return VersionReport(number, counts.attempts, scenes, endings, profile)


def case_report(case_id: int, user_ids: list[int], *, all_attempts: bool) -> list[VersionReport]:
    """One report per case version that the selected attempts were played on, newest first."""
    counted = count_choices(case_id, user_ids, all_attempts=all_attempts) if user_ids else {}
    versions = db.session.scalars(
        select(CaseVersion).where(CaseVersion.id.in_(counted)).order_by(CaseVersion.number.desc())
    )
    return [version_report(v.number, v.content, v.bounds or {}, counted[v.id]) for v in versions]


# --- modules ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExerciseResult:
    """The class's answers to one exercise; the means are over those who answered."""

    answered: int
    correct_share: float | None = None  # meerkeuze
    precision: float | None = None  # haakjes
    recall: float | None = None  # haakjes
    map_percent: float | None = None  # netwerkkaart


def exercise_results(module_id: str, user_ids: list[int]) -> dict[str, ExerciseResult]:
    """Per exercise id, averaged in SQL over the students' stored results."""
    if not user_ids:
        return {}
    result = ExerciseAnswer.result
    # Only answers that have a "correct" field (multiple choice) count; others stay NULL,
    # which AVG leaves out.
    is_correct = result["correct"].as_boolean()
    correct = case((is_correct, 1.0), (not_(is_correct), 0.0), else_=null())
    query = (
        select(
            ExerciseAnswer.exercise_id,
            func.count(),
            func.avg(correct),
            func.avg(result["precision"].as_float()),
            func.avg(result["recall"].as_float()),
            func.avg(result["percent"].as_float()),
        )
        .where(ExerciseAnswer.module_id == module_id, ExerciseAnswer.user_id.in_(user_ids))
        .group_by(ExerciseAnswer.exercise_id)
    )
    return {
        exercise_id: ExerciseResult(answered, *(None if v is None else float(v) for v in means))
        for exercise_id, answered, *means in db.session.execute(query)
    }
