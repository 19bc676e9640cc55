"""The journal as one Markdown file the learner can keep."""

from __future__ import annotations

from collections.abc import Sequence

from learn.casesim.portfolio import CaseDebrief
from learn.content.vocabulary import Vocabulary


def journal_markdown(
    learner: str,
    entries: Sequence[dict],
    debriefs: Sequence[CaseDebrief] = (),
    vocabulary: Vocabulary | None = None,
) -> str:
    """Case debriefs (newest first), then reflections as typed and maps as tables, grouped
    by module, newest first."""
    lines = [
        f"# Dagboek van {learner}",
        "",
        "Uit Kring, de trainingsplek voor netwerkondersteuning.",
        "",
    ]
    if debriefs:
        lines += ["## Casussen", ""]
        for debrief in debriefs:
            lines += case_markdown(debrief, vocabulary)
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


def case_markdown(debrief: CaseDebrief, vocabulary: Vocabulary | None) -> list[str]:
    """One case: the route, the score per competence, what the learner would now choose."""
    labels = {
        key: label for key, (label, _) in (vocabulary.competences if vocabulary else {}).items()
    }
    lines = [
        f"### {debrief.title} ({debrief.finished_at:%d-%m-%Y})",
        "",
        f"Einde: {debrief.ending}",
        "",
    ]
    lines += ["Jouw route:", ""]
    lines += [f"{r.number}. {r.scene.title}: {r.choice.text}" for r in debrief.path]
    lines += ["", "| competentie | score |", "|---|---|"]
    for row in debrief.scores:
        name = "totaal" if row.key == "total" else labels.get(row.key, row.key)
        lines.append(f"| {name} | {'–' if row.percent is None else f'{row.percent}%'} |")
    lines += ["", "Wat je nu anders zou kiezen:", ""]
    lines += [
        f"- {r.scene.title}: in plaats van “{r.choice.text}” de sterkste keuze “{r.strongest.text}”"
        for r in debrief.differently
    ] or ["- niets: je volgde bij elke keuze de sterkste route"]
    return [*lines, ""]
