"""Live sessions in the database: start, leader actions, joining, voting, the cheap state read.

The state machine (machine.py) decides; these functions store. Leader actions are
optimistic: the form carries the version it was shown at, and the row is only updated
`WHERE version = <that version>` (SQLAlchemy's version counter), so a double click or a
second device acting on an old screen changes nothing. A vote is a single
INSERT … SELECT … ON CONFLICT DO UPDATE that only writes while voting is open for that
step and the participant is still in: checked and written in one statement.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from learn.auth.models import User, utcnow
from learn.casesim import engine
from learn.casesim.models import CaseVersion
from learn.extensions import db
from learn.groups.models import Group
from learn.live.machine import Action, InvalidTransition, Phase, State, apply
from learn.live.models import LiveParticipant, LiveSession, LiveStep, LiveVote


def start_session(
    group: Group,
    version: CaseVersion,
    leader: User,
    *,
    allow_guests: bool,
    named: bool,
    expiry_minutes: int,
) -> LiveSession:
    """A new session on the case's start scene; a rare code collision draws a new code."""
    for _attempt in range(5):
        session = LiveSession(
            group_id=group.id,
            case_version_id=version.id,
            leader_id=leader.id,
            allow_guests=allow_guests,
            named=named,
            expires_at=utcnow() + timedelta(minutes=expiry_minutes),
        )
        session.steps.append(LiveStep(number=1, scene_id=version.content.start))
        db.session.add(session)
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        return session
    raise RuntimeError("no free session code")


def current_step(session: LiveSession) -> LiveStep:
    return next(step for step in session.steps if step.number == session.step_number)


def previous_step(session: LiveSession) -> LiveStep | None:
    """The step the group came from (not withdrawn), to go back to."""
    earlier = [s for s in session.steps if s.number < session.step_number and not s.withdrawn]
    return earlier[-1] if earlier else None


def state_of(session: LiveSession) -> State:
    scene = session.case_version.content.scenes[current_step(session).scene_id]
    has_previous = previous_step(session) is not None
    return State(Phase(session.phase), session.paused, scene.kind, has_previous)


class Refusal(enum.Enum):
    """Why an action or a vote was not stored; routes turn these into messages."""

    CHANGED = "changed"  # the leader's screen was out of date
    NOT_ALLOWED = "not_allowed"
    BAD_CHOICE = "bad_choice"
    CLOSED = "closed"  # voting is not open (or paused)
    OTHER_STEP = "other_step"
    REMOVED = "removed"
    ENDED = "ended"


def perform(
    session: LiveSession,
    action: Action,
    seen_version: int,
    *,
    expiry_minutes: int,
    choice: int | None = None,
    note: str = "",
) -> Refusal | None:
    """Apply a leader action to the session; None when it was stored, else why not."""
    if seen_version != session.version:
        return Refusal.CHANGED
    try:
        new = apply(state_of(session), action)
    except InvalidTransition:
        return Refusal.NOT_ALLOWED
    content = session.case_version.content
    step = current_step(session)
    scene = content.scenes[step.scene_id]
    if action is Action.PICK:
        if choice not in {c.index for c in scene.choices}:
            return Refusal.BAD_CHOICE
        step.choice_index = choice
    elif action is Action.NOTE:
        step.note = note.strip()
    elif action is Action.NEXT:
        _add_step(session, engine.target(scene, step.choice_index))
    elif action is Action.BACK:
        back_to = previous_step(session)
        step.withdrawn = back_to.withdrawn = True
        _add_step(session, back_to.scene_id)
    elif action is Action.END:
        session.ended_at = utcnow()
    session.phase = new.phase.value
    session.paused = new.paused
    # Every action also counts as the leader being there: the expiry clock starts again.
    session.expires_at = utcnow() + timedelta(minutes=expiry_minutes)
    try:
        db.session.commit()  # UPDATE … WHERE version = seen_version
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        return Refusal.CHANGED
    return None


def _add_step(session: LiveSession, scene_id: str) -> None:
    number = max(step.number for step in session.steps) + 1
    session.steps.append(LiveStep(number=number, scene_id=scene_id))
    session.step_number = number


def expire_if_due(session: LiveSession, now: datetime | None = None) -> bool:
    """End a session left open past its expiry, as it stood; True when it did."""
    if session.ended or session.expires_at > (now or utcnow()):
        return False
    session.phase = Phase.ENDED.value
    session.paused = False
    session.expired = True
    session.ended_at = session.expires_at
    try:
        db.session.commit()
    except StaleDataError:  # another request expired it (or the leader acted) just now
        db.session.rollback()
    db.session.refresh(session)
    return session.ended


# --- participants ----------------------------------------------------------------------------


def join_member(session: LiveSession, user: User) -> LiveParticipant:
    """The user's participation, made on first visit; a double join finds the same row."""
    query = select(LiveParticipant).where(
        LiveParticipant.session_id == session.id, LiveParticipant.user_id == user.id
    )
    participant = db.session.scalar(query)
    if participant is None:
        db.session.add(
            LiveParticipant(session_id=session.id, user_id=user.id, display_name=user.display_name)
        )
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
        participant = db.session.scalar(query)
    return participant


