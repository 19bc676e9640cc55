"""Case files: the data model, the checker for docs/authoring-cases.md, and a JSON form.

``parse_case`` reports every problem it can find in one pass (rather than stopping at the
first) because authors fix a file in one sitting; it returns a Case only when there are no
errors, so the app never sees a half-valid case.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from . import graph
from .problems import Problem
from .schema import SLUG, SLUG_HINT, Validator, listing, suggest
from .vocabulary import Vocabulary
from .yamlsource import KeyPath, Position, YamlDocument, load_yaml, paused_gc

# Fixed lists from docs/authoring-cases.md (not in vocabulary.yaml: they are part of the
# format, not of the subject matter).
AUDIENCES = ("student", "team")
QUALITIES = ("sterk", "begrijpelijk", "riskant")
ROLES = ("cliënt", "naaste", "collega", "professional", "anders")
TONES = ("hoopvol", "gemengd", "zorgelijk")
ADDRESSEES = ("client", "naaste", "beiden")
SCORE_RANGE = (-3, 3)
MINUTES_RANGE = (1, 120)
MAX_SCENE_TEXT = 1200
MAX_LOOP = 12
# Bump when case_to_dict changes shape, so stored versions can be told apart.
FORMAT_VERSION = 1

SceneKind = Literal["decision", "narrative", "ending"]

CASE_FIELDS = {
    "id": "the case id, equal to the file name",
    "title": "a short title",
    "summary": "a few sentences for the library card",
    "audience": "a list of student and/or team",
    "minutes": "the playing time in whole minutes",
    "themes": "a list of theme keys from vocabulary.yaml",
    "phase": "a phase key from vocabulary.yaml",
    "sources": "a list of report sections, each starting with a title from vocabulary.yaml",
    "competences": "a list of the competence keys this case scores",
    "parties": "the people who speak, as id: {name: ..., role: ...}",
    "start": "the id of the first scene",
    "scenes": "a mapping from scene id to scene",
    "trainer": "notes for trainers: goals, categories, questions, normative, sources",
}
_CASE_REQUIRED = [k for k in CASE_FIELDS if k not in ("phase", "parties", "trainer")]
TRAINER_FIELDS = {
    "goals": "a list of learning goals",
    "categories": "a list of intervention-category keys from vocabulary.yaml",
    "questions": "two or three discussion questions for class",
    "normative": "the normative question behind the case",
    "sources": "a list of report sections the notes rest on",
}
QUESTIONS_RANGE = (2, 3)
# A sterk option longer than this multiple of the other options' mean length (in characters)
# is a surface cue: learners learn to pick the longest option instead of weighing them.
LENGTH_CUE_RATIO = 1.3
SCENE_FIELDS = {
    "title": "a few words for the map of the case",
    "text": "the situation, in Markdown",
    "lines": "what the parties say: a list of {who: ..., says: ...}",
    "choices": "two or more choices",
    "next": "the id of the scene that follows",
    "ending": "tone, debrief and source",
    "triadic": "true when the professional talks with client and naaste together",
}
LINE_FIELDS = {"who": "the id of a party", "says": "what they say"}
CHOICE_FIELDS = {
    "text": "what the professional does or says",
    "next": "the id of the scene this choice leads to",
    "quality": "sterk, begrijpelijk or riskant",
    "scores": "points per competence, e.g. {haakjes: 2}",
    "feedback": "why this choice works or backfires: name the mechanism",
    "source": "the report section the feedback rests on",
    "addresses": "client, naaste or beiden",
}
_CHOICE_REQUIRED = ("text", "next", "quality", "feedback", "source")
ENDING_FIELDS = {
    "tone": "hoopvol, gemengd or zorgelijk",
    "debrief": "what happened and what the report says about such outcomes",
    "source": "the report section the debrief rests on",
}
PARTY_FIELDS = {"name": "the name shown in the conversation", "role": "one of " + ", ".join(ROLES)}
_KINDS: dict[str, SceneKind] = {"choices": "decision", "next": "narrative", "ending": "ending"}


# --- the data model --------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    who: str
    says: str


@dataclass(frozen=True)
class Choice:
    index: int  # 1-based position in the scene, as stored in attempts
    text: str
    next: str
    quality: str
    scores: Mapping[str, int]
    feedback: str
    source: str
    addresses: str | None = None


@dataclass(frozen=True)
class Ending:
    tone: str
    debrief: str
    source: str


@dataclass(frozen=True)
class Scene:
    id: str
    title: str
    text: str
    lines: tuple[Line, ...]
    kind: SceneKind
    choices: tuple[Choice, ...] = ()
    next: str | None = None
    triadic: bool = False
    ending: Ending | None = None

    def targets(self) -> list[str]:
        """Scene ids this scene leads to, in choice order."""
        if self.kind == "decision":
            return [choice.next for choice in self.choices]
        return [self.next] if self.next is not None else []

    def choice(self, index: int) -> Choice:
        """The choice with 1-based ``index``; ValueError when there is none."""
        if self.kind != "decision" or not 1 <= index <= len(self.choices):
            raise ValueError(f"scene {self.id!r} has no choice {index}")
        return self.choices[index - 1]


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class TrainerNotes:
    """What a trainer reads before class; never shown to learners."""

    goals: tuple[str, ...]
    categories: tuple[str, ...]
    questions: tuple[str, ...]
    normative: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A valid case. Mappings are plain dicts for cheap (de)serialisation: do not mutate."""

    id: str
    title: str
    summary: str
    audience: tuple[str, ...]
    minutes: int
    themes: tuple[str, ...]
    phase: str | None
    sources: tuple[str, ...]
    competences: tuple[str, ...]
    parties: Mapping[str, Party]
    start: str
    scenes: Mapping[str, Scene]  # in file order
    trainer: TrainerNotes | None = None


