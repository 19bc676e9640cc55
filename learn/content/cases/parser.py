"""Reading a case file: ``parse_case`` reports every problem it can find in one pass
(rather than stopping at the first) because authors fix a file in one sitting; it returns a
Case only when there are no errors, so the app never sees a half-valid case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from learn.content.problems import Problem
from learn.content.schema import SLUG, SLUG_HINT, listing
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import KeyPath, Position, load_yaml, paused_gc

from . import graph
from .model import (
    AUDIENCES,
    CASE_FIELDS,
    CASE_REQUIRED,
    MAX_LOOP,
    MINUTES_RANGE,
    QUESTIONS_RANGE,
    TRAINER_FIELDS,
    Case,
    Party,
    TrainerNotes,
)
from .rules import read_party
from .scenes import SceneRules


@dataclass(frozen=True)
class CaseResult:
    """What check.py needs beyond parse_case: the id (even of an invalid case) and where."""

    case: Case | None
    problems: list[Problem]
    case_id: str | None = None
    id_position: Position = (1, 1)


def parse_case(
    text: str, path: str, vocabulary: Vocabulary | None
) -> tuple[Case | None, list[Problem]]:
    """Check one case file's text. The Case is None when there is any error.

    ``vocabulary`` None skips the vocabulary rules (used when vocabulary.yaml is broken).
    The id-equals-file-name rule is checked in check.py, which knows about files.
    """
    result = read_case(text, path, vocabulary)
    return result.case, result.problems


def read_case(text: str, path: str, vocabulary: Vocabulary | None) -> CaseResult:
    """Like parse_case, plus the case id (also of an invalid case) for rules across files."""
    with paused_gc():
        return _read_case(text, path, vocabulary)


def _read_case(text: str, path: str, vocabulary: Vocabulary | None) -> CaseResult:
    doc, problems = load_yaml(text, path)
    if doc is None:
        return CaseResult(None, problems)
    parser = _CaseParser(doc, path, vocabulary)
    parser.problems.extend(problems)
    case = parser.parse()
    ordered = sorted(parser.problems, key=lambda p: (p.line, p.column))
    if parser.has_errors:
        case = None
    return CaseResult(case, ordered, parser.case_id, doc.where(("id",)))


class _CaseParser(SceneRules):
    # - top level -

    def parse(self) -> Case | None:
        root = self.fields(
            self.doc.value, (), what="the case", allowed=CASE_FIELDS, required=CASE_REQUIRED
        )
        if root is None:
            return None
        self.case_id = self._case_id(root)
        title = self.text(root, "title", ())
        summary = self.text(root, "summary", ())
        audience = self.key_list(
            root, "audience", (), allowed=AUDIENCES, item="audience", what="audiences"
        )
        minutes = self.integer(root, "minutes", (), low=MINUTES_RANGE[0], high=MINUTES_RANGE[1])
        vocab = self.vocabulary
        themes = self._vocabulary_keys(
            root, "themes", None if vocab is None else vocab.themes, "theme"
        )
        phase = None
        if root.get("phase") is not None:
            phase = self._vocabulary_key(
                root["phase"], ("phase",), None if vocab is None else vocab.phases, "phase"
            )
        sources = self._sources(root)
        competences = self._vocabulary_keys(
            root, "competences", None if vocab is None else vocab.competences, "competence"
        )
        parties = self._parties(root)
        trainer = self._trainer(root["trainer"]) if root.get("trainer") is not None else None
        scenes = self._scenes(root, competences, parties)
        start = None
        if "start" in root:
            start = self._target(root["start"], ("start",), "start")
        if competences is not None and self.scores_complete:
            self._check_competences_scored(competences)
        if start is not None and scenes is not None:
            self._check_graph(start)
        if self.has_errors:
            return None
        # No errors means every part above was read; the checks keep type checkers honest.
        if (
            self.case_id is None
            or title is None
            or summary is None
            or audience is None
            or minutes is None
            or themes is None
            or sources is None
            or competences is None
            or parties is None
            or start is None
            or scenes is None
        ):  # pragma: no cover
            return None
        return Case(
            id=self.case_id,
            title=title,
            summary=summary,
            audience=tuple(audience),
            minutes=minutes,
            themes=tuple(themes),
            phase=phase,
            sources=tuple(sources),
            competences=tuple(competences),
            parties=parties,
            start=start,
            scenes=scenes,
            trainer=trainer,
        )

    def _trainer(self, value: Any) -> TrainerNotes | None:
        where: KeyPath = ("trainer",)
        entry = self.fields(
            value, where, what="the trainer notes", allowed=TRAINER_FIELDS, required=TRAINER_FIELDS
        )
        if entry is None:
            return None
        goals = self.key_list(entry, "goals", where, allowed=None, item="goal", what="goals")
        vocab = self.vocabulary
        categories = self.key_list(
            entry,
            "categories",
            where,
            allowed=None if vocab is None else vocab.categories,
            item="category",
            what="categories in vocabulary.yaml",
        )
        questions = self.key_list(
            entry, "questions", where, allowed=None, item="question", what="questions"
        )
        low, high = QUESTIONS_RANGE
        if questions is not None and not low <= len(questions) <= high:
            self.error(
                (*where, "questions"),
                f"the trainer notes have {len(questions)} discussion questions",
                f"write {low} or {high}: enough for a class discussion, few enough to finish",
                at_key=True,
            )
        normative = self.text(entry, "normative", where)
        items = self.sequence(entry, "sources", where)
        sources = None
        if items is not None:
            at = (*where, "sources")
            found = [self.source(s, (*at, i), "a source") for i, s in enumerate(items)]
            sources = None if None in found or not found else tuple(s for s in found if s)
            if not items:
                self.error(
                    (*where, "sources"),
                    "the trainer notes have no sources",
                    "list the report sections the normative question rests on",
                    at_key=True,
                )
        if goals is None or categories is None or questions is None or normative is None:
            return None
        if sources is None:
            return None
        return TrainerNotes(tuple(goals), tuple(categories), tuple(questions), normative, sources)

    def _case_id(self, root: dict[Any, Any]) -> str | None:
        if "id" not in root:
            return None
        value = self.text_value(root["id"], ("id",), "'id'")
        if value is not None and not SLUG.match(value):
            self.error(("id",), f"id {value!r} has characters that are not allowed", SLUG_HINT)
            return None
        return value

    def _parties(self, root: dict[Any, Any]) -> dict[str, Party] | None:
        raw = root.get("parties")
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.wrong_type(("parties",), "'parties'", "a mapping", raw)
            return None
        parties: dict[str, Party] = {}
        ok = True
        for pid, value in raw.items():
            party = read_party(self, pid, value, ("parties", pid))
            if party is None:
                ok = False
            else:
                parties[pid] = party
        return parties if ok else None

    # - whole-case rules -

    def _check_competences_scored(self, competences: list[str]) -> None:
        for i, key in enumerate(competences):
            if key not in self.scored:
                self.error(
                    ("competences", i),
                    f"no choice scores competence {key!r}",
                    f"give at least one choice a score for {key!r}, or remove it from "
                    "'competences'",
                )

    def _check_graph(self, start: str) -> None:
        """Reachability and loops; skipped while a scene or reference is broken, because
        every broken reference would show up again here as an unreachable scene."""
        if len(self.outlines) != len(self.scene_ids):
            return
        successors: dict[str, list[str]] = {}
        for sid, outline in self.outlines.items():
            if outline.kind is None or outline.targets is None:
                return
            successors[sid] = outline.targets
        reached = graph.reachable_from([start], successors)
        endings = [sid for sid, o in self.outlines.items() if o.kind == "ending"]
        finishing = graph.reaching(endings, successors)
        loops = graph.components(self.scene_ids, successors)
        loop_of = {sid: loop for loop in loops for sid in loop}
        for sid in self.scene_ids:
            where = ("scenes", sid)
            if sid not in reached:
                self.error(
                    where,
                    f"scene {sid!r} cannot be reached from the start ({start!r})",
                    "let a choice or 'next:' lead to it, or remove it",
                    at_key=True,
                )
            if sid not in finishing:
                loop = loop_of[sid]
                hint = "let it lead, directly or through other scenes, to a scene with 'ending:'"
                if graph.is_loop(loop, successors):
                    hint = (
                        f"it is in a loop without a way out ({' → '.join(loop)} → {loop[0]}): "
                        "give one of these scenes a choice that leads on"
                    )
                self.error(where, f"no ending can be reached from scene {sid!r}", hint, at_key=True)
        for loop in loops:
            if len(loop) > MAX_LOOP:
                self.error(
                    ("scenes", loop[0]),
                    f"a loop of {len(loop)} scenes starts at scene {loop[0]!r}: at most "
                    f"{MAX_LOOP} scenes may lead back to each other",
                    f"the scenes in the loop: {listing(loop, limit=14)}; let fewer of them "
                    "lead back",
                    at_key=True,
                )
