"""The participants' routes: join by code, link or QR; vote; follow the session.

A participant's page is a normal page with a normal form: it works without JavaScript,
and a reload shows the current state and their own vote (it is in the database, not the
page). static/js/live.js only makes the page follow the session by itself.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from learn.access import Access, access
from learn.extensions import db, limiter
from learn.groups.codes import normalise_join_code
from learn.live import bp
from learn.live.forms import GuestForm, JoinForm, VoteForm
from learn.live.loading import (
    guest_participant,
    membership,
    participant_session,
    remember_guest,
)
from learn.live.models import LiveSession
from learn.live.routes import refusal_message, scene_view
from learn.live.services import cast_vote, expire_if_due, join_guest, join_member, vote_of


def open_session_by_code(code: str) -> LiveSession | None:
    live = db.session.scalar(
        select(LiveSession).where(LiveSession.code == normalise_join_code(code))
    )
    if live is None or expire_if_due(live):
        return None
    return live


# A whole lecture room may join from one school address within a minute, so the limit is
# high; guessing a live code (31**6 of them, valid for hours) stays impractical.
JOIN_LIMIT = "600 per minute"


@bp.route("/live", methods=["GET", "POST"])
@limiter.limit(JOIN_LIMIT, methods=["POST"])
@access(Access.PUBLIC)
def join():
    form = JoinForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        live = open_session_by_code(form.code.data)
        if live is not None:
            return redirect(url_for("live.join_link", code=live.code))
        form.code.errors.append(
            _("Er loopt geen sessie met deze code. Controleer de code op het scherm.")
        )
    return render_template("live/join.html", form=form), 400 if form.errors else 200


@bp.route("/live/j/<code>", methods=["GET", "POST"])
@limiter.limit(JOIN_LIMIT)
@access(Access.PUBLIC)
def join_link(code: str):
    """Where the code, the link and the QR code lead: members go in, guests give a name."""
    live = open_session_by_code(code)
    if live is None:
        flash(_("Er loopt geen sessie met deze code. Controleer de code op het scherm."), "error")
        return redirect(url_for("live.join"))
    if membership(live) is not None or guest_participant(live) is not None:
        if membership(live) is not None:
            join_member(live, current_user)
        return redirect(url_for("live.vote", session_id=live.id))
    form = GuestForm()
    if live.allow_guests and form.validate_on_submit():
        remember_guest(join_guest(live, form.name.data))
        return redirect(url_for("live.vote", session_id=live.id))
    return render_template(
        "live/join_session.html", live=live, form=form
    ), 400 if form.errors else 200


@bp.route("/live/<int:session_id>/vote")
@access(Access.LIVE_PARTICIPANT)
def vote(session_id: int):
    live, participant = participant_session(session_id)
    view = scene_view(live)
    return render_template(
        "live/vote.html",
        **view,
        participant=participant,
        mine=vote_of(live, participant),
        form=VoteForm(step=live.step_number),
    )


@bp.route("/live/<int:session_id>/vote", methods=["POST"])
@access(Access.LIVE_PARTICIPANT)
def cast(session_id: int):
    live, participant = participant_session(session_id)
    form = VoteForm()
    if not form.validate_on_submit():
        flash(_("Kies eerst een antwoord."), "error")
        return redirect(url_for("live.vote", session_id=live.id), 303)
    refusal = cast_vote(live, participant, form.step.data, form.choice.data)
    if refusal is None:
        flash(_("Je stem is opgeslagen. Je kunt hem veranderen tot het stemmen sluit."), "success")
    else:
        flash(refusal_message(refusal), "error")
    return redirect(url_for("live.vote", session_id=live.id), 303)