def join_guest(session: LiveSession, name: str) -> LiveParticipant:
    participant = LiveParticipant(session_id=session.id, display_name=name.strip())
    db.session.add(participant)
    db.session.commit()
    return participant


def remove_participant(participant: LiveParticipant) -> None:
    """Their votes stop counting at once; they cannot vote or rejoin in this session."""
    participant.removed_at = participant.removed_at or utcnow()
    db.session.commit()


def participants(session: LiveSession) -> list[LiveParticipant]:
    return list(
        db.session.scalars(
            select(LiveParticipant)
            .where(LiveParticipant.session_id == session.id)
            .order_by(LiveParticipant.joined_at, LiveParticipant.id)
        )
    )


# --- votes -----------------------------------------------------------------------------------


def _insert(dialect: str):
    return (postgresql if dialect == "postgresql" else sqlite).insert


def cast_vote(
    session: LiveSession, participant: LiveParticipant, step_number: int, option: int | None
) -> Refusal | None:
    """Store (or change) the participant's vote for the step; None when stored, else why not.

    The rules that can change at any moment (voting open, this step, participant still in)
    are part of the one write statement, so a vote racing "close" is either counted before
    the close or refused; on PostgreSQL `FOR SHARE` makes "close" wait for it.
    """
    if participant.session_id != session.id:
        return Refusal.REMOVED
    scene = session.case_version.content.scenes[current_step(session).scene_id]
    if step_number == session.step_number and option not in {c.index for c in scene.choices}:
        return Refusal.BAD_CHOICE
    now = utcnow()
    source = (
        select(
            LiveSession.id, literal(step_number), LiveParticipant.id, literal(option), literal(now)
        )
        .join(LiveParticipant, LiveParticipant.session_id == LiveSession.id)
        .where(
            LiveSession.id == session.id,
            LiveSession.phase == Phase.VOTING.value,
            LiveSession.paused.is_(False),
            LiveSession.step_number == step_number,
            LiveParticipant.id == participant.id,
            LiveParticipant.removed_at.is_(None),
        )
        .with_for_update(read=True, of=LiveSession)
    )
    columns = ["session_id", "step_number", "participant_id", "option_index", "updated_at"]
    insert = _insert(db.engine.dialect.name)(LiveVote).from_select(columns, source)
    statement = insert.on_conflict_do_update(
        index_elements=["session_id", "step_number", "participant_id"],
        set_={"option_index": insert.excluded.option_index, "updated_at": now},
    ).returning(LiveVote.id)
    # RETURNING, not rowcount: psycopg reports -1 for an INSERT … SELECT … FOR SHARE.
    stored = db.session.execute(statement).first() is not None
    db.session.commit()
    if stored:
        return None
    db.session.refresh(session)
    db.session.refresh(participant)
    if participant.removed_at is not None:
        return Refusal.REMOVED
    if session.ended:
        return Refusal.ENDED
    if step_number != session.step_number:
        return Refusal.OTHER_STEP
    return Refusal.CLOSED


def vote_of(session: LiveSession, participant: LiveParticipant) -> int | None:
    return db.session.scalar(
        select(LiveVote.option_index).where(
            LiveVote.session_id == session.id,
            LiveVote.step_number == session.step_number,
            LiveVote.participant_id == participant.id,
        )
    )


def counted_votes(session_id: int, step_number: int) -> list[tuple[int, str]]:
    """(option, voter name) of every vote that counts: removed participants' votes do not."""
    return [
        (option, name)
        for option, name in db.session.execute(
            select(LiveVote.option_index, LiveParticipant.display_name)
            .join(LiveParticipant, LiveParticipant.id == LiveVote.participant_id)
            .where(
                LiveVote.session_id == session_id,
                LiveVote.step_number == step_number,
                LiveParticipant.removed_at.is_(None),
            )
            .order_by(LiveParticipant.display_name)
        )
    ]


# --- the cheap read that clients poll --------------------------------------------------------


@dataclass(frozen=True)
class Pulse:
    """What a follower needs to know whether to redraw: one query, no joins to content."""

    version: int
    phase: str
    paused: bool
    step: int
    votes: int
    participants: int
    expires_at: datetime

    @property
    def etag(self) -> str:
        return f"{self.version}-{self.votes}-{self.participants}"


def pulse(session_id: int) -> Pulse | None:
    votes = (
        select(func.count(LiveVote.id))
        .join(LiveParticipant, LiveParticipant.id == LiveVote.participant_id)
        .where(
            LiveVote.session_id == LiveSession.id,
            LiveVote.step_number == LiveSession.step_number,
            LiveParticipant.removed_at.is_(None),
        )
        .scalar_subquery()
    )
    joined = (
        select(func.count(LiveParticipant.id))
        .where(LiveParticipant.session_id == LiveSession.id, LiveParticipant.removed_at.is_(None))
        .scalar_subquery()
    )
    row = db.session.execute(
        select(
            LiveSession.version,
            LiveSession.phase,
            LiveSession.paused,
            LiveSession.step_number,
            votes,
            joined,
            LiveSession.expires_at,
        ).where(LiveSession.id == session_id)
    ).first()
    return Pulse(*row) if row else None
