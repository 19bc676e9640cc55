"""Routes for team sessions. Only the team's members see anything (others get 404, as for
the team page itself); leaving the team ends access at once, since every request looks
the membership up again."""

from __future__ import annotations

from pathlib import Path

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from learn.access import Access, access
from learn.auth.models import User, utcnow
from learn.casesim.services import playable_cases
from learn.content.methods import load_methods
from learn.downloads import attachment
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.models import Membership
from learn.groups.routes import load_membership, require_leader
from learn.intervision import bp, guard, labels, services
from learn.intervision.forms import (
    NOBODY,
    ActionPointForm,
    NoteForm,
    PlanForm,
    RetentionForm,
    ReviewForm,
)
from learn.intervision.models import ActionPoint, TeamSession
from learn.intervision.rules import (
    SESSION_LEVEL,
    Mode,
    Review,
    Slot,
    may_run,
    may_write,
    slot_key,
)
from learn.intervision.summary import summary_markdown
from learn.localtime import from_local, local_day

TIMER_ACTIONS = {"start", "pause", "extend", "skip", "loop", "finish"}


def methods():
    return load_methods(Path(current_app.config["METHODS_DIR"]))


def load_session(group_id: int, session_id: int) -> tuple[Membership, TeamSession]:
    membership = load_membership("teams", group_id)
    session = db.session.get(TeamSession, session_id)
    if session is None or session.team_id != group_id:
        abort(404)
    return membership, session


def session_url(session: TeamSession, endpoint: str = "intervision.view", **values) -> str:
    return url_for(endpoint, group_id=session.team_id, session_id=session.id, **values)


def member_choices(membership: Membership, nobody: str) -> list[tuple[int, str]]:
    people = sorted(membership.group.memberships, key=lambda m: m.user.display_name.lower())
    return [SelectChoice(NOBODY, nobody)] + [
        SelectChoice(m.user_id, m.user.display_name) for m in people
    ]


@bp.route("/teams/<int:group_id>/sessies")
@access(Access.GROUP_MEMBER)
def index(group_id: int):
    membership = load_membership("teams", group_id)
    team = membership.group
    form = RetentionForm(retention_days=services.retention_days(team))
    return render_template(
        "intervision/index.html",
        team=team,
        membership=membership,
        sessions=services.sessions_of(team),
        points=services.open_points_of_team(team),
        retention_form=form,
    )


@bp.route("/teams/<int:group_id>/sessies/bewaartermijn", methods=["POST"])
@access(Access.GROUP_LEADER)
def retention(group_id: int):
    team = require_leader("teams", group_id).group
    form = RetentionForm()
    if form.validate_on_submit():
        services.set_retention_days(team, form.retention_days.data)
        db.session.commit()
        flash(_("De bewaartermijn is opgeslagen."), "success")
    else:
        flash(" ".join(map(str, form.retention_days.errors)) or _("Probeer het opnieuw."), "error")
    return redirect(url_for("intervision.index", group_id=team.id))


@bp.route("/teams/<int:group_id>/sessies/nieuw", methods=["GET", "POST"])
@access(Access.GROUP_MEMBER)
def plan(group_id: int):
    membership = load_membership("teams", group_id)
    available = methods()
    form = PlanForm()
    form.method.choices = [
        SelectChoice(m.id, f"{m.title} ({m.minutes} min)") for m in available.values()
    ]
    for select in (form.chair, form.presenter, form.scribe):
        select.choices = member_choices(membership, _("nog niet gekozen"))
    form.case_slug.choices = [SelectChoice("", _("Een eigen situatie van de inbrenger"))] + [
        SelectChoice(case.slug, version.content.title) for case, version in playable_cases()
    ]
    if form.validate_on_submit():
        session = services.plan_session(
            membership.group,
            available[form.method.data],
            current_user,
            title=form.title.data.strip(),
            scheduled_at=from_local(form.scheduled_at.data),
            mode=form.mode.data,
            respond_by=from_local(form.respond_by.data) if form.mode.data == Mode.WRITTEN else None,
            chair_id=form.chair.data or None,
            presenter_id=form.presenter.data or None,
            scribe_id=form.scribe.data or None,
            case_slug=form.case_slug.data or None,
        )
        db.session.commit()
        flash(_("De bijeenkomst is gepland."), "success")
        return redirect(session_url(session))
    status = 400 if form.errors else 200
    return render_template(
        "intervision/plan.html", form=form, team=membership.group, methods=available
    ), status


