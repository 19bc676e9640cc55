"""Cases as JSON for the database, and the hash that tells versions apart."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from .model import FORMAT_VERSION, Case, Choice, Ending, Line, Party, Scene, TrainerNotes


def content_hash(text: str) -> str:
    """sha256 hex of the file text: a changed hash means a new case version."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- JSON form for the database ----------------------------------------------------------------
# Scenes and parties are lists, not objects, so their order survives JSON columns that sort
# object keys (PostgreSQL jsonb). Choice indexes are implied by list position.


def case_to_dict(case: Case) -> dict[str, Any]:
    """A JSON-safe dict that :func:`case_from_dict` turns back into an equal Case."""
    return {
        "format": FORMAT_VERSION,
        "id": case.id,
        "title": case.title,
        "summary": case.summary,
        "audience": list(case.audience),
        "minutes": case.minutes,
        "themes": list(case.themes),
        "phase": case.phase,
        "sources": list(case.sources),
        "competences": list(case.competences),
        "parties": [{"id": p.id, "name": p.name, "role": p.role} for p in case.parties.values()],
        "start": case.start,
        "scenes": [_scene_to_dict(scene) for scene in case.scenes.values()],
        "trainer": None if case.trainer is None else _trainer_to_dict(case.trainer),
    }


def _trainer_to_dict(notes: TrainerNotes) -> dict[str, Any]:
    return {
        "goals": list(notes.goals),
        "categories": list(notes.categories),
        "questions": list(notes.questions),
        "normative": notes.normative,
        "sources": list(notes.sources),
    }


def _scene_to_dict(scene: Scene) -> dict[str, Any]:
    ending = scene.ending
    return {
        "id": scene.id,
        "title": scene.title,
        "text": scene.text,
        "kind": scene.kind,
        "lines": [{"who": line.who, "says": line.says} for line in scene.lines],
        "choices": [
            {
                "text": c.text,
                "next": c.next,
                "quality": c.quality,
                "scores": dict(c.scores),
                "feedback": c.feedback,
                "source": c.source,
                "addresses": c.addresses,
            }
            for c in scene.choices
        ],
        "next": scene.next,
        "triadic": scene.triadic,
        "ending": None
        if ending is None
        else {"tone": ending.tone, "debrief": ending.debrief, "source": ending.source},
    }


def case_from_dict(data: Mapping[str, Any]) -> Case:
    """Rebuild a Case from :func:`case_to_dict` output; ValueError if it is not one."""
    if data.get("format") != FORMAT_VERSION:
        raise ValueError(f"unsupported case format {data.get('format')!r}")
    try:
        return Case(
            id=data["id"],
            title=data["title"],
            summary=data["summary"],
            audience=tuple(data["audience"]),
            minutes=data["minutes"],
            themes=tuple(data["themes"]),
            phase=data["phase"],
            sources=tuple(data["sources"]),
            competences=tuple(data["competences"]),
            parties={p["id"]: Party(p["id"], p["name"], p["role"]) for p in data["parties"]},
            start=data["start"],
            scenes={s["id"]: _scene_from_dict(s) for s in data["scenes"]},
            trainer=_trainer_from_dict(data.get("trainer")),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a stored case: {exc!r}") from exc


def _trainer_from_dict(data: Mapping[str, Any] | None) -> TrainerNotes | None:
    """Versions stored before trainer notes existed have none."""
    if data is None:
        return None
    return TrainerNotes(
        goals=tuple(data["goals"]),
        categories=tuple(data["categories"]),
        questions=tuple(data["questions"]),
        normative=data["normative"],
        sources=tuple(data["sources"]),
    )


def _scene_from_dict(data: Mapping[str, Any]) -> Scene:
    ending = data["ending"]
    return Scene(
        id=data["id"],
        title=data["title"],
        text=data["text"],
        lines=tuple(Line(line["who"], line["says"]) for line in data["lines"]),
        kind=data["kind"],
        choices=tuple(
            Choice(
                index=i,
                text=c["text"],
                next=c["next"],
                quality=c["quality"],
                scores=dict(c["scores"]),
                feedback=c["feedback"],
                source=c["source"],
                addresses=c["addresses"],
            )
            for i, c in enumerate(data["choices"], start=1)
        ),
        next=data["next"],
        triadic=data["triadic"],
        ending=None
        if ending is None
        else Ending(ending["tone"], ending["debrief"], ending["source"]),
    )
