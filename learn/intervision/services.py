"""Reading and writing sessions: planning, phases, notes through the guard, action points.

The views stay thin: they check who asks, then call these. Everything that needs the
clock takes ``now``, so the tests need no real time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select

from learn.auth.models import User, utcnow
from learn.content.methods import Method
from learn.extensions import db
from learn.groups.models import Group, Membership
from learn.intervision import guard, timer
from learn.intervision.models import (
    DEFAULT_RETENTION_DAYS,
    ActionPoint,
    GuardOverride,
    NoteDraft,
    SessionNote,
    TeamSession,
    TeamSettings,
)
from learn.intervision.rules import (
    SESSION_ROLES,
    Conflict,
    PointStatus,
    Review,
    Status,
    check_version,
)

# --- planning and phases ---------------------------------------------------------------------


def plan_session(team: Group, method: Method, planner: User, **fields: Any) -> TeamSession:
    """A new session with a copy of the method's phases (later method edits leave it be)."""
    for role in SESSION_ROLES:
        fields[f"{role}_chosen"] = fields.get(f"{role}_id") is not None
    session = TeamSession(
        team=team,
        method_id=method.id,
        method_title=method.title,
        phases=method.phases_as_dicts(),
        created_by_id=planner.id,
        **fields,
    )
    session.timer = timer.for_minutes(method.phases[0].minutes)
    db.session.add(session)
    return session


def sessions_of(team: Group) -> list[TeamSession]:
    return list(
        db.session.scalars(
            select(TeamSession)
            .where(TeamSession.team_id == team.id)
            .order_by(TeamSession.scheduled_at.desc())
        )
    )


def run_timer(session: TeamSession, action: str, now: datetime, *, minutes: int = 5) -> None:
    """Apply a gespreksleider's button: start, pause, extend, skip, loop back, finish."""
    if session.status == Status.FINISHED:
        return
    if action == "start":
        session.status = Status.RUNNING
        session.timer = timer.start(session.timer, now)
    elif action == "pause":
        session.timer = timer.pause(session.timer, now)
    elif action == "extend":
        session.timer = timer.extend(session.timer, minutes)
    elif action == "skip" and session.current_phase + 1 < len(session.phases):
        go_to_phase(session, session.current_phase + 1, now)
    elif action == "loop" and session.phase and session.phase.get("loop_back"):
        target = [p["id"] for p in session.phases].index(session.phase["loop_back"])
        go_to_phase(session, target, now)
    elif action == "finish":
        session.timer = timer.pause(session.timer, now)
        session.status = Status.FINISHED
        session.finished_at = now


def go_to_phase(session: TeamSession, index: int, now: datetime) -> None:
    session.current_phase = index
    session.timer = timer.next_phase(session.timer, session.phases[index]["minutes"], now)


def timer_state(session: TeamSession, now: datetime) -> dict[str, Any]:
    """What every member's page shows (and the JSON the countdown script polls)."""
    current = session.timer
    left = timer.remaining(current, now)
    end = timer.deadline(current)
    return {
        "phase": session.current_phase,
        "status": session.status,
        "running": current.running,
        "remaining": left,
        "clock": timer.clock(left),
        "overrun": timer.overrun(current, now),
        "deadline": end.isoformat() + "Z" if end else None,
    }


# --- notes, drafts and the privacy guard -----------------------------------------------------


@dataclass
class SaveResult:
    """What became of a publish: published, or held back with findings or a conflict."""

    published: bool = False
    findings: list[Any] = field(default_factory=list)
    conflict: Conflict | None = None


def note_of(session: TeamSession, phase: int, key: str) -> SessionNote | None:
    return db.session.scalar(
        select(SessionNote).where(
            SessionNote.session_id == session.id,
            SessionNote.phase == phase,
            SessionNote.slot == key,
        )
    )


def draft_of(session: TeamSession, phase: int, key: str, user: User) -> NoteDraft | None:
    return db.session.scalar(
        select(NoteDraft).where(
            NoteDraft.session_id == session.id,
            NoteDraft.phase == phase,
            NoteDraft.slot == key,
            NoteDraft.user_id == user.id,
        )
    )


def save_draft(
    session: TeamSession, phase: int, key: str, user: User, text: str, base_version: int
) -> NoteDraft:
    """Autosave: the author's own copy. Never published, whatever it holds."""
    draft = draft_of(session, phase, key, user)
    if draft is None:
        draft = NoteDraft(session_id=session.id, phase=phase, slot=key, user_id=user.id)
        db.session.add(draft)
    draft.text = text
    draft.base_version = base_version
    draft.updated_at = utcnow()
    return draft


def known_names(session: TeamSession) -> list[str]:
    """The team members' own names, which the guard leaves alone."""
    return [m.user.display_name for m in session.team.memberships]


def publish(
    session: TeamSession,
    phase: int,
    key: str,
    user: User,
    text: str,
    base_version: int,
    *,
    override: bool = False,
) -> SaveResult:
    """Publish to the team's view when the text is on top of the current version and passes
    the guard (or the author chose "toch opslaan", which is recorded). Otherwise the text
    stays in the author's draft and the result says why."""
    note = note_of(session, phase, key)
    current = note.version if note else 0
    if not check_version(current, base_version):
        save_draft(session, phase, key, user, text, base_version)
        return SaveResult(conflict=Conflict(note.body if note else "", text, current))
    findings = guard.scan(text, known_names(session))
    if findings and not override:
        save_draft(session, phase, key, user, text, base_version)
        return SaveResult(findings=findings)
    if findings:
        kinds = ",".join(sorted({f.kind for f in findings}))
        db.session.add(
            GuardOverride(
                session_id=session.id, user_id=user.id, phase=phase, slot=key, kinds=kinds
            )
        )
    if note is None:
        note = SessionNote(session_id=session.id, phase=phase, slot=key, author_id=user.id)
        db.session.add(note)
    note.body = text
    note.version = current + 1
    note.edited_by_id = user.id
    note.updated_at = utcnow()
    draft = draft_of(session, phase, key, user)
    if draft is not None:
        db.session.delete(draft)
    return SaveResult(published=True)


