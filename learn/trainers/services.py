"""Sets, assignments and who did what, read from the database for a bounded group of students.

Every query here is limited to the students of one class (or one student), so its cost
grows with the class, not with the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from learn.auth.models import User
from learn.casesim.models import Attempt, Case, CaseVersion
from learn.content.modules import Module
from learn.extensions import db
from learn.groups.models import Group, GroupKind, Membership, Role
from learn.lessons.models import ExerciseAnswer, ModuleCompletion, PageProgress
from learn.lessons.services import ModuleProgress, is_answered, module_progress
from learn.trainers.models import Assignment, CaseSet, Extension, ItemKind, SetItem
from learn.trainers.status import Deadlines, Status, item_status

# --- who may do what -------------------------------------------------------------------------


def is_class_trainer(user: User, group: Group | None) -> bool:
    if group is None or group.kind != GroupKind.CLASS or not user.is_authenticated:
        return False
    membership = group.membership_of(user)
    return membership is not None and membership.role == Role.TRAINER


def writable(group: Group) -> bool:
    """Archived classes are read-only for everyone."""
    return group.archived_at is None


def trainer_classes(user: User, *, archived: bool = False) -> list[Group]:
    query = (
        select(Group)
        .join(Membership)
        .where(
            Membership.user_id == user.id,
            Membership.role == Role.TRAINER,
            Group.kind == GroupKind.CLASS,
            Group.archived_at.is_not(None) if archived else Group.archived_at.is_(None),
        )
        .order_by(Group.name)
    )
    return list(db.session.scalars(query))


def editable_sets(user: User) -> list[CaseSet]:
    """The user's own sets and those shared with a class they train."""
    class_ids = [group.id for group in trainer_classes(user)]
    query = select(CaseSet).where(
        or_(CaseSet.owner_id == user.id, CaseSet.shared_group_id.in_(class_ids))
    )
    return list(db.session.scalars(query.order_by(CaseSet.name, CaseSet.id)))


def can_edit_set(user: User, case_set: CaseSet | None) -> bool:
    if case_set is None or not user.is_authenticated:
        return False
    if case_set.owner_id == user.id:
        return True
    shared = db.session.get(Group, case_set.shared_group_id) if case_set.shared_group_id else None
    return shared is not None and writable(shared) and is_class_trainer(user, shared)


def copy_set(case_set: CaseSet, owner: User, name: str) -> CaseSet:
    copy = CaseSet(owner_id=owner.id, name=name[:120])
    copy.items = [
        SetItem(position=item.position, kind=item.kind, ref=item.ref, note=item.note)
        for item in case_set.items
    ]
    db.session.add(copy)
    return copy


def renumber(case_set: CaseSet) -> None:
    for position, item in enumerate(case_set.items, start=1):
        item.position = position


def students_of(group: Group) -> list[User]:
    query = (
        select(User)
        .join(Membership)
        .where(Membership.group_id == group.id, Membership.role == Role.STUDENT)
        .order_by(User.display_name, User.id)
    )
    return list(db.session.scalars(query))


# --- facts about the students' work ----------------------------------------------------------


@dataclass
class CaseFact:
    started: bool = False
    done_at: datetime | None = None
    score: int | None = None  # share of the best achievable, in percent
    first_finished_id: int | None = None
    open_attempt_id: int | None = None


@dataclass
class ModuleFact:
    progress: ModuleProgress
    started: bool
    done_at: datetime | None


def case_facts(user_ids: list[int], slugs: Iterable[str]) -> dict[tuple[int, str], CaseFact]:
    """Per (student, case slug): started, first finished time and score, an open attempt.

    Two grouped queries over the students' attempts on the cases' versions (index on
    user and version), and one for the scores of the first finished attempts only.
    """
    facts: dict[tuple[int, str], CaseFact] = {}
    versions = db.session.execute(
        select(CaseVersion.id, Case.slug, CaseVersion.bounds)
        .join(Case, CaseVersion.case_id == Case.id)
        .where(Case.slug.in_(set(slugs)))
    ).all()
    if not user_ids or not versions:
        return facts
    slug_of = {version_id: slug for version_id, slug, _b in versions}
    bounds_of = {version_id: bounds or {} for version_id, _s, bounds in versions}
    mine = (Attempt.user_id.in_(user_ids), Attempt.case_version_id.in_(slug_of))
    case_id = CaseVersion.case_id
    summary = (
        select(
            Attempt.user_id,
            case_id,
            func.min(Attempt.finished_at),
            func.max(Attempt.id).filter(Attempt.finished_at.is_(None)),
            func.min(Attempt.case_version_id),
        )
        .join(CaseVersion, Attempt.case_version_id == CaseVersion.id)
        .where(*mine)
        .group_by(Attempt.user_id, case_id)
    )
    first_done = {}
    for user_id, _case, done_at, open_id, any_version in db.session.execute(summary):
        slug = slug_of[any_version]
        facts[(user_id, slug)] = CaseFact(True, done_at, None, None, open_id)
        if done_at is not None:
            first_done[(user_id, done_at)] = slug
    if first_done:
        finished = select(
            Attempt.user_id,
            Attempt.finished_at,
            Attempt.id,
            Attempt.case_version_id,
            Attempt.scores,
        ).where(*mine, Attempt.finished_at.in_({at for _u, at in first_done}))
        for user_id, at, attempt_id, version_id, scores in db.session.execute(finished):
            fact = facts.get((user_id, slug_of[version_id]))
            if fact is not None and fact.done_at == at and fact.first_finished_id is None:
                fact.first_finished_id = attempt_id
                fact.score = score_share(scores or {}, bounds_of[version_id])
    return facts