def content_hash(text: str) -> str:
    """sha256 hex of the file text: a changed hash means a new case version."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- parsing ---------------------------------------------------------------------------------


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


@dataclass
class _Outline:
    """What the graph checks need to know about a scene, even when other parts are broken."""

    kind: SceneKind | None = None
    targets: list[str] | None = field(default_factory=list)  # None: a target is broken


class _CaseParser(Validator):
    def __init__(self, doc: YamlDocument, path: str, vocabulary: Vocabulary | None) -> None:
        super().__init__(doc, path)
        self.vocabulary = vocabulary
        self.case_id: str | None = None
        self.scene_ids: list[str] = []  # file order, for hints
        self.known_scenes: set[str] = set()
        self.outlines: dict[str, _Outline] = {}
        self.scored: set[str] = set()
        self.scores_complete = True

    # - top level -

    def parse(self) -> Case | None:
        root = self.fields(
            self.doc.value, (), what="the case", allowed=CASE_FIELDS, required=_CASE_REQUIRED
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
        themes = self.key_list(
            root,
            "themes",
            (),
            allowed=None if vocab is None else vocab.themes,
            item="theme",
            what="themes in vocabulary.yaml",
        )
        phase = None
        if root.get("phase") is not None:
            phase = self._vocabulary_key(
                root["phase"], ("phase",), None if vocab is None else vocab.phases, "phase"
            )
        sources = self._sources(root)
        competences = self.key_list(
            root,
            "competences",
            (),
            allowed=None if vocab is None else vocab.competences,
            item="competence",
            what="competences in vocabulary.yaml",
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
            found = [self._source(s, (*at, i), "a source") for i, s in enumerate(items)]
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

    def _vocabulary_key(
        self, value: Any, where: KeyPath, allowed: Mapping[str, Any] | None, item: str
    ) -> str | None:
        if allowed is None:
            return self.text_value(value, where, f"'{item}'")
        return self.member(
            value, where, allowed=allowed, label=item, what=f"{item}s in vocabulary.yaml"
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
        found = [self._source(item, ("sources", i), "a source") for i, item in enumerate(items)]
        return None if None in found else [s for s in found if s is not None]

    def _source(self, value: Any, where: KeyPath, label: str = "'source'") -> str | None:
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
            where = ("parties", pid)
            if not isinstance(pid, str) or not pid.strip():
                self.error(where, f"party id {pid!r} must be text", SLUG_HINT, at_key=True)
                ok = False
                continue
            entry = self.fields(
                value, where, what=f"party {pid!r}", allowed=PARTY_FIELDS, required=PARTY_FIELDS
            )
            if entry is None:
                ok = False
                continue
            name = self.text(entry, "name", where)
            role = None
            if "role" in entry:
                role = self.member(
                    entry["role"], (*where, "role"), allowed=ROLES, label="role", what="roles"
                )
            if name is None or role is None:
                ok = False
            else:
                parties[pid] = Party(pid, name, role)
        return parties if ok else None

    # - scenes -

    def _scenes(
        self,
        root: dict[Any, Any],
        competences: list[str] | None,
        parties: dict[str, Party] | None,
    ) -> dict[str, Scene] | None:
        if "scenes" not in root:
            return None
        raw = root["scenes"]
        if not isinstance(raw, dict):
            self.wrong_type(("scenes",), "'scenes'", "a mapping", raw)
            return None
        if not raw:
            self.error(
                ("scenes",),
                "the case has no scenes",
                "add at least a start scene and an ending",
                at_key=True,
            )
            return None
        for sid in raw:
            if isinstance(sid, str) and sid.strip():
                self.scene_ids.append(sid)
                self.known_scenes.add(sid)
            else:
                self.error(
                    ("scenes", sid),
                    f"scene id {sid!r} must be text",
                    "scene ids are names such as 'eerste-gesprek'",
                    at_key=True,
                )
        scenes = {}
        for sid in self.scene_ids:
            scene = self._scene(sid, raw[sid], competences, parties)
            if scene is not None:
                scenes[sid] = scene
        return scenes if len(scenes) == len(raw) else None

    def _scene(
        self,
        sid: str,
        value: Any,
        competences: list[str] | None,
        parties: dict[str, Party] | None,
    ) -> Scene | None:
        where = ("scenes", sid)
        outline = self.outlines[sid] = _Outline(targets=None)
        scene = self.fields(
            value, where, what=f"scene {sid!r}", allowed=SCENE_FIELDS, required=("title", "text")
        )
        if scene is None:
            return None
        title = self.text(scene, "title", where)
        text = self.text(scene, "text", where)
        if text is not None and len(text) > MAX_SCENE_TEXT:
            self.warning(
                (*where, "text"),
                f"the text of scene {sid!r} has {len(text):,} characters "
                f"(more than {MAX_SCENE_TEXT:,})",
                "split it up: put part of it in a scene of its own, with 'next:' between them",
                at_key=True,
            )
        lines = self._lines(scene, where, parties)
        triadic = self.boolean(scene, "triadic", where)
        present = [key for key in scene if key in _KINDS]
        if not present:
            self.error(
                where,
                f"scene {sid!r} has no choices, next or ending",
                "a scene is a decision ('choices:'), a narrative ('next:') or an ending "
                "('ending:')",
                at_key=True,
            )
            return None
        if len(present) > 1:
            self.error(
                (*where, present[1]),
                f"scene {sid!r} has both {present[0]!r} and {present[1]!r}",
                "a scene has exactly one of 'choices', 'next' and 'ending'",
                at_key=True,
            )
            return None
        kind = _KINDS[present[0]]
        outline.kind = kind
        choices: tuple[Choice, ...] = ()
        next_id = None
        ending = None
        if kind == "decision":
            found = self._choices(
                sid, scene, where, bool(triadic), triadic is None, competences, outline
            )
            if found is None:
                return None
            choices = found
        elif kind == "narrative":
            next_id = self._target(scene["next"], (*where, "next"), "next")
            outline.targets = None if next_id is None else [next_id]
        else:
            outline.targets = []
            ending = self._ending(sid, scene["ending"], (*where, "ending"))
        if title is None or text is None or lines is None or triadic is None:
            return None
        if (kind == "narrative" and next_id is None) or (kind == "ending" and ending is None):
            return None
        return Scene(sid, title, text, lines, kind, choices, next_id, triadic, ending)

    def _lines(
        self, scene: dict[Any, Any], where: KeyPath, parties: dict[str, Party] | None
    ) -> tuple[Line, ...] | None:
        items = self.sequence(scene, "lines", where, required=False)
        if items is None:
            return None
        lines = []
        for i, item in enumerate(items):
            at = (*where, "lines", i)
            entry = self.fields(item, at, what="a line", allowed=LINE_FIELDS, required=LINE_FIELDS)
            if entry is None:
                continue
            who = self.text(entry, "who", at)
            says = self.text(entry, "says", at)
            if who is not None and parties is not None and who not in parties:
                hint = (
                    suggest(who, parties, "parties")
                    if parties
                    else f"add the speaker under 'parties:' at the top, e.g. "
                    f"{who}: {{name: ..., role: cliënt}}"
                )
                self.error((*at, "who"), f"unknown party {who!r} in 'who'", hint)
                who = None
            if who is not None and says is not None:
                lines.append(Line(who, says))
        return tuple(lines) if len(lines) == len(items) else None

    def _target(self, value: Any, where: KeyPath, label: str) -> str | None:
        """A reference to a scene (``next`` or ``start``)."""
        name = self.text_value(value, where, f"{label!r}")
        if name is None:
            return None
        if name not in self.known_scenes:
            self.error(
                where,
                f"unknown scene {name!r} in {label!r}",
                suggest(name, self.scene_ids, "scenes"),
            )
            return None
        return name

    def _ending(self, sid: str, value: Any, where: KeyPath) -> Ending | None:
        entry = self.fields(
            value,
            where,
            what=f"the ending of scene {sid!r}",
            allowed=ENDING_FIELDS,
            required=ENDING_FIELDS,
        )
        if entry is None:
            return None
        tone = None
        if "tone" in entry:
            tone = self.member(
                entry["tone"], (*where, "tone"), allowed=TONES, label="tone", what="tones"
            )
        debrief = self.text(entry, "debrief", where)
        source = self._source(entry["source"], (*where, "source")) if "source" in entry else None
        if tone is None or debrief is None or source is None:
            return None
        return Ending(tone, debrief, source)

    # - choices -

    def _choices(
        self,
        sid: str,
        scene: dict[Any, Any],
        where: KeyPath,
        triadic: bool,
        triadic_unknown: bool,
        competences: list[str] | None,
        outline: _Outline,
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
            value, where, what=what, allowed=CHOICE_FIELDS, required=_CHOICE_REQUIRED
        )
        if entry is None:
            self.scores_complete = False
            return None, None
        text = self.text(entry, "text", where)
        target = self._target(entry["next"], (*where, "next"), "next") if "next" in entry else None
        quality = None
        if "quality" in entry:
            quality = self.member(
                entry["quality"],
                (*where, "quality"),
                allowed=QUALITIES,
                label="quality",
                what="qualities",
            )
        scores = self._scores(entry, where, competences)
        feedback = self.text(entry, "feedback", where)
        source = self._source(entry["source"], (*where, "source")) if "source" in entry else None
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
            addresses = self.member(
                entry["addresses"],
                (*where, "addresses"),
                allowed=ADDRESSEES,
                label="addressee",
                what="addressees",
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
            key_at = (*at, key)
            if not isinstance(key, str):
                self.error(
                    key_at,
                    f"score key {key!r} must be a competence key",
                    "e.g. scores: {haakjes: 2}",
                    at_key=True,
                )
            elif known is not None and key not in known:
                self.error(
                    key_at,
                    f"unknown competence {key!r} in 'scores'",
                    suggest(key, known, "competences in vocabulary.yaml"),
                    at_key=True,
                )
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
