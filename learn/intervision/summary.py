"""The session summary as Markdown, for the download (the page shows the same content)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from learn.intervision.models import SessionNote, TeamSession
from learn.intervision.rules import Mode, Slot


def summary_markdown(
    session: TeamSession,
    notes: Mapping[tuple[int, str], SessionNote],
    credit: Callable,
) -> str:
    """Title, roles, the inbreng, each phase's notes (or answers), conclusions, action points."""
    lines = [
        f"# {session.title}",
        "",
        f"- Datum: {session.scheduled_at:%d-%m-%Y %H:%M}",
        f"- Methode: {session.method_title}",
        f"- Gespreksleider: {_name(session.chair, credit)}",
        f"- Inbrenger: {_name(session.presenter, credit)}",
        f"- Notulist: {_name(session.scribe, credit)}",
    ]
    if session.case_slug:
        lines.append(f"- Casus uit de bibliotheek: {session.case_slug}")
    _section(lines, "Inbreng", notes.get((-1, Slot.SITUATION.value)))
    for index, phase in enumerate(session.phases):
        lines += ["", f"## {index + 1}. {phase['name']}"]
        if session.mode == Mode.LIVE:
            _body(lines, notes.get((index, Slot.NOTES.value)))
            continue
        for (at, key), note in sorted(notes.items(), key=lambda item: item[1].id):
            if at == index and key.startswith(Slot.ANSWER.value + ":"):
                lines += ["", f"**{credit(note.author)}:**", "", note.body.strip()]
        response = notes.get((index, Slot.RESPONSE.value))
        if response is not None:
            lines += ["", "**Reactie van de inbrenger:**", "", response.body.strip()]
    _section(lines, "Conclusies", notes.get((-1, Slot.CONCLUSIONS.value)))
    lines += ["", "## Actiepunten", ""]
    for point in session.action_points:
        due = f", uiterlijk {point.due:%d-%m-%Y}" if point.due else ""
        lines.append(
            f"- [{'x' if not point.is_open else ' '}] {point.what} "
            f"({_name(point.owner, credit)}{due}; {point.status})"
        )
    if not session.action_points:
        lines.append("Geen actiepunten.")
    return "\n".join(lines).rstrip() + "\n"


def _name(user, credit: Callable) -> str:
    return credit(user) if user is not None else "nog niet gekozen"


def _section(lines: list[str], title: str, note: SessionNote | None) -> None:
    lines += ["", f"## {title}"]
    _body(lines, note)


def _body(lines: list[str], note: SessionNote | None) -> None:
    lines += ["", note.body.strip() if note and note.body.strip() else "_Geen notities._"]
