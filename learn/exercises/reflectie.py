"""reflectie: an open question; the answer is kept, unscored, in the learner's journal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from learn.content.yamlsource import KeyPath

from . import base
from .base import N_
from .model import Exercise

MAX_REFLECTION_CHARACTERS = 5000


def clean_reflection(text: str | None) -> str:
    """The reflection as typed (only outer blank space trimmed); AnswerError if empty or long."""
    text = (text or "").strip()
    if not text:
        raise base.AnswerError(N_("Schrijf eerst je antwoord."))
    if len(text) > MAX_REFLECTION_CHARACTERS:
        raise base.AnswerError(
            N_("Je antwoord is te lang: hoogstens %(n)d tekens."), n=MAX_REFLECTION_CHARACTERS
        )
    return text


class Reflectie(base.ExerciseKind):
    name = "reflectie"
    label = N_("Reflectie")
    fields = base.described(
        """
        question: the open question
        hint: a note shown with the question
        """
    )
    required = ("question",)
    in_journal = True
    edits_text = True

    def is_answered(self, text: str, result: Mapping[str, Any] | None) -> bool:
        return bool(text.strip())  # an empty reflection is not a reflection

    def read(
        self, rules: base.ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        question = rules.text(value, "question", where)
        hint = rules.text(value, "hint", where, required=False)
        return None if question is None else {"question": question, "hint": hint or ""}

    def parse(self, exercise: Exercise, form: base.Form) -> base.Submission:
        return base.Submission(text=self.clean_text(form.get("text", "")))

    def clean_text(self, text: str | None) -> str:
        return clean_reflection(text)

    def journal_markdown(self, exercise: Exercise | None, stored: base.StoredAnswer) -> list[str]:
        lines = [f"*{exercise.question.strip()}*", ""] if exercise is not None else []
        return [*lines, stored.text, ""]


KIND = Reflectie()