def pseudonymise(session: TeamSession, text: str) -> str:
    """Replace every finding by its pseudonym, the same one throughout the session."""
    findings = guard.scan(text, known_names(session))
    new_text, aliases = guard.pseudonymise(text, findings, dict(session.aliases or {}))
    session.aliases = dict(aliases)
    return new_text


def notes_by_place(session: TeamSession) -> dict[tuple[int, str], SessionNote]:
    return {(n.phase, n.slot): n for n in session.notes}


# --- action points ---------------------------------------------------------------------------


def add_action_point(
    session: TeamSession, what: str, owner: User | None, due: date | None, author: User
) -> ActionPoint:
    point = ActionPoint(
        session=session,
        team_id=session.team.id,
        what=what,
        owner_id=owner.id if owner else None,
        owner_chosen=owner is not None,
        due=due,
        author_id=author.id,
    )
    db.session.add(point)
    return point


def earlier_open_points(session: TeamSession) -> list[ActionPoint]:
    """The agenda's opening: the team's open points from other sessions."""
    return _open_points(
        ActionPoint.team_id == session.team_id, ActionPoint.session_id != session.id
    )


def review_point(point: ActionPoint, choice: Review, in_session: TeamSession | None) -> None:
    point.status = choice.status
    if in_session is not None:
        point.reviewed_in_id = in_session.id
    if choice is Review.CARRIED:
        point.times_carried += 1
    point.closed_at = None if point.is_open else utcnow()


def open_points_of_team(team: Group) -> list[ActionPoint]:
    return _open_points(ActionPoint.team_id == team.id)


def open_points_of_user(user: User) -> list[ActionPoint]:
    """A member's own open points, only in teams they are still in."""
    still_member = (Membership.group_id == ActionPoint.team_id) & (Membership.user_id == user.id)
    return _open_points(ActionPoint.owner_id == user.id, join=(Membership, still_member))


def _open_points(*where: Any, join: tuple[Any, Any] | None = None) -> list[ActionPoint]:
    """Open points matching ``where``, the soonest due first (no due date last)."""
    query = select(ActionPoint).where(ActionPoint.status == PointStatus.OPEN, *where)
    if join is not None:
        query = query.join(*join)
    return list(
        db.session.scalars(
            query.order_by(ActionPoint.due.is_(None), ActionPoint.due, ActionPoint.id)
        )
    )


# --- retention and the user's own data -------------------------------------------------------


def retention_days(team: Group) -> int:
    settings = db.session.get(TeamSettings, team.id)
    return settings.retention_days if settings else DEFAULT_RETENTION_DAYS


def set_retention_days(team: Group, days: int) -> None:
    settings = db.session.get(TeamSettings, team.id)
    if settings is None:
        settings = TeamSettings(team_id=team.id)
        db.session.add(settings)
    settings.retention_days = days


def purge_expired(now: datetime) -> int:
    """Delete the notes, drafts and pseudonym lists of sessions held longer ago than their
    team's retention period. The session itself (date, method) and its action points stay.
    Returns how many sessions were purged."""
    days = dict(db.session.execute(select(TeamSettings.team_id, TeamSettings.retention_days)).all())
    candidates = db.session.scalars(
        select(TeamSession).where(TeamSession.purged_at.is_(None))
    ).all()
    purged = 0
    for session in candidates:
        held = session.finished_at or session.scheduled_at
        if held > now - timedelta(days=days.get(session.team_id, DEFAULT_RETENTION_DAYS)):
            continue
        for model in (SessionNote, NoteDraft, GuardOverride):
            db.session.execute(delete(model).where(model.session_id == session.id))
        session.aliases = {}
        session.purged_at = now
        purged += 1
    db.session.commit()
    return purged


def export_user_notes(user: User) -> list[dict[str, Any]]:
    """Everything in team sessions this user wrote or owns, for "download all my data"."""
    rows: list[dict[str, Any]] = []
    notes = db.session.scalars(
        select(SessionNote).where(
            (SessionNote.author_id == user.id) | (SessionNote.edited_by_id == user.id)
        )
    )
    for note in notes:
        rows.append(
            _export_row("note", note.session, note.phase, note.slot, note.body, note.updated_at)
        )
    for draft in db.session.scalars(select(NoteDraft).where(NoteDraft.user_id == user.id)):
        session = db.session.get(TeamSession, draft.session_id)
        rows.append(
            _export_row("draft", session, draft.phase, draft.slot, draft.text, draft.updated_at)
        )
    points = db.session.scalars(
        select(ActionPoint).where(
            (ActionPoint.owner_id == user.id) | (ActionPoint.author_id == user.id)
        )
    )
    for point in points:
        row = _export_row("action_point", point.session, -1, "actie", point.what, point.created_at)
        row.update(due=point.due.isoformat() if point.due else None, status=point.status)
        rows.append(row)
    return rows


def _export_row(
    kind: str, session: TeamSession, phase: int, slot: str, text: str, when: datetime
) -> dict[str, Any]:
    phase_name = session.phases[phase]["name"] if 0 <= phase < len(session.phases) else None
    return {
        "kind": kind,
        "team": session.team.name,
        "session": session.title,
        "session_date": session.scheduled_at.isoformat(),
        "phase": phase_name,
        "slot": slot.split(":")[0],
        "text": text,
        "updated_at": when.isoformat(),
    }
