"""Finding a session and who is asking: leader, member, guest or outsider.

Outsiders get 404 so a session's existence is not revealed; members who are not a
leader get 403 for the leader's pages. A guest is known by a signed entry in the session
cookie that names the one live session they joined.
"""

from __future__ import annotations

from flask import abort, redirect, request, session, url_for
from flask_login import current_user
from sqlalchemy.orm import joinedload

from learn.extensions import db
from learn.groups.models import Membership
from learn.live.models import LiveParticipant, LiveSession
from learn.live.services import expire_if_due, join_member

GUEST_KEY = "live_guest"  # {session id: participant id} of the sessions joined as a guest
FOLLOW_KEY = "live_follow"  # session ids this browser was allowed to see: cheap state reads


def load_session(session_id: int) -> LiveSession:
    live = db.session.get(LiveSession, session_id, options=[joinedload(LiveSession.case_version)])
    if live is None:
        abort(404)
    expire_if_due(live)
    return live


def membership(live: LiveSession) -> Membership | None:
    if not current_user.is_authenticated:
        return None
    return live.group.membership_of(current_user)


def member_session(session_id: int) -> tuple[LiveSession, Membership]:
    live = load_session(session_id)
    member = membership(live)
    if member is None:
        abort(404)
    return live, member


def leader_session(session_id: int) -> LiveSession:
    """Any leader of the group may lead: the one who started it can resume from any device."""
    live, member = member_session(session_id)
    if not member.is_leader:
        abort(403)
    allow_following(live.id)
    return live


def guest_participant(live: LiveSession) -> LiveParticipant | None:
    participant_id = session.get(GUEST_KEY, {}).get(str(live.id))
    participant = db.session.get(LiveParticipant, participant_id) if participant_id else None
    return participant if participant is not None and participant.session_id == live.id else None


def remember_guest(participant: LiveParticipant) -> None:
    guests = dict(session.get(GUEST_KEY, {}))
    guests[str(participant.session_id)] = participant.id
    session[GUEST_KEY] = guests


def viewer_session(session_id: int) -> LiveSession:
    """The session for a member or this session's guest (joining nobody); else login or 404."""
    live = load_session(session_id)
    if guest_participant(live) is None and membership(live) is None:
        if not current_user.is_authenticated:
            abort(redirect(url_for("auth.login", next=request.full_path.rstrip("?"))))
        abort(404)
    allow_following(live.id)
    return live


def participant_session(session_id: int) -> tuple[LiveSession, LiveParticipant]:
    """(session, participant): a member joins on their first visit; see viewer_session."""
    live = viewer_session(session_id)
    return live, guest_participant(live) or join_member(live, current_user)


def allow_following(session_id: int) -> None:
    following = list(session.get(FOLLOW_KEY, []))
    if session_id not in following:
        session[FOLLOW_KEY] = [*following[-9:], session_id]


def may_follow(session_id: int) -> bool:
    return session_id in session.get(FOLLOW_KEY, [])
