"""Results of a class: the assignment matrix, per-decision analytics, a student, exports.

Only trainers of the class see these pages; everyone else, its students included, gets
404. Reading works in an archived class; changing anything does not.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from learn.access import Access, access
from learn.auth.models import User, utcnow
from learn.casesim import engine
from learn.casesim.models import Attempt, AttemptStep, Case, CaseVersion
from learn.casesim.services import attempts_by_case, competence_profile, steps_of
from learn.casesim.vocabulary import vocabulary
from learn.downloads import attachment
from learn.exercises.registry import shareable_kinds
from learn.extensions import db
from learn.groups.models import Group, GroupKind, Role
from learn.lessons.catalog import all_modules, module_or_404
from learn.lessons.models import ExerciseAnswer
from learn.live.discussed import discussed_cases, discussed_in_group
from learn.localtime import end_of_day, to_local
from learn.trainers.analytics import case_report, exercise_results
from learn.trainers.blueprint import bp
from learn.trainers.csvfiles import to_csv
from learn.trainers.forms import ExtensionForm
from learn.trainers.helpers import item_titles
from learn.trainers.models import Assignment, Extension, ItemKind
from learn.trainers.services import (
    Cell,
    assignment_cells,
    class_assignments,
    is_class_trainer,
    students_of,
    writable,
)
from learn.trainers.status import Status

PAGE_SIZE = 25


def class_or_404(group_id: int, *, write: bool = False, admins: bool = False) -> Group:
    """A class the current user trains; with ``admins``, any class for an admin too."""
    group = db.session.get(Group, group_id)
    admin = admins and current_user.is_admin and group is not None and group.kind == GroupKind.CLASS
    if not (admin or is_class_trainer(current_user, group)):
        abort(404)
    if write and not writable(group):
        abort(403)
    return group


def assignment_or_404(group: Group, assignment_id: int) -> Assignment:
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.group_id != group.id:
        abort(404)
    return assignment


def assignment_grid(
    group_id: int, assignment_id: int
) -> tuple[Group, Assignment, list[User], dict[int, list[Cell]]]:
    """The class, the assignment, its students, and a status cell per student and item: what
    the results page and its CSV both show."""
    group = class_or_404(group_id)
    assignment = assignment_or_404(group, assignment_id)
    students = students_of(group)
    return (
        group,
        assignment,
        students,
        assignment_cells(assignment, students, all_modules(), utcnow()),
    )


def student_or_404(group: Group, user_id: int) -> User:
    membership = next(
        (m for m in group.memberships if m.user_id == user_id and m.role == Role.STUDENT), None
    )
    if membership is None:
        abort(404)
    return membership.user


@bp.route("/classes/<int:group_id>/results")
@access(Access.CLASS_TRAINER)
def class_results(group_id: int):
    group = class_or_404(group_id)
    return render_template(
        "trainers/class.html",
        group=group,
        assignments=class_assignments(group),
        students=students_of(group),
        trainers=group.leaders(),
        titles=item_titles(),
        discussed=discussed_cases(group.id),
        action_form=ExtensionForm(),
    )


def sorted_rows(students, grid, sort: str, wanted: str):
    rows = [(s, grid[s.id]) for s in students]
    if wanted:
        rows = [r for r in rows if any(c.status == wanted for c in r[1])]
    if sort == "progress":
        rows.sort(
            key=lambda r: (
                sum(c.status in (Status.DONE, Status.LATE) for c in r[1]),
                r[0].display_name,
            )
        )
    elif sort == "missing":
        rows.sort(key=lambda r: (-sum(c.status == Status.MISSING for c in r[1]), r[0].display_name))
    return rows


@bp.route("/classes/<int:group_id>/assignments/<int:assignment_id>")
@access(Access.CLASS_TRAINER)
def assignment(group_id: int, assignment_id: int):
    group, assignment, students, grid = assignment_grid(group_id, assignment_id)
    sort = request.args.get("sort", "name")
    wanted = request.args.get("status", "")
    wanted = wanted if wanted in set(Status) else ""
    page = max(request.args.get("page", 1, type=int), 1)
    rows = sorted_rows(students, grid, sort, wanted)
    pages = max((len(rows) + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    form = ExtensionForm()
    form.user_id.choices = [(s.id, s.display_name) for s in students]
    return render_template(
        "trainers/assignment.html",
        group=group,
        assignment=assignment,
        rows=rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE],
        page=min(page, pages),
        pages=pages,
        sort=sort,
        wanted=wanted,
        statuses=list(Status),
        titles=item_titles(),
        form=form,
        extensions={e.user_id: e for e in assignment.extensions},
        discussed=discussed_cases(group.id),
    )


@bp.route("/classes/<int:group_id>/assignments/<int:assignment_id>/extension", methods=["POST"])
@access(Access.CLASS_TRAINER)
def extension(group_id: int, assignment_id: int):
    group = class_or_404(group_id, write=True)
    assignment = assignment_or_404(group, assignment_id)
    form = ExtensionForm()
    form.user_id.choices = [(s.id, s.display_name) for s in students_of(group)]
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(str(e) for e in errors), "error")
        return redirect(
            url_for("trainers.assignment", group_id=group.id, assignment_id=assignment.id)
        )
    row = next((e for e in assignment.extensions if e.user_id == form.user_id.data), None)
    if row is None:
        row = Extension(user_id=form.user_id.data)
        assignment.extensions.append(row)
    row.due_at = end_of_day(form.due_on.data)
    row.excused = form.excused.data
    db.session.commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for("trainers.assignment", group_id=group.id, assignment_id=assignment.id))


def csv_response(text: str, filename: str) -> Response:
    return attachment(text.encode("utf-8"), filename, "text/csv")


def iso(moment) -> str:
    """A stored UTC moment as Dutch time, ISO-like so Excel reads it as a date."""
    return f"{to_local(moment):%Y-%m-%d %H:%M}" if moment else ""


@bp.route("/classes/<int:group_id>/assignments/<int:assignment_id>/results.csv")
@access(Access.CLASS_TRAINER)
def export_matrix(group_id: int, assignment_id: int):
    _group, assignment, students, grid = assignment_grid(group_id, assignment_id)
    titles = item_titles()
    header = [_("naam"), _("e-mail")]
    for item in assignment.set.items:
        title = titles.get((item.kind, item.ref), item.ref)
        header += [f"{title}: {_('status')}", f"{title}: {_('score %')}", f"{title}: {_('datum')}"]
    rows = []
    for student in students:
        row = [student.display_name, student.email]
        for cell in grid[student.id]:
            row += [cell.status.value, cell.score, iso(cell.done_at)]
        rows.append(row)
    separator = request.args.get("sep", "semicolon")
    return csv_response(to_csv(header, rows, separator), f"kring-resultaten-{assignment.id}.csv")


def case_or_404(slug: str) -> Case:
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    if case is None:
        abort(404)
    return case


@bp.route("/classes/<int:group_id>/cases/<slug>")
@access(Access.CLASS_TRAINER)
def case_results(group_id: int, slug: str):
    group = class_or_404(group_id)
    case = case_or_404(slug)
    all_attempts = request.args.get("attempts") == "all"
    projection = request.args.get("view") == "projection"
    ids = [s.id for s in students_of(group)]
    current = case.current_version
    return render_template(
        "trainers/case.html",
        group=group,
        case=case,
        content=current.content if current else None,
        reports=case_report(case.id, ids, all_attempts=all_attempts),
        discussions=[] if projection else discussed_in_group(group.id, case.id),
        all_attempts=all_attempts,
        projection=projection,
        vocab=vocabulary(),
    )


@bp.route("/classes/<int:group_id>/cases/<slug>/choices.csv")
@access(Access.CLASS_TRAINER)
def export_choices(group_id: int, slug: str):
    group = class_or_404(group_id)
    case = case_or_404(slug)
    ids = [s.id for s in students_of(group)]
    query = (
        select(User, Attempt.id, CaseVersion, AttemptStep)
        .join(Attempt, AttemptStep.attempt_id == Attempt.id)
        .join(User, Attempt.user_id == User.id)
        .join(CaseVersion, Attempt.case_version_id == CaseVersion.id)
        .where(
            CaseVersion.case_id == case.id,
            Attempt.user_id.in_(ids),
            AttemptStep.choice_index.is_not(None),
        )
        .order_by(User.display_name, Attempt.id, AttemptStep.number)
    )
    competences = list(vocabulary().competences)
    header = [_("naam"), _("e-mail"), _("casus"), _("versie"), _("poging"), _("scène"),
              _("keuze"), _("kwaliteit"), *competences, _("tijdstip")]  # fmt: skip
    rows = []
    for user, attempt_id, version, step in db.session.execute(query):
        scene = version.content.scenes.get(step.scene_id)
        if scene is None or scene.kind != "decision":
            continue
        choice = scene.choice(step.choice_index)
        points = [choice.scores.get(key, 0) for key in competences]
        who = [user.display_name, user.email, case.slug, version.number, attempt_id]
        rows.append([*who, scene.title, choice.text, choice.quality, *points, iso(step.created_at)])
    separator = request.args.get("sep", "semicolon")
    return csv_response(to_csv(header, rows, separator), f"kring-keuzes-{case.slug}.csv")


@bp.route("/classes/<int:group_id>/modules/<module_id>")
@access(Access.CLASS_TRAINER)
def module_results(group_id: int, module_id: str):
    """Per exercise the class's mean score, and the reflections students chose to share."""
    group = class_or_404(group_id)
    module = module_or_404(module_id)
    students = students_of(group)
    ids = [s.id for s in students]
    shared = db.session.execute(
        select(User.display_name, ExerciseAnswer)
        .join(User, ExerciseAnswer.user_id == User.id)
        .where(
            ExerciseAnswer.module_id == module.id,
            ExerciseAnswer.user_id.in_(ids),
            ExerciseAnswer.kind.in_(shareable_kinds()),
            ExerciseAnswer.shared.is_(True),
        )
        .order_by(ExerciseAnswer.exercise_id, User.display_name)
    ).all()
    return render_template(
        "trainers/module.html",
        group=group,
        module=module,
        results=exercise_results(module.id, ids),
        shared=shared,
        students=len(students),
    )


