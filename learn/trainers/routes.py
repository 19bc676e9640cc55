"""Routes for sets and assignments: build, edit, copy, share, assign, extend.

Sets are visible to their owner and the trainers of the class they are shared with;
anyone else gets 404. Class actions need a trainer of that class and a class that is
not archived, checked on every request, so a removed trainer loses access at once.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from learn.access import Access, access
from learn.casesim.services import playable_cases
from learn.extensions import db
from learn.forms import ActionForm
from learn.groups.models import Group
from learn.lessons.catalog import all_modules
from learn.localtime import end_of_day, start_of_day
from learn.trainers.blueprint import bp
from learn.trainers.forms import AssignForm, ItemForm, NoteForm, SetForm
from learn.trainers.helpers import item_titles
from learn.trainers.models import Assignment, CaseSet, SetItem
from learn.trainers.services import (
    can_edit_set,
    copy_set,
    editable_sets,
    is_class_trainer,
    renumber,
    trainer_classes,
    writable,
)


def editable_set_or_404(set_id: int) -> CaseSet:
    case_set = db.session.get(CaseSet, set_id)
    if not can_edit_set(current_user, case_set):
        abort(404)
    return case_set


def item_choices() -> list[tuple[str, str]]:
    cases = [(f"case:{c.slug}", _("Casus: %(t)s", t=v.content.title)) for c, v in playable_cases()]
    modules = [(f"module:{m.id}", _("Module: %(t)s", t=m.title)) for m in all_modules().values()]
    return cases + modules


def share_choices() -> list[tuple[int, str]]:
    return [(0, _("niemand"))] + [(g.id, g.name) for g in trainer_classes(current_user)]


@bp.route("/sets", methods=["GET", "POST"])
@access(Access.TRAINER)
def sets():
    form = SetForm()
    form.shared_group_id.choices = share_choices()
    if form.validate_on_submit():
        case_set = CaseSet(owner_id=current_user.id, name=form.name.data.strip())
        case_set.shared_group_id = form.shared_group_id.data or None
        db.session.add(case_set)
        db.session.commit()
        flash(_("De set is aangemaakt. Voeg nu casussen en modules toe."), "success")
        return redirect(url_for("trainers.edit_set", set_id=case_set.id))
    return render_template(
        "trainers/sets.html", sets=editable_sets(current_user), form=form
    ), 400 if form.errors else 200


def render_set(case_set: CaseSet, *, form=None, item_form=None, assign_form=None, status=200):
    form = form or SetForm(obj=case_set, shared_group_id=case_set.shared_group_id or 0)
    form.shared_group_id.choices = share_choices()
    item_form = item_form or ItemForm()
    item_form.item.choices = item_choices()
    assign_form = assign_form or AssignForm()
    assign_form.group_id.choices = [(g.id, g.name) for g in trainer_classes(current_user)]
    assignments = db.session.scalars(
        select(Assignment).where(Assignment.set_id == case_set.id).order_by(Assignment.id)
    )
    return render_template(
        "trainers/set.html",
        case_set=case_set,
        form=form,
        item_form=item_form,
        assign_form=assign_form,
        note_form=NoteForm(),
        action_form=ActionForm(),
        titles=item_titles(),
        assignments=[
            a
            for a in assignments
            if is_class_trainer(current_user, db.session.get(Group, a.group_id))
        ],
    ), status


@bp.route("/sets/<int:set_id>", methods=["GET", "POST"])
@access(Access.SET_EDITOR)
def edit_set(set_id: int):
    case_set = editable_set_or_404(set_id)
    if request.method == "GET":
        return render_set(case_set)
    form = SetForm()
    form.shared_group_id.choices = share_choices()
    if not form.validate_on_submit():
        return render_set(case_set, form=form, status=400)
    case_set.name = form.name.data.strip()
    case_set.shared_group_id = form.shared_group_id.data or None
    db.session.commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for("trainers.edit_set", set_id=case_set.id))


@bp.route("/sets/<int:set_id>/items", methods=["POST"])
@access(Access.SET_EDITOR)
def add_item(set_id: int):
    case_set = editable_set_or_404(set_id)
    form = ItemForm()
    form.item.choices = item_choices()
    if not form.validate_on_submit():
        return render_set(case_set, item_form=form, status=400)
    kind, ref = form.item.data.split(":", 1)
    case_set.items.append(
        SetItem(
            position=len(case_set.items) + 1,
            kind=kind,
            ref=ref,
            note=(form.note.data or "").strip(),
        )
    )
    db.session.commit()
    flash(_("Toegevoegd."), "success")
    return redirect(url_for("trainers.edit_set", set_id=case_set.id))


@bp.route("/sets/<int:set_id>/items/<int:item_id>", methods=["POST"])
@access(Access.SET_EDITOR)
def change_item(set_id: int, item_id: int):
    """Move an item up or down, change its note, or remove it."""
    case_set = editable_set_or_404(set_id)
    item = next((i for i in case_set.items if i.id == item_id), None)
    if item is None:
        abort(404)
    form = NoteForm()
    if not form.validate_on_submit():
        abort(400)
    action = request.form.get("action", "")
    items = list(case_set.items)
    at = items.index(item)
    if action == "up" and at > 0:
        items[at - 1], items[at] = items[at], items[at - 1]
    elif action == "down" and at + 1 < len(items):
        items[at + 1], items[at] = items[at], items[at + 1]
    elif action == "remove":
        items.remove(item)
        db.session.delete(item)
    elif action == "note":
        item.note = (form.note.data or "").strip()
    else:
        abort(400)
    case_set.items = items
    renumber(case_set)
    db.session.commit()
    return redirect(url_for("trainers.edit_set", set_id=case_set.id, _anchor="items"))


@bp.route("/sets/<int:set_id>/copy", methods=["POST"])
@access(Access.SET_EDITOR)
def copy(set_id: int):
    case_set = editable_set_or_404(set_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    duplicate = copy_set(case_set, current_user, _("Kopie van %(name)s", name=case_set.name))
    db.session.commit()
    flash(_("Gekopieerd. Dit is je eigen kopie."), "success")
    return redirect(url_for("trainers.edit_set", set_id=duplicate.id))


@bp.route("/sets/<int:set_id>/assign", methods=["POST"])
@access(Access.SET_EDITOR)
def assign(set_id: int):
    case_set = editable_set_or_404(set_id)
    form = AssignForm()
    form.group_id.choices = [(g.id, g.name) for g in trainer_classes(current_user)]
    if not form.validate_on_submit():
        return render_set(case_set, assign_form=form, status=400)
    group = db.session.get(Group, form.group_id.data)
    if not is_class_trainer(current_user, group) or not writable(group):
        abort(404)
    assignment = Assignment(
        set_id=case_set.id,
        group_id=group.id,
        starts_at=start_of_day(form.starts_on.data),
        due_at=end_of_day(form.due_on.data),
        cutoff_at=end_of_day(form.cutoff_on.data),
    )
    db.session.add(assignment)
    db.session.commit()
    flash(_("Opgegeven aan %(name)s.", name=group.name), "success")
    return redirect(url_for("trainers.assignment", group_id=group.id, assignment_id=assignment.id))


from learn.trainers import classroom, results  # noqa: E402,F401  (they attach to bp too)
