"""Case files: the data model and the fixed lists of docs/authoring-cases.md."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from learn.content.entry import Entry

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
CASE_REQUIRED = [k for k in CASE_FIELDS if k not in ("phase", "parties", "trainer")]
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
CHOICE_REQUIRED = ("text", "next", "quality", "feedback", "source")
ENDING_FIELDS = {
    "tone": "hoopvol, gemengd or zorgelijk",
    "debrief": "what happened and what the report says about such outcomes",
    "source": "the report section the debrief rests on",
}
PARTY_FIELDS = {"name": "the name shown in the conversation", "role": "one of " + ", ".join(ROLES)}
SCENE_KINDS: dict[str, SceneKind] = {"choices": "decision", "next": "narrative", "ending": "ending"}


# --- the data model --------------------------------------------------------------------------
# The parts of a scene come by the thousand in a long case: they keep their fields in slots.


@dataclass(frozen=True, slots=True)
class Line:
    who: str
    says: str


@dataclass(frozen=True, slots=True)
class Choice:
    index: int  # 1-based position in the scene, as stored in attempts
    text: str
    next: str
    quality: str
    scores: Mapping[str, int]
    feedback: str
    source: str
    addresses: str | None = None


@dataclass(frozen=True, slots=True)
class Ending:
    tone: str
    debrief: str
    source: str


@dataclass(frozen=True, slots=True)
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
class Case(Entry):
    """A valid case. Mappings are plain dicts for cheap (de)serialisation: do not mutate."""

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