@bp.route("/classes/<int:group_id>/students/<int:user_id>")
@access(Access.CLASS_TRAINER)
def student(group_id: int, user_id: int):
    group = class_or_404(group_id)
    person = student_or_404(group, user_id)
    now = utcnow()
    assigned = []
    for assignment in class_assignments(group):
        cells = assignment_cells(assignment, [person], all_modules(), now)[person.id]
        assigned.append((assignment, cells))
    slugs = {i.ref for a, _c in assigned for i in a.set.items if i.kind == ItemKind.CASE}
    attempts = [
        a for group_attempts in attempts_by_case(person).values() for a in group_attempts
        if a.version.case.slug in slugs
    ]  # fmt: skip
    modules = {i.ref for a, _c in assigned for i in a.set.items if i.kind == ItemKind.MODULE}
    shared = db.session.scalars(
        select(ExerciseAnswer).where(
            ExerciseAnswer.user_id == person.id,
            ExerciseAnswer.shared.is_(True),
            ExerciseAnswer.kind.in_(shareable_kinds()),
            ExerciseAnswer.module_id.in_(modules),
        )
    )
    vocab = vocabulary()
    return render_template(
        "trainers/student.html",
        group=group,
        person=person,
        assigned=assigned,
        attempts=attempts,
        reflections=list(shared),
        modules=all_modules(),
        titles=item_titles(),
        profile=competence_profile(person, vocab.competences),
        vocab=vocab,
    )


@bp.route("/classes/<int:group_id>/students/<int:user_id>/attempts/<int:attempt_id>")
@access(Access.CLASS_TRAINER)
def student_attempt(group_id: int, user_id: int, attempt_id: int):
    group = class_or_404(group_id)
    person = student_or_404(group, user_id)
    attempt = db.session.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != person.id:
        abort(404)
    content = attempt.version.content
    return render_template(
        "trainers/attempt.html",
        group=group,
        person=person,
        attempt=attempt,
        content=content,
        reviews=engine.review(content, steps_of(attempt)),
        ending=content.scenes[attempt.current_scene] if attempt.finished else None,
        vocab=vocabulary(),
    )
