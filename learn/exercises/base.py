"""The contract every exercise kind fulfils, in the spirit of CTFd's challenge types.

A kind is one module with one ``ExerciseKind`` subclass, listed in ``registry``. Routes,
services, the journal and the module checker only call these methods, so "how is a haakjes
answer read, scored and shown?" is answered in ``haakjes.py`` alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, ClassVar, Protocol

from learn.content.cases.rules import CaseRules
from learn.content.schema import Validator
from learn.content.yamlsource import KeyPath, YamlDocument

from .model import Exercise

COMMON_FIELDS = {
    "title": "a short title",
    "source": "the report section the exercise rests on",
}


def described(table: str) -> Mapping[str, str]:
    """A kind's fields from a table of ``name: what the author writes there`` lines.

    The descriptions are the hints of ``kring content check`` ("add 'question:' with ..."),
    so a kind lists them as its authors read them.
    """
    fields = {}
    for line in table.strip().splitlines():
        name, separator, description = line.strip().partition(": ")
        if not separator:
            raise ValueError(f"a field line is 'name: description', not {line.strip()!r}")
        fields[name] = description
    return MappingProxyType(fields)


def N_(message: str) -> str:
    """Marks a message for the translation catalogue; routes translate it when shown."""
    return message


class AnswerError(ValueError):
    """An answer that cannot be scored. `message` is a msgid, `params` fill it in."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


class Form(Protocol):
    """The submitted form (werkzeug's MultiDict): one value, or every value, of a field."""

    def get(self, key: str, default: Any = None, type: Any = None) -> Any: ...

    def getlist(self, key: str) -> list[str]: ...

    def __iter__(self) -> Any: ...


class StoredAnswer(Protocol):
    """An ExerciseAnswer row as the kinds see it (lessons.models, kept out of the contract)."""

    text: str
    answer: dict[str, Any]
    result: dict[str, Any]


@dataclass(frozen=True)
class Submission:
    """What is stored for an answer: the text typed, the answer as JSON, and its result."""

    text: str = ""
    answer: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Played:
    """The learner's attempt at the case a kind plays, as learn.lessons.play reads it."""

    attempt: Any  # casesim.models.Attempt
    content: Any  # the Case of the attempt's version
    scene: Any  # the current Scene
    choices: Sequence[Any]  # the current scene's choices, in the order shown
    last_choice: Any  # (scene, Choice) of the last step, or None
    attention: Mapping[str, int]  # whom the learner addressed: client, naaste, beiden
    scores: Mapping[str, int]  # the attempt's competence scores


@dataclass(frozen=True)
class ViewContext:
    """Who is looking, and for kinds that play a case, their attempt (None: not started)."""

    learner_id: int
    played: Played | None = None


class ExerciseRules(CaseRules):
    """What a kind reads its part of exercises.yaml with: the Validator, the source rule of
    cases, and the case files of the module folder (for kinds that play one)."""

    def __init__(
        self, doc: YamlDocument, path: str, vocabulary: Any, case_files: Sequence[str]
    ) -> None:
        super().__init__(doc, path, vocabulary)
        self.case_files = list(case_files)  # stems of the other .yaml files in the folder
        self.case_refs: dict[str, str] = {}  # exercise id -> the case file it plays


class ExerciseKind:
    """One exercise kind. Subclasses set the class attributes and override what they use."""

    name: ClassVar[str]  # the 'type' in exercises.yaml
    label: ClassVar[str]  # the eyebrow above the exercise, marked with N_
    fields: ClassVar[Mapping[str, str]]  # its own fields, described for authors' hints
    required: ClassVar[tuple[str, ...]]  # which of 'source' and its fields are required
    answered_by_form: ClassVar[bool] = True  # False: answered by playing a case (triade)
    plays_case: ClassVar[bool] = False
    in_journal: ClassVar[bool] = False  # its answers are kept in the learner's journal
    edits_text: ClassVar[bool] = False  # the journal lets the learner edit the typed text
    # After answering, land on the result (#resultaat-ID) rather than the exercise's top:
    # for kinds whose result sits below a long form.
    result_below: ClassVar[bool] = False

    @property
    def template(self) -> str:
        """The partial that renders the exercise on its page."""
        return f"lessons/exercises/{self.name}.html"

    @property
    def journal_template(self) -> str:
        return f"lessons/journal/{self.name}.html"

    # - content -

    def read(
        self, rules: ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        """Check the kind's fields; the Exercise fields they give, or None after an error."""
        raise NotImplementedError

    def check_case(self, name: str, case: Any, check: Validator) -> None:
        """Rules for a case file an exercise of this kind plays (reported into ``check``)."""

    # - answers -

    def parse(self, exercise: Exercise, form: Form) -> Submission:
        """Read and score a submitted answer; AnswerError with a message for bad input."""
        raise NotImplementedError

    def clean_text(self, text: str | None) -> str:
        """The typed text as stored, for kinds that ``edits_text``; AnswerError if bad."""
        raise NotImplementedError

    def is_answered(self, text: str, result: Mapping[str, Any] | None) -> bool:
        """Whether a stored answer counts as done for module completion."""
        return True

    def score(self, exercise: Exercise, stored: StoredAnswer) -> float | None:
        """A score between 0 and 1 for a stored answer (None: not scored), for analytics."""
        return None

    # - showing -

    def view(self, exercise: Exercise, stored: StoredAnswer | None, context: ViewContext) -> dict:
        """What the template gets besides ``exercise``, ``answer`` and ``feedback``."""
        return {}

    def journal_view(self, exercise: Exercise, stored: StoredAnswer) -> dict:
        """What the journal template gets for an entry besides row, module and exercise."""
        return {}

    def journal_markdown(self, exercise: Exercise | None, stored: StoredAnswer) -> list[str]:
        """The entry's lines in the downloaded journal."""
        return []
