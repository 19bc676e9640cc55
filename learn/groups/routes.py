"""Routes for classes and teams.

Authorization rule: a user who is not a member of a group gets 404 for all of
its pages, so the existence of a group is not revealed; a member who lacks the
leader role gets 403 for leader actions.
"""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from learn.access import Access, access
from learn.extensions import db, limiter
from learn.forms import ActionForm
from learn.groups import bp
from learn.groups.codes import format_join_code, normalise_join_code
from learn.groups.forms import GroupForm, JoinForm
from learn.groups.models import Group, GroupKind, Membership, Role

SECTIONS = {"classes": GroupKind.CLASS, "teams": GroupKind.TEAM}
SECTION_OF = {kind: section for section, kind in SECTIONS.items()}


def group_url(group: Group, endpoint: str = "groups.detail", **values) -> str:
    return url_for(endpoint, section=SECTION_OF[GroupKind(group.kind)], group_id=group.id, **values)


def load_membership(section: str, group_id: int) -> Membership:
    """The current user's membership of the group, or 404 (also for a wrong section)."""
    group = db.session.get(Group, group_id)
    if group is None or group.kind != SECTIONS[section]:
        abort(404)
    membership = group.membership_of(current_user)
    if membership is None:
        abort(404)
    return membership


def require_leader(section: str, group_id: int) -> Membership:
    """The leader's membership; an archived class is read-only, so it changes nothing (403)."""
    membership = load_membership(section, group_id)
    if not membership.is_leader or membership.group.archived_at is not None:
        abort(403)
    return membership


def create_group(kind: GroupKind):
    form = GroupForm()
    if form.validate_on_submit():
        group = Group(
            kind=kind,
            name=form.name.data,
            description=(form.description.data or "").strip(),
            created_by_id=current_user.id,
        )
        db.session.add(group)
        group.add_member(current_user, group.leader_role)
        db.session.commit()
        flash(_("Aangemaakt. Deel de code om anderen uit te nodigen."), "success")
        return redirect(group_url(group))
    return render_template("groups/create.html", form=form, kind=kind)


@bp.route("/classes/new", methods=["GET", "POST"])
@access(Access.TRAINER)
def create_class():
    return create_group(GroupKind.CLASS)


@bp.route("/teams/new", methods=["GET", "POST"])
@access(Access.USER)
def create_team():
    return create_group(GroupKind.TEAM)


def render_detail(membership: Membership, edit_form: GroupForm | None = None, status: int = 200):
    group = membership.group
    return render_template(
        "groups/detail.html",
        group=group,
        membership=membership,
        join_code=format_join_code(group.join_code),
        join_url=url_for("groups.join_with_code", code=group.join_code, _external=True),
        edit_form=edit_form or GroupForm(obj=group),
        action_form=ActionForm(),
    ), status


@bp.route("/<any(classes, teams):section>/<int:group_id>")
@access(Access.GROUP_MEMBER)
def detail(section: str, group_id: int):
    return render_detail(load_membership(section, group_id))


@bp.route("/<any(classes, teams):section>/<int:group_id>/edit", methods=["POST"])
@access(Access.GROUP_LEADER)
def edit(section: str, group_id: int):
    membership = require_leader(section, group_id)
    group = membership.group
    form = GroupForm()
    if form.validate_on_submit():
        group.name = form.name.data
        group.description = (form.description.data or "").strip()
        db.session.commit()
        flash(_("Opgeslagen."), "success")
        return redirect(group_url(group))
    return render_detail(membership, edit_form=form, status=400)


@bp.route("/<any(classes, teams):section>/<int:group_id>/code", methods=["POST"])
@access(Access.GROUP_LEADER)
def regenerate_code(section: str, group_id: int):
    group = require_leader(section, group_id).group
    if ActionForm().validate_on_submit():
        group.regenerate_code()
        db.session.commit()
        flash(_("Er is een nieuwe code. De oude werkt niet meer."), "success")
    return redirect(group_url(group))


def change_member(section: str, group_id: int, membership_id: int, change) -> Response:
    """Apply `change(target)` to a member, as the group's leader, never leaving it leaderless."""
    group = require_leader(section, group_id).group
    target = db.session.get(Membership, membership_id)
    if target is None or target.group_id != group.id:
        abort(404)
    if ActionForm().validate_on_submit():
        if target.is_leader and len(group.leaders()) == 1:
            flash(_("Een groep heeft altijd minstens één begeleider of trainer."), "error")
        else:
            message = change(target)
            db.session.commit()
            flash(message, "success")
    return redirect(group_url(group))


@bp.route(
    "/<any(classes, teams):section>/<int:group_id>/members/<int:membership_id>/remove",
    methods=["POST"],
)
@access(Access.GROUP_LEADER)
def remove_member(section: str, group_id: int, membership_id: int):
    def remove(target: Membership) -> str:
        db.session.delete(target)
        return _("%(name)s is uit de groep gehaald.", name=target.user.display_name)

    return change_member(section, group_id, membership_id, remove)


@bp.route("/teams/<int:group_id>/members/<int:membership_id>/role", methods=["POST"])
@access(Access.GROUP_LEADER)
def toggle_role(group_id: int, membership_id: int):
    def toggle(target: Membership) -> str:
        target.role = Role.LID if target.is_leader else Role.BEGELEIDER
        return _("De rol is aangepast.")

    return change_member("teams", group_id, membership_id, toggle)


@bp.route("/<any(classes, teams):section>/<int:group_id>/leave", methods=["POST"])
@access(Access.GROUP_MEMBER)
def leave(section: str, group_id: int):
    membership = load_membership(section, group_id)
    group = membership.group
    if not ActionForm().validate_on_submit():
        return redirect(group_url(group))
    if membership.is_leader and len(group.leaders()) == 1 and len(group.memberships) > 1:
        flash(
            _("Je bent de enige begeleider of trainer. Geef eerst iemand anders die rol."), "error"
        )
        return redirect(group_url(group))
    db.session.delete(membership)
    db.session.commit()
    flash(_("Je hebt %(name)s verlaten.", name=group.name), "success")
    return redirect(url_for("home.index"))


@bp.route("/join", methods=["GET", "POST"])
@limiter.limit("30 per hour", methods=["POST"])
@access(Access.USER)
def join():
    form = JoinForm(code=request.args.get("code", ""))
    group = None
    if form.validate_on_submit():
        group = Group.by_join_code(normalise_join_code(form.code.data))
        if group is None or group.archived_at is not None:
            form.code.errors.append(
                _("Deze code hoort bij geen klas of team. Controleer hem en probeer opnieuw.")
            )
        elif group.membership_of(current_user) is not None:
            flash(_("Je bent al lid van %(name)s.", name=group.name), "info")
            return redirect(group_url(group))
        else:
            group.add_member(current_user)
            try:
                db.session.commit()
            except IntegrityError:  # a double click raced us: the membership exists
                db.session.rollback()
            flash(_("Welkom in %(name)s.", name=group.name), "success")
            return redirect(group_url(group))
    return render_template("groups/join.html", form=form), 400 if form.errors else 200


@bp.route("/join/<code>")
@access(Access.USER)
def join_with_code(code: str):
    """The join link: shows which group it is before the user confirms with POST."""
    group = Group.by_join_code(normalise_join_code(code))
    if group is None:
        abort(404)
    return render_template(
        "groups/join.html", form=JoinForm(code=format_join_code(group.join_code)), group=group
    )
