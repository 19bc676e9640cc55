"""Intervision methods: one YAML file per method in ``methods/``, see docs/authoring-methods.md.

A method is an ordered list of phases (who speaks, for how long, with which rules). A
team session copies the phases when it is planned, so editing a method file never
changes a session that was already held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .entry import Entry
from .files import file_problem, read_text
from .problems import Problem
from .runner import Loaded, Outcome
from .schema import SLUG, SLUG_HINT, Validator, read_fields, suggest

SPEAKERS = ("inbrenger", "gespreksleider", "notulist", "deelnemers")
MINUTES_RANGE = (1, 120)
METHOD_FIELDS = {
    "id": "the method id, equal to the file name",
    "title": "the method's name",
    "summary": "one or two sentences: when a team picks this method",
    "sources": "where the method comes from, as a list of texts",
    "ground_rules": "rules for the whole session, as a list of texts",
    "phases": "the phases in order, each with id, name, instruction, minutes and speakers",
}
PHASE_FIELDS = {
    "id": "a short id, e.g. vragenronde",
    "name": "the phase name shown to the team",
    "instruction": "what the group does in this phase",
    "minutes": "the suggested duration in whole minutes",
    "speakers": f"who speaks: a list from {', '.join(SPEAKERS)}",
    "rules": "ground rules for this phase, as a list of texts",
    "loop_back": "the id of an earlier phase to return to when this one did not help",
}
_REQUIRED = ("id", "title", "summary", "sources", "phases")
_PHASE_REQUIRED = ("id", "name", "instruction", "minutes", "speakers")


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    instruction: str
    minutes: int
    speakers: tuple[str, ...]
    rules: tuple[str, ...] = ()
    loop_back: str | None = None


@dataclass(frozen=True)
class Method(Entry):
    sources: tuple[str, ...]
    ground_rules: tuple[str, ...]
    phases: tuple[Phase, ...]

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.phases)

    def phases_as_dicts(self) -> list[dict[str, Any]]:
        """The phases as JSON-ready dicts: the copy a session keeps."""
        return [
            {**asdict(p), "speakers": list(p.speakers), "rules": list(p.rules)} for p in self.phases
        ]


def read_method(text: str, path: str) -> tuple[Method | None, list[Problem]]:
    """Check one method file; the Method is None when there is any error."""
    read = read_fields(text, path, what="the method", allowed=METHOD_FIELDS, required=_REQUIRED)
    if isinstance(read, list):
        return None, read
    check, top = read
    method_id = check.text(top, "id", ())
    if method_id is not None and not SLUG.match(method_id):
        check.error(("id",), f"id {method_id!r} is not a valid id", SLUG_HINT)
    elif method_id is not None and method_id != Path(path).stem:
        check.error(
            ("id",),
            f"id {method_id!r} does not match the file name {Path(path).name!r}",
            f"rename the file to '{method_id}.yaml' or change the id",
        )
    title = check.text(top, "title", ())
    summary = check.text(top, "summary", ())
    sources = check.key_list(top, "sources", (), allowed=None, item="source", what="sources")
    rules = check.key_list(
        top, "ground_rules", (), allowed=None, item="rule", what="rules", allow_empty=True
    )
    phases = _phases(check, top)
    method = None
    if not check.has_errors:
        method = Method(
            method_id or "",
            title or "",
            summary or "",
            tuple(sources or ()),
            tuple(rules or ()),
            tuple(phases),
        )
    check.problems.sort(key=lambda p: (p.line, p.column))
    return method, check.problems


def _phases(check: Validator, top: dict[Any, Any]) -> list[Phase]:
    items = check.sequence(top, "phases", ())
    if not items:
        if items is not None:
            check.error(("phases",), "'phases' is empty", "a method needs at least two phases")
        return []
    found: list[Phase] = []
    seen: list[str] = []
    loops: list[tuple[int, str]] = []
    for i, raw in enumerate(items):
        at = ("phases", i)
        data = check.fields(raw, at, what="a phase", allowed=PHASE_FIELDS, required=_PHASE_REQUIRED)
        if data is None:
            continue
        phase_id = check.text(data, "id", at)
        if phase_id is not None and not SLUG.match(phase_id):
            check.error((*at, "id"), f"phase id {phase_id!r} is not a valid id", SLUG_HINT)
        elif phase_id in seen:
            check.error((*at, "id"), f"phase id {phase_id!r} is used twice", "give each its own id")
        name = check.text(data, "name", at)
        instruction = check.text(data, "instruction", at)
        minutes = check.integer(data, "minutes", at, low=MINUTES_RANGE[0], high=MINUTES_RANGE[1])
        speakers = check.key_list(
            data, "speakers", at, allowed=SPEAKERS, item="speaker", what="speakers"
        )
        rules = (
            check.key_list(
                data, "rules", at, allowed=None, item="rule", what="rules", allow_empty=True
            )
            if "rules" in data
            else []
        )
        loop = check.text(data, "loop_back", at, required=False)
        if loop is not None:
            loops.append((i, loop))
        seen.append(phase_id or "")
        if None not in (phase_id, name, instruction, minutes, speakers, rules):
            found.append(
                Phase(phase_id, name, instruction, minutes, tuple(speakers), tuple(rules), loop)
            )
    for i, target in loops:
        earlier = seen[:i]
        if target not in earlier:
            known = [p for p in earlier if p]
            hint = "a phase can only loop back to an earlier phase; " + suggest(
                target, known, "earlier phases"
            )
            check.error(
                ("phases", i, "loop_back"), f"loop_back {target!r} is not an earlier phase", hint
            )
    if len(items) < 2:
        check.warning(("phases",), "a method with one phase", "split it into phases the team walks")
    return found


class MethodChecker:
    """Method files: ``*.yaml`` directly in the methods folder (a ContentChecker)."""

    def __init__(self, methods_dir: Path, *, required: bool = False) -> None:
        self.methods_dir = methods_dir
        self.required = required

    def owns(self, path: Path) -> bool:
        folder = path if path.is_dir() else path.parent
        return folder.resolve() == self.methods_dir.resolve()

    def discover(self, folder: Path | None) -> tuple[list[Path], list[Problem]]:
        folder = self.methods_dir if folder is None else folder
        if not folder.is_dir():
            if not self.required:
                return [], []
            return [], [file_problem(folder, "methods folder not found", "pass --methods-dir")]
        return sorted(folder.glob("*.yaml")), []

    def check(self, files: Sequence[Path], vocabulary: Any) -> Outcome:
        outcome = Outcome()
        for path in files:
            text, problems = read_text(path)
            method = None
            if text is not None:
                method, problems = read_method(text, str(path))
            outcome.problems.extend(problems)
            if method is not None:
                outcome.loaded.append(Loaded(path, text or "", method))
        return outcome


def load_methods(methods_dir: Path) -> dict[str, Method]:
    """Every valid method in the folder by id, in title order (files with errors left out)."""
    checker = MethodChecker(methods_dir)
    files, _ = checker.discover(None)
    loaded = [x.item for x in checker.check(files, None).loaded]
    return {m.id: m for m in sorted(loaded, key=lambda m: m.title.lower())}
