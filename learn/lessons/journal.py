"""The journal as one Markdown file the learner can keep."""

from __future__ import annotations

from collections.abc import Sequence


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
        lines += entry["kind"].journal_markdown(exercise, row)
    return "\n".join(lines).rstrip() + "\n"
