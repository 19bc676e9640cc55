"""Routes for modules: overview, pages, exercises, and the reflection journal.

Answers are per learner: everything is looked up under the current user, so one
learner can neither see nor change another's work.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from learn.access import Access, access
from learn.casesim.forms import StepForm
from learn.casesim.models import Attempt, Case
from learn.casesim.portfolio import case_debriefs
from learn.casesim.services import StepOutcome, record_step, start_attempt
from learn.casesim.vocabulary import vocabulary
from learn.content.modules import Exercise, Module, Page
from learn.downloads import attachment
from learn.exercises import mapdraw
from learn.exercises.base import AnswerError, ViewContext
from learn.exercises.registry import kind_named, kind_of
from learn.extensions import db
from learn.forms import ActionForm
from learn.lessons import bp
from learn.lessons.catalog import all_modules, module_or_404, triade_case_slug
from learn.lessons.journal import journal_markdown
from learn.lessons.models import ExerciseAnswer
from learn.lessons.play import played, played_by
from learn.lessons.services import (
    answers_for,
    complete_if_done,
    completion,
    journal_entries,
    mark_page_done,
    pages_done,
    progress_of,
    resume_page,
    save_answer,
)
from learn.rendering import render_page_markdown


def page_or_404(module: Module, page_id: str) -> Page:
    page = next((p for p in module.pages if p.id == page_id), None)
    if page is None:
        abort(404)
    return page


def exercise_or_404(module: Module, exercise_id: str) -> tuple[Exercise, Page]:
    exercise = module.exercises.get(exercise_id)
    page = next((p for p in module.pages if exercise_id in p.exercises), None)
    if exercise is None or page is None:
        abort(404)
    return exercise, page


def page_url(
    module: Module, page: Page, exercise_id: str | None = None, *, result: bool = False
) -> str:
    """The page, scrolled to an exercise, or to its result when `result`."""
    anchor = f"{'resultaat' if result else 'oefening'}-{exercise_id}" if exercise_id else None
    return url_for("lessons.page", module_id=module.id, page_id=page.id, _anchor=anchor)


@bp.route("/modules")
@access(Access.USER)
def overview():
    rows = []
    for module in all_modules().values():
        done = pages_done(current_user, module.id) & {p.id for p in module.pages}
        rows.append(
            {
                "module": module,
                "progress": progress_of(current_user, module),
                "completed": completion(current_user, module.id),
                "resume": resume_page(module, done),
            }
        )
    return render_template("lessons/overview.html", rows=rows)


@bp.route("/modules/<module_id>")
@access(Access.USER)
def module(module_id: str):
    module = module_or_404(module_id)
    done = pages_done(current_user, module.id)
    return render_template(
        "lessons/module.html",
        module=module,
        done=done,
        resume=resume_page(module, done),
        completed=completion(current_user, module.id),
        progress=progress_of(current_user, module),
        practice=practice_cases(module),
    )


def practice_cases(module: Module) -> list[tuple[str, str]]:
    """(slug, title) of the library cases that practise this module's skill."""
    found = []
    for slug in module.practice_cases:
        case = db.session.scalar(select(Case).where(Case.slug == slug, Case.listed.is_(True)))
        if case is not None and not case.retired and case.current_version is not None:
            found.append((slug, case.current_version.content.title))
    return found


def exercise_views(module: Module, page: Page, answers: dict[str, ExerciseAnswer]) -> list[dict]:
    """What the page shows for each exercise: the stored answer and its feedback."""
    views = []
    for exercise_id in page.exercises:
        exercise = module.exercises[exercise_id]
        kind = kind_of(exercise)
        stored = answers.get(exercise_id)
        context = ViewContext(
            current_user.id, played_by(stored, current_user.id) if kind.plays_case else None
        )
        view = {"exercise": exercise, "kind": kind, "answer": stored, "feedback": None}
        view.update(kind.view(exercise, stored, context))
        views.append(view)
    return views