def note_form(session: TeamSession, phase: int, key: str) -> NoteForm:
    """The editor: the user's own draft when there is one, else the published text."""
    note = services.note_of(session, phase, key)
    draft = services.draft_of(session, phase, key, current_user)
    if draft is not None:
        return NoteForm(text=draft.text, base_version=str(draft.base_version), formdata=None)
    return NoteForm(
        text=note.body if note else "", base_version=str(note.version if note else 0), formdata=None
    )


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>")
@access(Access.GROUP_MEMBER)
def view(group_id: int, session_id: int):
    membership, session = load_session(group_id, session_id)
    point_form = ActionPointForm()
    point_form.owner.choices = member_choices(membership, _("nog niemand"))
    editors = {}
    if session.mode == Mode.LIVE and session.phase is not None:
        editors["notes"] = note_form(session, session.current_phase, Slot.NOTES.value)
    return render_template(
        "intervision/session.html",
        session=session,
        team=membership.group,
        membership=membership,
        method=methods().get(session.method_id),
        state=services.timer_state(session, utcnow()),
        may_run=may_run(current_user.id, session.roles, leader=membership.is_leader),
        may_write=lambda slot: may_write(
            slot, Mode(session.mode), current_user.id, session.roles, leader=membership.is_leader
        ),
        notes=services.notes_by_place(session),
        earlier_points=services.earlier_open_points(session),
        point_form=point_form,
        review_form=ReviewForm(session_id=str(session.id)),
        editors=editors,
        answers_open=answers_open(session),
        slot_key=slot_key,
        Slot=Slot,
    )


def answers_open(session: TeamSession) -> bool:
    return session.respond_by is None or utcnow() <= session.respond_by


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>/status")
@access(Access.GROUP_MEMBER)
def status(group_id: int, session_id: int):
    """The shared timer as JSON, polled by static/js/intervision.js."""
    _membership, session = load_session(group_id, session_id)
    return jsonify(services.timer_state(session, utcnow()))


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>/timer", methods=["POST"])
@access(Access.GROUP_MEMBER)
def run(group_id: int, session_id: int):
    membership, session = load_session(group_id, session_id)
    if not may_run(current_user.id, session.roles, leader=membership.is_leader):
        abort(403)
    action = request.form.get("action", "")
    if ActionForm().validate_on_submit() and action in TIMER_ACTIONS:
        services.run_timer(session, action, utcnow())
        db.session.commit()
    return redirect(session_url(session, _anchor="fase"))


@bp.route(
    "/teams/<int:group_id>/sessies/<int:session_id>/tekst/<slot>",
    methods=["GET", "POST"],
    defaults={"phase": -1},
)
@bp.route(
    "/teams/<int:group_id>/sessies/<int:session_id>/fase/<int:phase>/<slot>",
    methods=["GET", "POST"],
)
@access(Access.GROUP_MEMBER)
def write(group_id: int, session_id: int, slot: str, phase: int):
    """Edit one text: autosave to one's own draft, or publish through the privacy guard."""
    membership, session = load_session(group_id, session_id)
    try:
        place = Slot(slot)
    except ValueError:
        abort(404)
    if (place in SESSION_LEVEL) != (phase == -1) or phase >= len(session.phases):
        abort(404)
    leader = membership.is_leader
    if not may_write(place, Mode(session.mode), current_user.id, session.roles, leader=leader):
        abort(403)
    if session.purged_at is not None:
        abort(404)
    key = slot_key(place, current_user.id)
    if request.method == "GET":
        return render_write(session, place, phase, note_form(session, phase, key))
    form = NoteForm()
    if not form.validate_on_submit():
        return render_write(session, place, phase, form, status=400)
    action = request.form.get("action", "publish")
    text = form.text.data or ""
    if action == "draft":
        services.save_draft(session, phase, key, current_user, text, form.base())
        db.session.commit()
        note = services.note_of(session, phase, key)
        if request.headers.get("X-Kring-Autosave"):
            return jsonify(saved=True, version=note.version if note else 0, base=form.base())
        flash(_("Je concept is opgeslagen. Alleen jij ziet het."), "success")
        return redirect(request.path)
    if action == "pseudonymise":
        text = services.pseudonymise(session, text)
    if place in (Slot.ANSWER, Slot.RESPONSE) and not answers_open(session):
        flash(_("De deadline is voorbij; antwoorden kan niet meer."), "error")
        return redirect(session_url(session))
    result = services.publish(
        session, phase, key, current_user, text, form.base(), override=action == "override"
    )
    db.session.commit()
    if result.published:
        flash(_("Opgeslagen en zichtbaar voor het team."), "success")
        return redirect(session_url(session, _anchor=f"{place.value}-{phase}"))
    form = NoteForm(text=text, base_version=str(form.base()), formdata=None)
    if result.conflict:
        form.base_version.data = str(result.conflict.version)
    return render_write(
        session, place, phase, form, result=result, status=409 if result.conflict else 200
    )


