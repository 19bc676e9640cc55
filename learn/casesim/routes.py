"""Routes for the case library, playing, debriefs and the competence profile.

Attempts belong to one learner: anyone else gets 404.
"""

from __future__ import annotations

import secrets
from functools import cache

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from learn.access import Access, access
from learn.casesim import bp, engine
from learn.casesim.forms import StartForm, StepForm
from learn.casesim.framework import CATEGORY_SECTIONS, COMPETENCE_CATEGORIES, links
from learn.casesim.models import Attempt, Case, CaseVersion, steps_of
from learn.casesim.picture import case_picture
from learn.casesim.services import (
    StepOutcome,
    attempts_by_case,
    competence_profile,
    playable_cases,
    record_step,
    start_attempt,
    status_of,
)
from learn.casesim.vocabulary import vocabulary
from learn.extensions import db

LENGTHS = {"kort": (0, 10), "middel": (11, 15), "lang": (16, 10_000)}


@cache
def with_version_case_and_steps() -> tuple:
    """Loader options, built once (on first use, when every model is mapped): they are
    immutable, and building them cost about as much as running the query."""
    return (joinedload(Attempt.version).joinedload(CaseVersion.case), joinedload(Attempt.steps))


def own_attempt(attempt_id: int) -> Attempt:
    """The current user's attempt with its version, case and steps in one query; 404 otherwise."""
    attempt = db.session.get(Attempt, attempt_id, options=with_version_case_and_steps())
    if attempt is None or attempt.user_id != current_user.id:
        abort(404)
    return attempt


def case_by_slug(slug: str) -> tuple[Case, CaseVersion]:
    """A listed, current case and its newest version (one lookup each), or 404."""
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    playable = case is not None and case.listed and not case.retired
    version = case.current_version if playable else None
    if version is None:
        abort(404)
    return case, version


def new_start_form() -> StartForm:
    return StartForm(start_token=secrets.token_urlsafe(24))


@bp.route("/cases")
@access(Access.USER)
def library():
    theme = request.args.get("theme", "")
    audience = request.args.get("audience", "")
    length = request.args.get("length", "")
    status = request.args.get("status", "")
    attempts = attempts_by_case(current_user)
    cards = []
    for case, version in playable_cases():
        content = version.content
        case_status = status_of(attempts.get(case.id, []))
        low, high = LENGTHS.get(length, (0, 10_000))
        if theme and theme not in content.themes:
            continue
        if audience and audience not in content.audience:
            continue
        if not low <= content.minutes <= high:
            continue
        if status and status != case_status:
            continue
        cards.append({"case": case, "content": content, "status": case_status})
    return render_template(
        "casesim/library.html",
        cards=cards,
        vocab=vocabulary(),
        filters={"theme": theme, "audience": audience, "length": length, "status": status},
    )


@bp.route("/cases/<slug>")
@access(Access.USER)
def case_detail(slug: str):
    case, version = case_by_slug(slug)
    attempts = attempts_by_case(current_user).get(case.id, [])
    unfinished = next((a for a in attempts if not a.finished), None)
    return render_template(
        "casesim/case.html",
        case=case,
        content=version.content,
        attempts=attempts,
        unfinished=unfinished,
        form=new_start_form(),
        vocab=vocabulary(),
    )


@bp.route("/cases/<slug>/start", methods=["POST"])
@access(Access.USER)
def start(slug: str):
    case, _version = case_by_slug(slug)
    form = StartForm()
    if not form.validate_on_submit():
        flash(_("Het starten lukte niet. Probeer het opnieuw."), "error")
        return redirect(url_for("casesim.case_detail", slug=slug))
    try:
        attempt = start_attempt(current_user, case, form.start_token.data)
    except PermissionError:
        abort(400)
    return redirect(url_for("casesim.play", attempt_id=attempt.id))


