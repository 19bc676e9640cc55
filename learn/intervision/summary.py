"""The session summary as Markdown, for the download (the page shows the same content,
in the same words: labels through the catalogue, times in Dutch local time)."""

from __future__ import annotations

from collections.abc import Mapping

from flask_babel import gettext as _

from learn.intervision.labels import credit, point_owner, point_status, role_holder
from learn.intervision.models import SessionNote, TeamSession
from learn.intervision.rules import Mode, Slot
from learn.localtime import format_date, format_datetime


def summary_markdown(session: TeamSession, notes: Mapping[tuple[int, str], SessionNote]) -> str:
    """Title, roles, the inbreng, each phase's notes (or answers), conclusions, action points."""
    lines = [
        f"# {session.title}",
        "",
        f"- {_('Datum')}: {format_datetime(session.scheduled_at)}",
        f"- {_('Methode')}: {session.method_title}",
        f"- {_('Gespreksleider')}: {role_holder(session, 'chair')}",
        f"- {_('Inbrenger')}: {role_holder(session, 'presenter')}",
        f"- {_('Notulist')}: {role_holder(session, 'scribe')}",
    ]
    if session.case_slug:
        lines.append(f"- {_('Casus uit de bibliotheek:')} {session.case_slug}")
    _section(lines, _("Inbreng"), notes.get((-1, Slot.SITUATION.value)))
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
            lines += ["", f"**{_('Reactie van de inbrenger')}:**", "", response.body.strip()]
    _section(lines, _("Conclusies"), notes.get((-1, Slot.CONCLUSIONS.value)))
    lines += ["", f"## {_('Actiepunten')}", ""]
    for point in session.action_points:
        due = ", " + _("uiterlijk %(date)s", date=format_date(point.due)) if point.due else ""
        lines.append(
            f"- [{'x' if not point.is_open else ' '}] {point.what} "
            f"({point_owner(point)}{due}; {point_status(point.status)})"
        )
    if not session.action_points:
        lines.append(_("Geen actiepunten."))
    return "\n".join(lines).rstrip() + "\n"


def _section(lines: list[str], title: str, note: SessionNote | None) -> None:
    lines += ["", f"## {title}"]
    _body(lines, note)


def _body(lines: list[str], note: SessionNote | None) -> None:
    text = note.body.strip() if note and note.body.strip() else f"_{_('Geen notities.')}_"
    lines += ["", text]
