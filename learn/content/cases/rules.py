"""The case rules shared by every part of a case: sources, targets and choices.

Module files reuse ``CaseRules`` for their own sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from learn.content.schema import SLUG_HINT, Validator, suggest
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import KeyPath, YamlDocument

from .model import (
    ADDRESSEES,
    CHOICE_FIELDS,
    CHOICE_REQUIRED,
    LENGTH_CUE_RATIO,
    PARTY_FIELDS,
    QUALITIES,
    ROLES,
    SCORE_RANGE,
    Choice,
    Party,
    SceneKind,
)


@dataclass
class Outline:
    """What the graph checks need to know about a scene, even when other parts are broken."""

    kind: SceneKind | None = None
    targets: list[str] | None = field(default_factory=list)  # None: a target is broken


def read_party(check: Validator, pid: Any, value: Any, where: KeyPath) -> Party | None:
    """One entry of a ``parties`` mapping (a case's, or a haakjes transcript's); None if broken."""
    if not isinstance(pid, str) or not pid.strip():
        check.error(where, f"party id {pid!r} must be text", SLUG_HINT, at_key=True)
        return None
    entry = check.fields(
        value, where, what=f"party {pid!r}", allowed=PARTY_FIELDS, required=PARTY_FIELDS
    )
    if entry is None:
        return None
    name = check.text(entry, "name", where)
    role = check.member_field(entry, "role", where, allowed=ROLES, what="roles")
    return None if name is None or role is None else Party(pid, name, role)


class CaseRules(Validator):
    def __init__(self, doc: YamlDocument, path: str, vocabulary: Vocabulary | None) -> None:
        super().__init__(doc, path)
        self.vocabulary = vocabulary
        self.case_id: str | None = None
        self.scene_ids: list[str] = []  # file order, for hints
        self.known_scenes: set[str] = set()
        self.outlines: dict[str, Outline] = {}
        self.scored: set[str] = set()
        self.scores_complete = True

    def _vocabulary_key(
        self, value: Any, where: KeyPath, allowed: Mapping[str, Any] | None, item: str
    ) -> str | None:
        if allowed is None:
            return self.text_value(value, where, f"'{item}'")
        return self.member(
            value, where, allowed=allowed, label=item, what=f"{item}s in vocabulary.yaml"
        )

    def _vocabulary_keys(
        self, root: dict[Any, Any], key: str, allowed: Mapping[str, Any] | None, item: str
    ) -> list[str] | None:
        """A top-level list of vocabulary keys (not checked against a broken vocabulary)."""
        return self.key_list(
            root, key, (), allowed=allowed, item=item, what=f"{item}s in vocabulary.yaml"
        )

    def _sources(self, root: dict[Any, Any]) -> list[str] | None:
        items = self.sequence(root, "sources", ())
        if items is None:
            return None
        if not items:
            self.error(
                ("sources",),
                "the case has no sources",
                "list at least one report section the case is built on",
                at_key=True,
            )
            return None
        found = [self.source(item, ("sources", i), "a source") for i, item in enumerate(items)]
        return None if None in found else [s for s in found if s is not None]

    def source(self, value: Any, where: KeyPath, label: str = "'source'") -> str | None:
        text = self.text_value(value, where, label)
        if text is None or self.vocabulary is None:
            return text
        titles = self.vocabulary.sources
        title = self.vocabulary.source_title(text)
        if title is None:
            guess = suggest(text.partition(", ")[0], titles, "titles in vocabulary.yaml")
            self.error(
                where,
                f"source {text!r} does not start with a known title",
                f"{guess}; a source is a title, ', ' and a section, e.g. '{titles[0]}, §4.3'"
                if titles
                else guess,
            )
            return None
        if text == title:
            self.error(
                where,
                f"source {text!r} names no section",
                f"add ', ' and the section after the title, e.g. '{title}, §4.3.3'",
            )
            return None
        return text

    def _target(self, value: Any, where: KeyPath, label: str) -> str | None:
        """A reference to a scene (``next`` or ``start``)."""
        name = self.text_value(value, where, f"{label!r}")
        if name is None:
            return None
        if name not in self.known_scenes:
            problem = f"unknown scene {name!r} in {label!r}"
            self.unknown(name, self.scene_ids, where, problem, "scenes")
            return None
        return name

    # - choices -

    def _choices(
        self,
        sid: str,
        scene: dict[Any, Any],
        where: KeyPath,
        triadic: bool,
        triadic_unknown: bool,
        competences: list[str] | None,
        outline: Outline,
    ) -> tuple[Choice, ...] | None:
        """The choices of a decision; ``outline`` gets their targets even when other parts
        of a choice are wrong, so the graph checks still run."""
        items = self.sequence(scene, "choices", where)
        if items is None:
            self.scores_complete = False
            return None
        if len(items) < 2:
            self.error(
                (*where, "choices"),
                f"scene {sid!r} is a decision with {len(items)} choice"
                f"{'' if len(items) == 1 else 's'}: it needs at least two",
                "add another choice, or use 'next:' for a scene without a decision",
                at_key=True,
            )
        choices = []
        targets = []
        for i, item in enumerate(items):
            choice, target = self._choice(
                sid, i + 1, item, (*where, "choices", i), triadic, triadic_unknown, competences
            )
            if choice is not None:
                choices.append(choice)
            if target is not None:
                targets.append(target)
        outline.targets = targets if items and len(targets) == len(items) else None
        if len(choices) != len(items) or len(items) < 2:
            return None
        if competences is not None:
            vectors = {tuple(c.scores.get(k, 0) for k in competences) for c in choices}
            if len(vectors) == 1:
                self.warning(
                    (*where, "choices"),
                    f"all choices of scene {sid!r} score the same",
                    "the decision teaches nothing through its score: let the stronger "
                    "choice score higher",
                    at_key=True,
                )
        self._check_length_cue(sid, choices, where)
        return tuple(choices)

    def _check_length_cue(self, sid: str, choices: list[Choice], where: KeyPath) -> None:
        """Warn when a sterk option gives itself away by being much longer than the rest."""
        for choice in choices:
            others = [len(c.text) for c in choices if c.quality != "sterk"]
            if choice.quality != "sterk" or not others:
                continue
            mean = sum(others) / len(others)
            if len(choice.text) > LENGTH_CUE_RATIO * mean:
                self.warning(
                    (*where, "choices", choice.index - 1, "text"),
                    f"the sterk choice {choice.index} of scene {sid!r} is "
                    f"{len(choice.text) / mean:.1f} times as long as the other choices",
                    f"keep it within {LENGTH_CUE_RATIO} times their mean length: shorten it, "
                    "or make the tempting choices as concrete and persuasive",
                )

    def _choice(
        self,
        sid: str,
        index: int,
        value: Any,
        where: KeyPath,
        triadic: bool,
        triadic_unknown: bool,
        competences: list[str] | None,
    ) -> tuple[Choice | None, str | None]:
        """The choice (None when anything is wrong) and its target (None when unknown)."""
        what = f"choice {index} of scene {sid!r}"
        entry = self.fields(
            value, where, what=what, allowed=CHOICE_FIELDS, required=CHOICE_REQUIRED
        )
        if entry is None:
            self.scores_complete = False
            return None, None
        text = self.text(entry, "text", where)
        target = self._target(entry["next"], (*where, "next"), "next") if "next" in entry else None
        quality = self.member_field(entry, "quality", where, allowed=QUALITIES, what="qualities")
        scores = self._scores(entry, where, competences)
        feedback = self.text(entry, "feedback", where)
        source = self.source(entry["source"], (*where, "source")) if "source" in entry else None
        addresses = None
        if triadic_unknown:
            pass
        elif triadic and "addresses" not in entry:
            self.error(
                where,
                f"{what} has no 'addresses' (the scene is triadic)",
                "say whom the professional mainly addresses: 'addresses: client', "
                "'naaste' or 'beiden'",
                at_key=True,
            )
        elif not triadic and "addresses" in entry:
            self.error(
                (*where, "addresses"),
                f"'addresses' in {what}, which is not triadic",
                "add 'triadic: true' to the scene, or remove 'addresses'",
                at_key=True,
            )
        elif triadic:
            addresses = self.member_field(
                entry, "addresses", where, allowed=ADDRESSEES, what="addressees", label="addressee"
            )
        if (
            text is None
            or target is None
            or quality is None
            or scores is None
            or feedback is None
            or source is None
            or (triadic and addresses is None)
        ):
            return None, target
        choice = Choice(index, text, target, quality, scores, feedback, source, addresses)
        return choice, target

    def _scores(
        self, entry: dict[Any, Any], where: KeyPath, competences: list[str] | None
    ) -> dict[str, int] | None:
        raw = entry.get("scores")
        if raw is None:
            return {}
        at = (*where, "scores")
        if not isinstance(raw, dict):
            self.wrong_type(at, "'scores'", "a mapping", raw)
            self.scores_complete = False
            return None
        scores: dict[str, int] = {}
        known = None if self.vocabulary is None else self.vocabulary.competences
        low, high = SCORE_RANGE
        for key, value in raw.items():
            if (
                type(value) is int
                and low <= value <= high
                and (known is None or key in known)
                and (competences is None or key in competences)
                and isinstance(key, str)
            ):
                scores[key] = value  # the usual case, without building a key path
                continue
            key_at = (*at, key)
            if not isinstance(key, str):
                self.error(
                    key_at,
                    f"score key {key!r} must be a competence key",
                    "e.g. scores: {haakjes: 2}",
                    at_key=True,
                )
            elif known is not None and key not in known:
                problem = f"unknown competence {key!r} in 'scores'"
                what = "competences in vocabulary.yaml"
                self.unknown(key, known, key_at, problem, what, at_key=True)
            elif competences is not None and key not in competences:
                self.error(
                    key_at,
                    f"score key {key!r} is not in this case's competences",
                    f"add {key!r} to 'competences' at the top of the file, or remove this score",
                    at_key=True,
                )
            elif isinstance(value, bool) or not isinstance(value, int):
                self.wrong_type(key_at, f"the score for {key!r}", "a whole number", value)
            elif not low <= value <= high:
                self.error(
                    key_at,
                    f"the score for {key!r} must be from {low} to {high}, not {value}",
                    "scores are whole numbers from -3 to 3",
                )
            else:
                scores[key] = value
                continue
            self.scores_complete = False
        if len(scores) != len(raw):
            return None
        self.scored.update(key for key, value in scores.items() if value != 0)
        return scores