@bp.route("/attempts/<int:attempt_id>")
@access(Access.ATTEMPT_OWNER)
def play(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if attempt.finished:
        return redirect(url_for("casesim.debrief", attempt_id=attempt.id))
    return render_play(attempt, fragment=False)


def render_play(attempt: Attempt, *, fragment: bool) -> str:
    """The current scene: a whole page, or the fragment htmx swaps in after a step."""
    content = attempt.version.content
    steps = steps_of(attempt)
    scene = content.scenes[attempt.current_scene]
    done, total = engine.progress(content, steps, attempt.version.distances_to_ending)
    return render_template(
        "casesim/_play.html" if fragment else "casesim/play.html",
        fragment=fragment,
        attempt=attempt,
        content=content,
        scene=scene,
        choices=engine.shown_choices(scene, attempt.id),
        last_decision=engine.last_choice(content, steps),
        progress=(done, total),
    )


@bp.route("/attempts/<int:attempt_id>/step", methods=["POST"])
@access(Access.ATTEMPT_OWNER)
def step(attempt_id: int):
    attempt = own_attempt(attempt_id)
    form = StepForm()
    if not form.validate_on_submit():
        abort(400)
    choice = request.form.get("choice", type=int)
    outcome = record_step(attempt, form.step.data, choice)
    if outcome is StepOutcome.INVALID:
        flash(_("Kies eerst wat je doet."), "error")
    elif outcome is StepOutcome.STALE:
        flash(
            _(
                "Je had hier al gekozen (misschien via de terugknop). "
                "Je keuze staat vast; je gaat verder waar je was."
            ),
            "info",
        )
    target = url_for(
        "casesim.debrief" if attempt.finished else "casesim.play", attempt_id=attempt.id
    )
    if request.headers.get("HX-Request") != "true":
        return redirect(target)  # post/redirect/get: a reload never posts again
    if attempt.finished:
        return "", 200, {"HX-Redirect": target}
    # With JavaScript a step is one request: the next scene comes back in this response.
    return render_play(attempt, fragment=True), 200, {"HX-Push-Url": target, "Vary": "HX-Request"}


@bp.route("/attempts/<int:attempt_id>/debrief")
@access(Access.ATTEMPT_OWNER)
def debrief(attempt_id: int):
    attempt = own_attempt(attempt_id)
    if not attempt.finished:
        return redirect(url_for("casesim.play", attempt_id=attempt.id))
    version = attempt.version
    content = version.content
    steps = steps_of(attempt)
    best_steps = [(sid, idx) for sid, idx in version.bounds["best_path"]]
    reviews = engine.review(content, steps)
    return render_template(
        "casesim/debrief.html",
        attempt=attempt,
        case=version.case,
        content=content,
        ending=content.scenes[attempt.current_scene],
        reviews=reviews,
        followed_best=all(r.chose_strongest for r in reviews if r.kept),
        score_rows=engine.score_rows(attempt.scores, version.bounds, content.competences),
        balance=engine.attention_balance(content, steps),
        picture=case_picture(content, steps, best_steps),
        form=new_start_form(),
        vocab=vocabulary(),
        retired=version.case.retired,
        newer_version=version.case.current_version.id != version.id,
    )


@bp.route("/profile")
@access(Access.USER)
def profile():
    vocab = vocabulary()
    return render_template(
        "casesim/profile.html",
        results=competence_profile(current_user, vocab.competences),
        vocab=vocab,
        attempts=attempts_by_case(current_user),
        cases={case.id: version for case, version in playable_cases()},
    )


@bp.route("/competenties")
@access(Access.USER)
def framework():
    """CIMO and the eight intervention categories: where the profile's competences come from."""
    vocab = vocabulary()
    categories = list(CATEGORY_SECTIONS)
    competences = list(vocab.competences)
    return render_template(
        "casesim/framework.html",
        vocab=vocab,
        categories=categories,
        competences=competences,
        sections=CATEGORY_SECTIONS,
        mapping=COMPETENCE_CATEGORIES,
        links=links(categories, competences),
    )