def score_share(scores: dict, bounds: dict, key: str = "total") -> int | None:
    """Where a score lies between the worst (0%) and best (100%) possible path."""
    low, high = bounds.get("worst", {}).get(key), bounds.get("best", {}).get(key)
    points = scores.get(key)
    if points is None or low is None or high is None or high <= low:
        return None
    return round(100 * (points - low) / (high - low))


def module_facts(
    user_ids: list[int], modules: Iterable[Module]
) -> dict[tuple[int, str], ModuleFact]:
    """Per (student, module): pages read, exercises answered, completion time."""
    modules = {module.id: module for module in modules}
    if not user_ids or not modules:
        return {}
    read: dict[tuple[int, str], set[str]] = {}
    pages = select(PageProgress.user_id, PageProgress.module_id, PageProgress.page_id).where(
        PageProgress.user_id.in_(user_ids), PageProgress.module_id.in_(modules)
    )
    for user_id, module_id, page_id in db.session.execute(pages):
        read.setdefault((user_id, module_id), set()).add(page_id)
    answered: dict[tuple[int, str], set[str]] = {}
    answers = select(
        ExerciseAnswer.user_id,
        ExerciseAnswer.module_id,
        ExerciseAnswer.exercise_id,
        ExerciseAnswer.kind,
        ExerciseAnswer.text,
        ExerciseAnswer.result,
    ).where(ExerciseAnswer.user_id.in_(user_ids), ExerciseAnswer.module_id.in_(modules))
    touched = set()
    for user_id, module_id, exercise_id, kind, text, result in db.session.execute(answers):
        touched.add((user_id, module_id))
        if is_answered(kind, text, result):
            answered.setdefault((user_id, module_id), set()).add(exercise_id)
    completions = select(
        ModuleCompletion.user_id, ModuleCompletion.module_id, ModuleCompletion.completed_at
    ).where(ModuleCompletion.user_id.in_(user_ids), ModuleCompletion.module_id.in_(modules))
    done = {(u, m): at for u, m, at in db.session.execute(completions)}
    facts = {}
    for user_id in user_ids:
        for module_id, module in modules.items():
            key = (user_id, module_id)
            progress = module_progress(module, read.get(key, set()), answered.get(key, set()))
            facts[key] = ModuleFact(
                progress, key in read or key in touched, done.get(key) if progress.done else None
            )
    return facts


# --- statuses --------------------------------------------------------------------------------


def deadlines_for(assignment: Assignment) -> dict[int, Deadlines]:
    """Each student's deadlines that differ from the class's (their extension or exemption)."""
    base = Deadlines(assignment.due_at, assignment.cutoff_at)
    return {ext.user_id: base.extended(ext.due_at, ext.excused) for ext in assignment.extensions}


@dataclass
class Cell:
    item: SetItem
    status: Status
    done_at: datetime | None
    score: int | None  # cases: share of best; modules: None
    progress: ModuleProgress | None
    attempt_id: int | None  # first finished attempt, else the open one


def assignment_cells(
    assignment: Assignment, students: list[User], modules: dict[str, Module], now: datetime
) -> dict[int, list[Cell]]:
    """Per student id, one cell per item of the set, in set order."""
    ids = [student.id for student in students]
    items = assignment.set.items
    cases = case_facts(ids, [i.ref for i in items if i.kind == ItemKind.CASE])
    module_list = [modules[i.ref] for i in items if i.kind == ItemKind.MODULE and i.ref in modules]
    mods = module_facts(ids, module_list)
    special = deadlines_for(assignment)
    base = Deadlines(assignment.due_at, assignment.cutoff_at)
    grid: dict[int, list[Cell]] = {}
    for user_id in ids:
        deadlines = special.get(user_id, base)
        row = []
        for item in items:
            if item.kind == ItemKind.CASE:
                fact = cases.get((user_id, item.ref), CaseFact())
                status = item_status(deadlines, started=fact.started, done_at=fact.done_at, now=now)
                attempt = fact.first_finished_id or fact.open_attempt_id
                row.append(Cell(item, status, fact.done_at, fact.score, None, attempt))
            else:
                mfact = mods.get((user_id, item.ref))
                started = mfact.started if mfact else False
                done_at = mfact.done_at if mfact else None
                status = item_status(deadlines, started=started, done_at=done_at, now=now)
                progress = mfact.progress if mfact else None
                row.append(Cell(item, status, done_at, None, progress, None))
        grid[user_id] = row
    return grid


def class_assignments(group: Group) -> list[Assignment]:
    query = select(Assignment).where(Assignment.group_id == group.id)
    return list(db.session.scalars(query.order_by(Assignment.due_at, Assignment.id)))


def student_assignments(user: User, now: datetime) -> list[Assignment]:
    """Open assignments of the student's (not archived) classes, soonest due first."""
    query = (
        select(Assignment)
        .join(Group, Assignment.group_id == Group.id)
        .join(Membership, Membership.group_id == Group.id)
        .where(
            Membership.user_id == user.id,
            Membership.role == Role.STUDENT,
            Group.archived_at.is_(None),
            or_(Assignment.starts_at.is_(None), Assignment.starts_at <= now),
        )
    )
    found = list(db.session.scalars(query))
    return sorted(found, key=lambda a: (a.due_at is None, a.due_at or now, a.id))


def extension_of(assignment: Assignment, user_id: int) -> Extension | None:
    return next((ext for ext in assignment.extensions if ext.user_id == user_id), None)
