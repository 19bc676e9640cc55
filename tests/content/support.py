"""Shared helpers for the content tests: the valid example, small case builders, an oracle."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from learn.content.cases import Case, Choice, Ending, Line, Party, Scene, parse_case
from learn.content.problems import Problem
from learn.content.vocabulary import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
VOCABULARY_PATH = ROOT / "cases" / "vocabulary.yaml"
EXAMPLE_PATH = FIXTURES / "cases" / "geen-netwerk-kort.yaml"
EXAMPLE = EXAMPLE_PATH.read_text(encoding="utf-8")
SOURCE = "Social Network First? (2024), §4.3.3"


def vocabulary() -> Vocabulary:
    found, problems = load_vocabulary(VOCABULARY_PATH)
    assert found is not None, problems
    return found


VOCABULARY = vocabulary()


def check(text: str) -> tuple[Case | None, list[Problem]]:
    return parse_case(text, "case.yaml", VOCABULARY)


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    """Replace ``old`` (which must occur exactly ``count`` times) with ``new``."""
    assert text.count(old) == count, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def only(problems: list[Problem], fragment: str) -> Problem:
    """The one problem whose message contains ``fragment``."""
    found = [p for p in problems if fragment in p.message]
    assert len(found) == 1, f"{fragment!r} in {[p.format() for p in problems]}"
    return found[0]


# --- building cases in code (for graph and scoring tests) ------------------------------------

Spec = Mapping[str, Any]


def build_case(
    scenes: Mapping[str, Any], competences: Iterable[str] = ("haakjes",), start: str | None = None
) -> Case:
    """Scenes as ``{id: [(next, {competence: points}), ...]}`` for a decision,
    ``{id: "next-id"}`` for a narrative and ``{id: None}`` for an ending."""
    built = {}
    for sid, spec in scenes.items():
        if spec is None:
            ending = Ending("gemengd", "Wat er gebeurde.", SOURCE)
            built[sid] = Scene(sid, sid, "Tekst.", (), "ending", ending=ending)
        elif isinstance(spec, str):
            built[sid] = Scene(sid, sid, "Tekst.", (), "narrative", next=spec)
        else:
            choices = tuple(
                Choice(i, f"Keuze {i}", target, "sterk", dict(points), "Omdat.", SOURCE)
                for i, (target, points) in enumerate(spec, start=1)
            )
            built[sid] = Scene(sid, sid, "Tekst.", (Line("daan", "Hoi."),), "decision", choices)
    return Case(
        id="gebouwd",
        title="Gebouwd",
        summary="Een gebouwde casus.",
        audience=("student",),
        minutes=5,
        themes=("haakjes",),
        phase=None,
        sources=(SOURCE,),
        competences=tuple(competences),
        parties={"daan": Party("daan", "Daan", "cliënt")},
        start=start or next(iter(scenes)),
        scenes=built,
    )


def two_scene_loop() -> Case:
    """s and a lead to each other and both to the ending e: x 1 then back (+3) or on (+2)."""
    return build_case(
        {
            "s": [("a", {"x": 1}), ("e", {"x": -1})],
            "a": [("s", {"x": 3}), ("e", {"x": 2})],
            "e": None,
        },
        competences=("x",),
    )


def simple_path_scores(case: Case) -> list[tuple[list[tuple[str, int | None]], dict[str, int]]]:
    """Every simple path from start to an ending with its score: the brute-force oracle."""
    results = []
    todo: list[tuple[str, list[tuple[str, int | None]], dict[str, int]]] = [
        (case.start, [], dict.fromkeys(case.competences, 0))
    ]
    while todo:
        sid, path, totals = todo.pop()
        scene = case.scenes[sid]
        visited = {s for s, _ in path}
        if scene.kind == "ending":
            results.append(([*path, (sid, None)], totals))
        elif scene.kind == "narrative":
            if scene.next not in visited and scene.next != sid:
                todo.append((scene.next, [*path, (sid, None)], totals))  # type: ignore[arg-type]
        else:
            for choice in scene.choices:
                if choice.next in visited or choice.next == sid:
                    continue
                new = {k: v + choice.scores.get(k, 0) for k, v in totals.items()}
                todo.append((choice.next, [*path, (sid, choice.index)], new))
    for _, totals in results:
        totals["total"] = sum(totals.values())
    return results


# Text that tends to break YAML: separators, indentation, anchors, tags, document markers.
YAML_JUNK = st.text(max_size=8) | st.sampled_from(
    [":", ": ", "- ", "\t", "&a ", "*a", "'", '"', "[", "{", "}", "!!int ", "? ", "\n  ",
     "---\n", "<<: ", "|", ">", "\n", "  ", "#", "!!"]
)  # fmt: skip


def mangle(data: st.DataObject, text: str, junk: st.SearchStrategy[str] = YAML_JUNK) -> str:
    """One random edit: insert junk, delete a stretch, duplicate or swap two lines."""
    where = data.draw(st.integers(0, len(text)))
    action = data.draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap-lines"]))
    if action == "insert":
        return text[:where] + data.draw(junk) + text[where:]
    if action == "delete":
        return text[:where] + text[where + data.draw(st.integers(1, 40)) :]
    lines = text.split("\n")
    i = data.draw(st.integers(0, len(lines) - 1))
    j = data.draw(st.integers(0, len(lines) - 1))
    if action == "duplicate-line":
        lines.insert(j, lines[i])
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)