def page_body(module: Module, page: Page):
    """The page text as HTML, with its figures pointing at the figure route."""
    images = tuple(
        (f"figures/{name}.svg", url_for("lessons.figure", module_id=module.id, name=name))
        for name in module.figures
    )
    return render_page_markdown(page.body, images)


def render_page(module: Module, page: Page, *, errors=None, drafts=None, status: int = 200):
    answers = answers_for(current_user, module.id)
    position = [p.id for p in module.pages].index(page.id)
    return render_template(
        "lessons/page.html",
        module=module,
        page=page,
        body=page_body(module, page),
        number=position + 1,
        previous=module.pages[position - 1] if position else None,
        following=module.pages[position + 1] if position + 1 < len(module.pages) else None,
        done=pages_done(current_user, module.id),
        exercises=exercise_views(module, page, answers),
        errors=errors or {},
        drafts=drafts or {},
        mapdraw=mapdraw,
        action_form=ActionForm(),
    ), status


@bp.route("/modules/<module_id>/<page_id>")
@access(Access.USER)
def page(module_id: str, page_id: str):
    module = module_or_404(module_id)
    return render_page(module, page_or_404(module, page_id))


@bp.route("/modules/<module_id>/figures/<name>.svg")
@access(Access.USER)
def figure(module_id: str, name: str):
    """A figure the module checker passed; only those are kept, so no path is ever opened."""
    data = module_or_404(module_id).figures.get(name)
    if data is None:
        abort(404)
    response = Response(data, mimetype="image/svg+xml")
    # Opened on its own, the SVG may draw with inline styles but load or run nothing.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@bp.route("/modules/<module_id>/<page_id>/done", methods=["POST"])
