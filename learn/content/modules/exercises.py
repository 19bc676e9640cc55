"""exercises.yaml: ids, type and title here; each kind reads the rest (learn.exercises)."""

from __future__ import annotations

from typing import Any

from learn.content.schema import SLUG, SLUG_HINT, describe, listing, suggest
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import KeyPath, YamlDocument
from learn.exercises.base import COMMON_FIELDS, ExerciseKind, ExerciseRules
from learn.exercises.model import Exercise
from learn.exercises.registry import EXERCISE_TYPES, KINDS

_COMMON_FIELDS = {"type": "one of " + ", ".join(EXERCISE_TYPES), **COMMON_FIELDS}
_ANY_EXERCISE_FIELDS = {k: v for kind in KINDS.values() for k, v in kind.fields.items()}


class ExercisesFile(ExerciseRules):
    """exercises.yaml: the id, type, title and source of each exercise; the kind of the
    exercise (learn.exercises.registry) checks the rest."""

    def __init__(
        self,
        doc: YamlDocument,
        path: str,
        vocabulary: Vocabulary | None,
        case_files: list[str],
    ) -> None:
        super().__init__(doc, path, vocabulary, case_files)
        self.ids: list[str] = []  # every usable exercise id, in file order
        self.case_kinds: dict[str, ExerciseKind] = {}  # case file stem -> the kind playing it

    def parse(self) -> dict[str, Exercise | None] | None:
        """Exercise id -> Exercise (None: has errors); None when the file is not a mapping."""
        root = self.doc.value
        if not isinstance(root, dict):
            self.error(
                (),
                f"exercises.yaml must map exercise ids to exercises, not {describe(root)}",
                "start each exercise with its id and a colon on a line of its own, e.g. "
                "'eigen-kring:'",
            )
            return None
        if not root:
            self.warning((), "exercises.yaml holds no exercises", "add one, or remove the file")
        exercises: dict[str, Exercise | None] = {}
        for eid, value in root.items():
            if not isinstance(eid, str) or not SLUG.match(eid):
                self.error(
                    (eid,),
                    f"exercise id {eid!r} has characters that are not allowed",
                    SLUG_HINT,
                    at_key=True,
                )
                continue
            self.ids.append(eid)
            exercises[eid] = self._exercise(eid, value)
        return exercises

    def _exercise(self, eid: str, value: Any) -> Exercise | None:
        where: KeyPath = (eid,)
        before = self.error_count()
        if not isinstance(value, dict):
            self.wrong_type(where, f"Exercise {eid!r}", "a mapping", value)
            return None
        kind = None
        if "type" not in value:
            self.error(
                where,
                f"exercise {eid!r} has no 'type'",
                f"add 'type:' with one of {listing(EXERCISE_TYPES)}",
                at_key=True,
            )
        else:
            kind = self.member_field(
                value,
                "type",
                where,
                allowed=EXERCISE_TYPES,
                what="exercise types",
                label="exercise type",
            )
        self._fields(eid, value, kind)
        title = self.text(value, "title", where)
        source = None
        source_required = kind is not None and "source" in KINDS[kind].required
        if "source" in value and (value["source"] is not None or source_required):
            source = self.source(value["source"], (*where, "source"))
        if kind is None or title is None:
            return None
        details = KINDS[kind].read(self, eid, value, where)
        if eid in self.case_refs:
            self.case_kinds[self.case_refs[eid]] = KINDS[kind]
        if details is None or self.error_count() > before:
            return None
        return Exercise(id=eid, type=kind, title=title, source=source, **details)

    def _fields(self, eid: str, value: dict[Any, Any], kind: str | None) -> None:
        """Unknown and missing fields; a field of another type says which type it is for."""
        where: KeyPath = (eid,)
        allowed = {**_COMMON_FIELDS, **(KINDS[kind].fields if kind else _ANY_EXERCISE_FIELDS)}
        for key in value:
            if key in allowed:
                continue
            owners = [name for name, k in KINDS.items() if key in k.fields]
            hint = (
                f"{key!r} belongs in {' and '.join(owners)} exercises: remove it, or change 'type'"
                if owners
                else suggest(key, allowed, "allowed fields")
            )
            message = f"unknown field {key!r} in exercise {eid!r}"
            self.error((*where, key), message, hint, at_key=True)
        required = ("title", *KINDS[kind].required) if kind else ("title",)
        for name in required:
            if name not in value:
                self.error(
                    where,
                    f"exercise {eid!r} has no {name!r}",
                    f"add '{name}:' with {allowed[name]}",
                    at_key=True,
                )

    # - the five types: each returns the Exercise fields of its type, or None -
