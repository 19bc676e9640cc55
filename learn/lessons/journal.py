"""The journal as one Markdown file the learner can keep."""

from __future__ import annotations

from collections.abc import Sequence

SECTOR_NAMES = {
    "familie": "familie",
    "vrienden": "vrienden en kennissen",
    "maatschappelijk": "buren, collega's en verenigingen",
    "professionals": "professionals",
}


def journal_markdown(learner: str, entries: Sequence[dict]) -> str:
    """Reflections as typed and maps as tables, grouped by module, newest first."""
    lines = [
        f"# Dagboek van {learner}",
        "",
        "Uit Kring, de trainingsplek voor netwerkondersteuning.",
        "",
    ]
    current_module = None
    for entry in entries:
        row, module, exercise = entry["row"], entry["module"], entry["exercise"]
        module_title = module.title if module else row.module_id
        if module_title != current_module:
            lines += [f"## {module_title}", ""]
            current_module = module_title
        title = exercise.title if exercise else row.exercise_id
        lines += [f"### {title} ({row.updated_at:%d-%m-%Y})", ""]
        if row.kind == "reflectie":
            if exercise is not None:
                lines += [f"*{exercise.question.strip()}*", ""]
            lines += [row.text, ""]
        else:
            names = {p.id: p.name for p in exercise.people} if exercise else {}
            lines += ["| persoon | sector | kring | band | lading |", "|---|---|---|---|---|"]
            for person_id, placed in row.answer["placements"].items():
                lines.append(
                    f"| {names.get(person_id, person_id)} | {SECTOR_NAMES[placed['sector']]} "
                    f"| {placed['ring']} | {placed['tie']} | {placed['valence']} |"
                )
            lines += ["", f"Score: {row.result.get('percent', 0)}%", ""]
    return "\n".join(lines).rstrip() + "\n"
