"""Demo live sessions: the demo class walked one of its assigned cases together, the demo
team a library case, so the class and team pages, the summaries and the trainer's results
show a real session at once. Loading twice changes nothing.

The sessions are played through the real services (start, join, open, vote, reveal, pick,
end), so they obey every rule a live session has. Their codes contain an O, which drawn
codes never do: that marks them as demo data and finds them again.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import select, update

from learn.auth.models import User, utcnow
from learn.casesim.models import Case
from learn.content import Scene
from learn.extensions import db
from learn.groups.models import Group
from learn.live.machine import Action, group_choice
from learn.live.models import LiveParticipant, LiveSession, LiveVote
from learn.live.services import (
    cast_vote,
    current_step,
    join_guest,
    join_member,
    perform,
    start_session,
)
from learn.live.summary import results

CLASS_CODE = "DEMOK1"  # no O or 1 in drawn codes (learn/groups/codes.py)
TEAM_CODE = "DEMOT1"
CLASS_CASE = "moeder-bang-voor-terugval"  # one of the demo class's assigned cases
TEAM_CASE = "zus-kan-niet-meer"  # close to the team's intervision demo
TEAM_GUESTS = ["Collega Ruud (demo)", "Collega Fatma (demo)", "Wijkagent Sanne (demo)"]
WEIGHTS = {"sterk": 5, "begrijpelijk": 3, "riskant": 2}  # a group that mostly chooses well
MAX_STEPS = 30
# The notes speak of what was discussed, never of how the votes fell: the votes are drawn.
CLASS_NOTES = {
    "telefoon": "Besproken: ook goed nieuws over Dylan is informatie die je zonder zijn "
    "toestemming niet deelt, hoe vriendelijk ook bedoeld.",
    "toestemming": "Verschil van mening over tempo: meteen met z'n drieën, of Dylan eerst zelf "
    "contact laten leggen. Afgesproken dat we letten op wie de regie heeft.",
}
TEAM_NOTES = {
    "telefoon": "Het team herkende de neiging om Ans terug te verwijzen naar Wim. Een naaste "
    "die overvraagd is, verdient zelf ook een luisterend oor.",
    "gesprek-wim": "Moet je het telefoontje van Ans meteen noemen? Besproken: wie het verzwijgt, "
    "werkt achter Wims rug en zet zijn vertrouwen op het spel.",
}


def load_demo_live(
    demo_class: Group, trainer: User, team: Group, begeleider: User, member: User
) -> None:
    existing = set(db.session.scalars(select(LiveSession.code)))
    if CLASS_CODE not in existing and (case := _case(CLASS_CASE)) is not None:
        students = [m.user for m in demo_class.memberships if not m.is_leader]
        students.sort(key=lambda u: u.id)
        present = students[: max(len(students) - 2, 1)]  # two were absent that day
        _session(demo_class, case, trainer, CLASS_CODE, days_ago=3, named=False,
                 members=present, guests=[], notes=CLASS_NOTES)  # fmt: skip
    if TEAM_CODE not in existing and (case := _case(TEAM_CASE)) is not None:
        _session(team, case, begeleider, TEAM_CODE, days_ago=10, named=True,
                 members=[member], guests=TEAM_GUESTS, notes=TEAM_NOTES)  # fmt: skip


def _case(slug: str) -> Case | None:
    case = db.session.scalar(select(Case).where(Case.slug == slug))
    return case if case is not None and case.current_version is not None else None


def _session(
    group: Group,
    case: Case,
    leader: User,
    code: str,
    *,
    days_ago: int,
    named: bool,
    members: list[User],
    guests: list[str],
    notes: dict[str, str],
) -> None:
    live = start_session(
        group, case.current_version, leader,
        allow_guests=bool(guests), named=named, expiry_minutes=60,
    )  # fmt: skip
    live.code = code
    db.session.commit()
    voters = [join_member(live, user) for user in members]
    voters += [join_guest(live, name) for name in guests]
    rng = random.Random(code)  # noqa: S311  (the same demo every time; not a secret)

    def choose(scene: Scene, _voter: int) -> int:
        weights = [WEIGHTS.get(c.quality, 2) for c in scene.choices]
        return rng.choices(scene.choices, weights=weights)[0].index

    play_through(live, voters, choose, notes)
    _backdate(live, days_ago)


def _act(live: LiveSession, action: Action, **details) -> None:
    refusal = perform(live, action, live.version, expiry_minutes=60, **details)
    if refusal is not None:
        raise RuntimeError(f"demo session: {action.value} refused ({refusal.value})")


def play_through(
    live: LiveSession,
    voters: list[LiveParticipant],
    choose: Callable[[Scene, int], int],
    notes: dict[str, str],
) -> None:
    """To an ending as a leader would: everyone votes (`choose(scene, voter number)` gives
    the option), the leader follows the group's choice (the strongest on a tie), writes a
    note where `notes` has one for the scene, and ends."""
    content = live.case_version.content
    for _step in range(MAX_STEPS):
        scene = content.scenes[current_step(live).scene_id]
        if scene.kind == "ending":
            break
        if scene.kind != "decision":
            _act(live, Action.NEXT)
            continue
        _act(live, Action.OPEN)
        for number, voter in enumerate(voters):
            cast_vote(live, voter, live.step_number, choose(scene, number))
        _act(live, Action.CLOSE)
        _act(live, Action.REVEAL)
        if scene.id in notes:
            _act(live, Action.NOTE, note=notes[scene.id])
        counts = {o.choice.index: o.votes for o in results(live, live.step_number, scene)}
        strongest = max(scene.choices, key=lambda c: (WEIGHTS.get(c.quality, 2), counts[c.index]))
        _act(live, Action.PICK, choice=group_choice(counts) or strongest.index)
        _act(live, Action.NEXT)
    _act(live, Action.END)


def _backdate(live: LiveSession, days_ago: int) -> None:
    """The session took place some days ago and lasted about three quarters of an hour."""
    started = utcnow().replace(second=0, microsecond=0) - timedelta(days=days_ago)
    live.created_at = started
    live.ended_at = live.expires_at = started + timedelta(minutes=45)
    for participant in db.session.scalars(
        select(LiveParticipant).where(LiveParticipant.session_id == live.id)
    ):
        participant.joined_at = started
    db.session.execute(
        update(LiveVote).where(LiveVote.session_id == live.id).values(updated_at=started)
    )
    db.session.commit()