@access(Access.USER)
def page_done(module_id: str, page_id: str):
    module = module_or_404(module_id)
    page = page_or_404(module, page_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    finished = mark_page_done(current_user, module, page.id)
    if finished:
        flash(_("Je hebt deze module afgerond. Oefen de vaardigheid nu in een casus."), "success")
        return redirect(url_for("lessons.module", module_id=module.id, _anchor="oefenen"))
    position = [p.id for p in module.pages].index(page.id)
    if position + 1 < len(module.pages):
        return redirect(page_url(module, module.pages[position + 1]))
    return redirect(url_for("lessons.module", module_id=module.id))


@bp.route("/modules/<module_id>/exercises/<exercise_id>", methods=["POST"])
@access(Access.USER)
def answer(module_id: str, exercise_id: str):
    module = module_or_404(module_id)
    exercise, page = exercise_or_404(module, exercise_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    typed = request.form.get("text", "")
    try:
        save_scored_answer(module, exercise)
    except AnswerError as error:
        message = _(error.message, **error.params)
        return render_page(
            module, page, errors={exercise.id: message}, drafts={exercise.id: typed}, status=400
        )
    finish_if_done(module)
    return redirect(page_url(module, page, exercise.id, result=kind_of(exercise).result_below))


def finish_if_done(module: Module) -> None:
    """The last exercise answered after every page was read finishes the module."""
    if complete_if_done(current_user, module):
        flash(_("Je hebt deze module afgerond. Oefen de vaardigheid nu in een casus."), "success")


def save_scored_answer(module: Module, exercise: Exercise) -> None:
    kind = kind_of(exercise)
    if not kind.answered_by_form:
        abort(400)
    submission = kind.parse(exercise, request.form)
    save_answer(
        current_user, module.id, exercise.id, kind.name,
        text=submission.text, answer=submission.answer, result=submission.result,
    )  # fmt: skip


@bp.route("/modules/<module_id>/exercises/<exercise_id>/start", methods=["POST"])
@access(Access.USER)
def start_triade(module_id: str, exercise_id: str):
    module = module_or_404(module_id)
    exercise, page = exercise_or_404(module, exercise_id)
    if not kind_of(exercise).plays_case or not ActionForm().validate_on_submit():
        abort(400)
    slug = triade_case_slug(module.id, exercise.case_id)
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    token = request.form.get("start_token", "")
    if case is None or case.current_version is None:
        abort(404)
    if not 16 <= len(token) <= 64:
        abort(400)
    try:
        attempt = start_attempt(current_user, case, token)
    except PermissionError:
        abort(400)
    kind = kind_of(exercise).name
    save_answer(current_user, module.id, exercise.id, kind, answer={"attempt_id": attempt.id})
    return redirect(page_url(module, page, exercise.id))


@bp.route("/modules/<module_id>/exercises/<exercise_id>/step", methods=["POST"])
@access(Access.USER)
def triade_step(module_id: str, exercise_id: str):
    module = module_or_404(module_id)
    exercise, page = exercise_or_404(module, exercise_id)
    stored = answers_for(current_user, module.id).get(exercise.id)
    kind = kind_of(exercise)
    form = StepForm()
    if not kind.plays_case or stored is None or not form.validate_on_submit():
        abort(400)
    attempt = db.session.get(Attempt, stored.answer.get("attempt_id"))
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    outcome = record_step(attempt, form.step.data, request.form.get("choice", type=int))
    if outcome is StepOutcome.INVALID:
        flash(_("Kies eerst wat je doet."), "error")
    elif outcome is StepOutcome.STALE:
        flash(_("Je had hier al gekozen. Je keuze staat vast."), "info")
    if attempt.finished:
        save_answer(
            current_user, module.id, exercise.id, kind.name,
            answer={"attempt_id": attempt.id}, result=kind.attempt_result(played(attempt)),
        )  # fmt: skip
        finish_if_done(module)
    return redirect(page_url(module, page, exercise.id))


# --- the journal -----------------------------------------------------------------------------


def journal_view() -> list[dict]:
    modules = all_modules()
    entries = []
    for row in journal_entries(current_user):
        module = modules.get(row.module_id)
        exercise = module.exercises.get(row.exercise_id) if module else None
        kind = kind_named(row.kind)
        entry = {"row": row, "module": module, "exercise": exercise, "kind": kind}
        if exercise is not None:
            entry.update(kind.journal_view(exercise, row))
        entries.append(entry)
    return entries


@bp.route("/journal")
@access(Access.USER)
def journal():
    return render_template(
        "lessons/journal.html",
        entries=journal_view(),
        debriefs=case_debriefs(current_user),
        vocab=vocabulary(),
        mapdraw=mapdraw,
    )


@bp.route("/journal/download")
@access(Access.USER)
def journal_download():
    text = journal_markdown(
        current_user.display_name, journal_view(), case_debriefs(current_user), vocabulary()
    )
    return attachment(text, "kring-dagboek.md", "text/markdown")


@bp.route("/journal/<int:answer_id>/edit", methods=["GET", "POST"])
@access(Access.ENTRY_OWNER)
def edit_reflection(answer_id: int):
    row = db.session.get(ExerciseAnswer, answer_id)
    if row is None or row.user_id != current_user.id or not kind_named(row.kind).edits_text:
        abort(404)
    module = all_modules().get(row.module_id)
    exercise = module.exercises.get(row.exercise_id) if module else None
    error = None
    text = row.text
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            abort(400)
        text = request.form.get("text", "")
        try:
            row.text = kind_named(row.kind).clean_text(text)
        except AnswerError as exc:
            error = _(exc.message, **exc.params)
        else:
            db.session.commit()
            flash(_("Je reflectie is bijgewerkt."), "success")
            return redirect(url_for("lessons.journal", _anchor=f"entry-{row.id}"))
    return render_template(
        "lessons/edit_reflection.html",
        row=row,
        exercise=exercise,
        module=module,
        text=text,
        error=error,
        action_form=ActionForm(),
    ), 400 if error else 200
