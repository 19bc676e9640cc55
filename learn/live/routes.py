"""The leader's routes: start a session, the control view, the projector, the summary.

Every leader button posts to one route with the action and the version the screen
showed; services.perform refuses a stale screen, so a double click never acts twice.
"""

from __future__ import annotations

import segno
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from learn.access import Access, access
from learn.casesim.services import playable_cases
from learn.downloads import attachment
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.routes import group_url, require_leader
from learn.live import bp
from learn.live.forms import ControlForm, StartForm
from learn.live.loading import leader_session, member_session
from learn.live.machine import Action, Phase, allowed_actions, group_choice
from learn.live.models import LiveParticipant, LiveSession
from learn.live.services import (
    Refusal,
    current_step,
    expire_if_due,
    participants,
    perform,
    pulse,
    remove_participant,
    start_session,
    state_of,
)
from learn.live.summary import results, summarise
from learn.ordering import shuffled


def refusal_message(refusal: Refusal) -> str:
    return {
        Refusal.CHANGED: _(
            "Er was intussen al iets veranderd (misschien op een ander apparaat). "
            "Kijk en kies opnieuw."
        ),
        Refusal.NOT_ALLOWED: _("Dat kan op dit moment in de sessie niet."),
        Refusal.BAD_CHOICE: _("Die keuze bestaat niet bij deze beslissing. Er is niets geteld."),
        Refusal.CLOSED: _("Het stemmen is gesloten. Je stem is niet geteld."),
        Refusal.OTHER_STEP: _("Deze stem hoorde bij een andere beslissing. Er is niets geteld."),
        Refusal.REMOVED: _("Je doet niet (meer) mee aan deze sessie. Er is niets geteld."),
        Refusal.ENDED: _("De sessie is afgelopen. Er is niets geteld."),
    }[refusal]


def join_url(live: LiveSession) -> str:
    return url_for("live.join_link", code=live.code, _external=True)


def qr_svg(live: LiveSession) -> Markup:
    """The join link as an inline SVG QR code, made here: nothing comes from the internet."""
    svg = segno.make(join_url(live), error="m").svg_inline(
        omitsize=True, dark="#000", light="#fff", svgclass="qr", title=_("QR-code om mee te doen")
    )
    return Markup(svg)  # noqa: S704  (segno's own markup; the URL inside is escaped by segno)


def scene_view(live: LiveSession) -> dict:
    """What every screen of a session shows: scene, shuffled options, counts, results."""
    content = live.case_version.content
    step = current_step(live)
    scene = content.scenes[step.scene_id]
    # Shuffled per session and scene (the first option must not collect the hurried votes);
    # every instance computes the same order, votes are stored by the option's own index.
    order = [c.index for c in shuffled(scene.choices, "live", live.id, scene.id)]
    phase = Phase(live.phase)
    revealed = phase in (Phase.REVEALED, Phase.FEEDBACK) or (
        phase is Phase.ENDED and step.choice_index is not None
    )
    option_results = results(live, step.number, scene) if scene.kind == "decision" else []
    by_index = {r.choice.index: r for r in option_results}
    return {
        "live": live,
        "content": content,
        "step": step,
        "scene": scene,
        "options": [by_index[i] for i in order] if option_results else [],
        "revealed": bool(revealed),
        "followed": scene.choice(step.choice_index) if step.choice_index else None,
        "pulse": pulse(live.id),
        "phase": phase,
        "Phase": Phase,
    }


@bp.route("/<any(classes, teams):section>/<int:group_id>/live/new", methods=["GET", "POST"])
@access(Access.GROUP_LEADER)
def new(section: str, group_id: int):
    group = require_leader(section, group_id).group
    cases = {case.slug: version for case, version in playable_cases()}
    form = StartForm()
    form.case.choices = [(slug, version.content.title) for slug, version in cases.items()]
    if form.validate_on_submit():
        live = start_session(
            group,
            cases[form.case.data],
            current_user,
            allow_guests=form.allow_guests.data,
            named=form.named.data,
            expiry_minutes=current_app.config["LIVE_EXPIRY_MINUTES"],
        )
        return redirect(url_for("live.control", session_id=live.id))
    status = 400 if form.errors else 200
    return render_template("live/new.html", form=form, group=group, section=section), status


@bp.route("/live/<int:session_id>/control")
@access(Access.LIVE_LEADER)
def control(session_id: int):
    live = leader_session(session_id)
    view = scene_view(live)
    counts = {o.choice.index: o.votes for o in view["options"]}
    form = ControlForm(version=live.version, note=view["step"].note)
    return render_template(
        "live/control.html",
        **view,
        form=form,
        allowed={a.value for a in allowed_actions(state_of(live))},
        default_pick=view["step"].choice_index or group_choice(counts),
        people=participants(live),
        action_form=ActionForm(),
        join_url=join_url(live),
    )


@bp.route("/live/<int:session_id>/control", methods=["POST"])
@access(Access.LIVE_LEADER)
def act(session_id: int):
    live = leader_session(session_id)
    form = ControlForm()
    if not form.validate_on_submit():
        flash(_("Die knop werkte niet. Probeer het opnieuw."), "error")
        return redirect(url_for("live.control", session_id=live.id))
    refusal = perform(
        live,
        Action(form.action.data),
        form.version.data,
        expiry_minutes=current_app.config["LIVE_EXPIRY_MINUTES"],
        choice=form.choice.data,
        note=form.note.data or "",
    )
    if refusal is not None:
        flash(refusal_message(refusal), "error")
    elif live.ended:
        return redirect(url_for("live.summary", session_id=live.id))
    return redirect(url_for("live.control", session_id=live.id))


@bp.route("/live/<int:session_id>/screen")
@access(Access.LIVE_LEADER)
def screen(session_id: int):
    live = leader_session(session_id)
    return render_template(
        "live/screen.html", **scene_view(live), qr=qr_svg(live), join_url=join_url(live)
    )


@bp.route("/live/<int:session_id>/participants/<int:participant_id>/remove", methods=["POST"])
@access(Access.LIVE_LEADER)
def remove(session_id: int, participant_id: int):
    live = leader_session(session_id)
    participant = db.session.get(LiveParticipant, participant_id)
    if participant is None or participant.session_id != live.id:
        abort(404)
    if ActionForm().validate_on_submit():
        remove_participant(participant)
        flash(_("%(name)s doet niet meer mee.", name=participant.display_name), "success")
    return redirect(url_for("live.control", session_id=live.id))


@bp.route("/live/<int:session_id>/summary")
@access(Access.LIVE_MEMBER)
def summary(session_id: int):
    live, member = member_session(session_id)
    return render_template(
        "live/summary.html",
        summary=summarise(live),
        member=member,
        group_link=group_url(live.group),
    )


@bp.route("/live/<int:session_id>/summary.md")
@access(Access.LIVE_MEMBER)
def summary_markdown(session_id: int):
    live, _member = member_session(session_id)
    text = render_template("live/summary.md", summary=summarise(live))
    filename = f"live-{live.case_version.case.slug}-{live.created_at:%Y%m%d}.md"
    return attachment(text, filename, "text/markdown")


@bp.app_template_global()
def live_sessions_of(group) -> list[LiveSession]:
    """The group's sessions, newest first, for its page; overdue ones are ended on the way."""
    sessions = list(
        db.session.scalars(
            db.select(LiveSession)
            .where(LiveSession.group_id == group.id)
            .order_by(LiveSession.created_at.desc(), LiveSession.id.desc())
        )
    )
    for live in sessions:
        expire_if_due(live)
    return sessions