def render_write(session, place, phase, form, result=None, status=200):
    findings = result.findings if result else []
    return render_template(
        "intervision/write.html",
        session=session,
        place=place,
        phase=phase,
        phase_info=session.phases[phase] if phase >= 0 else None,
        form=form,
        result=result,
        marked=guard.highlight(form.text.data or "", findings) if findings else None,
        Slot=Slot,
    ), status


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>/acties", methods=["POST"])
@access(Access.GROUP_MEMBER)
def add_point(group_id: int, session_id: int):
    membership, session = load_session(group_id, session_id)
    form = ActionPointForm()
    form.owner.choices = member_choices(membership, _("nog niemand"))
    if form.validate_on_submit():
        owner = db.session.get(User, form.owner.data) if form.owner.data != NOBODY else None
        findings = guard.scan(form.what.data, services.known_names(session))
        if findings:
            kinds = ", ".join(sorted({f.kind for f in findings}))
            message = _(
                "Dit actiepunt lijkt persoonsgegevens te bevatten (%(kinds)s). "
                "Schrijf het zonder, bijvoorbeeld met 'cliënt A'.",
                kinds=kinds,
            )
            flash(message, "error")
        else:
            what = form.what.data.strip()
            services.add_action_point(session, what, owner, form.due.data, current_user)
            db.session.commit()
            flash(_("Het actiepunt is toegevoegd."), "success")
    else:
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
    return redirect(session_url(session, _anchor="acties"))


@bp.route("/teams/<int:group_id>/acties/<int:point_id>", methods=["POST"])
@access(Access.GROUP_MEMBER)
def review(group_id: int, point_id: int):
    """Mark a point done, carried over or dropped (at the next session, or by its owner)."""
    membership = load_membership("teams", group_id)
    point = db.session.get(ActionPoint, point_id)
    if point is None or point.team_id != membership.group_id:
        abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        in_session = None
        if (form.session_id.data or "").isdigit():
            in_session = db.session.get(TeamSession, int(form.session_id.data))
            if in_session is not None and in_session.team_id != point.team_id:
                in_session = None
        services.review_point(point, Review(form.choice.data), in_session)
        db.session.commit()
        flash(_("Het actiepunt is bijgewerkt."), "success")
        if in_session is not None:
            return redirect(session_url(in_session, _anchor="agenda"))
    return redirect(request.referrer if _same_site(request.referrer) else url_for("home.index"))


def _same_site(url: str | None) -> bool:
    return bool(url) and url.startswith(request.host_url)


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>/samenvatting")
@access(Access.GROUP_MEMBER)
def summary(group_id: int, session_id: int):
    _membership, session = load_session(group_id, session_id)
    return render_template(
        "intervision/summary.html",
        session=session,
        notes=services.notes_by_place(session),
        Slot=Slot,
        now=utcnow(),
    )


@bp.route("/teams/<int:group_id>/sessies/<int:session_id>/samenvatting.md")
@access(Access.GROUP_MEMBER)
def summary_download(group_id: int, session_id: int):
    _membership, session = load_session(group_id, session_id)
    text = summary_markdown(session, services.notes_by_place(session))
    name = f"sessie-{local_day(session.scheduled_at):%Y-%m-%d}-{session.id}.md"
    return attachment(text, name, "text/markdown")


@bp.app_template_global()
def team_open_points(team) -> list[ActionPoint]:
    return services.open_points_of_team(team)


@bp.app_template_global()
def my_open_points() -> list[ActionPoint]:
    return services.open_points_of_user(current_user) if current_user.is_authenticated else []


# The words for stored values (see labels.py), for every template that shows points or notes.
for _helper in (labels.credit, labels.point_owner, labels.point_status, labels.role_holder):
    bp.add_app_template_global(_helper)
