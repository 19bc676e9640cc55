"""A class's finished live sessions on a case, for the trainer's results ("in de groep
besproken"). The group's votes are a population of their own (guests may have voted,
students vote again): they are shown beside the students' choices, never added to them.

Votes are counted in SQL (`GROUP BY session, step, option`) for all the sessions at once;
the steps come in one more query, so the cost does not grow with the number of votes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from learn.auth.models import utcnow
from learn.casesim.models import Case, CaseVersion
from learn.extensions import db
from learn.live.machine import Phase
from learn.live.models import LiveParticipant, LiveSession, LiveVote
from learn.live.services import expire_if_due
from learn.live.summary import DecisionRecord, decision_record, option_results


@dataclass(frozen=True)
class GroupDiscussion:
    session: LiveSession
    decisions: list[DecisionRecord]  # the path the group walked: withdrawn rounds left out


@dataclass(frozen=True)
class DiscussedOn:
    session_id: int
    day: datetime


def expire_overdue(group_id: int) -> None:
    """End the group's sessions left open past their expiry, so they count as discussed."""
    overdue = select(LiveSession).where(
        LiveSession.group_id == group_id,
        LiveSession.phase != Phase.ENDED.value,
        LiveSession.expires_at <= utcnow(),
    )
    for live in db.session.scalars(overdue).all():
        expire_if_due(live)


def vote_counts(session_ids: list[int]) -> dict[tuple[int, int], dict[int, int]]:
    """(session, step) -> {option: votes}, counting only participants still in."""
    query = (
        select(LiveVote.session_id, LiveVote.step_number, LiveVote.option_index, func.count())
        .join(LiveParticipant, LiveParticipant.id == LiveVote.participant_id)
        .where(LiveVote.session_id.in_(session_ids), LiveParticipant.removed_at.is_(None))
        .group_by(LiveVote.session_id, LiveVote.step_number, LiveVote.option_index)
    )
    counts: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for session_id, step_number, option, number in db.session.execute(query):
        counts[(session_id, step_number)][option] = number
    return counts


def discussed_in_group(group_id: int, case_id: int) -> list[GroupDiscussion]:
    """The group's finished sessions on the case (any version), newest first."""
    expire_overdue(group_id)
    sessions = db.session.scalars(
        select(LiveSession)
        .join(CaseVersion, LiveSession.case_version_id == CaseVersion.id)
        .where(
            LiveSession.group_id == group_id,
            CaseVersion.case_id == case_id,
            LiveSession.phase == Phase.ENDED.value,
        )
        .options(
            joinedload(LiveSession.case_version),
            joinedload(LiveSession.leader),
            selectinload(LiveSession.steps),
        )
        .order_by(LiveSession.created_at.desc(), LiveSession.id.desc())
    ).all()
    counts = vote_counts([s.id for s in sessions]) if sessions else {}
    discussions = []
    for live in sessions:
        scenes = live.case_version.content.scenes
        decisions = []
        for step in live.steps:
            scene = scenes.get(step.scene_id)
            if scene is None or scene.kind != "decision" or step.withdrawn:
                continue
            options = option_results(scene, counts.get((live.id, step.number), {}))
            decisions.append(decision_record(len(decisions) + 1, scene, step, options))
        discussions.append(GroupDiscussion(live, decisions))
    return discussions


def discussed_cases(group_id: int) -> dict[str, list[DiscussedOn]]:
    """Case slug -> when the group discussed it live (oldest first), for the overviews."""
    expire_overdue(group_id)
    query = (
        select(Case.slug, LiveSession.id, LiveSession.created_at)
        .join(CaseVersion, LiveSession.case_version_id == CaseVersion.id)
        .join(Case, CaseVersion.case_id == Case.id)
        .where(LiveSession.group_id == group_id, LiveSession.phase == Phase.ENDED.value)
        .order_by(LiveSession.created_at, LiveSession.id)
    )
    found: dict[str, list[DiscussedOn]] = defaultdict(list)
    for slug, session_id, created_at in db.session.execute(query):
        found[slug].append(DiscussedOn(session_id, created_at))
    return dict(found)
