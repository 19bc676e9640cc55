"""meerkeuze: a check question with options, exactly one of them correct.

Each learner sees the options in their own order (``learn.ordering.shuffled``), stable
across visits, so that "the first one" is not the answer passed around a class.
"""

from __future__ import annotations

from typing import Any

from learn.content.yamlsource import KeyPath
from learn.ordering import shuffled

from . import base
from .base import N_
from .model import Exercise, Option

OPTION_FIELDS = {
    "text": "the answer the learner can choose",
    "correct": "true for the one right option, false for the others",
    "feedback": "why this option is right or wrong",
}


class Meerkeuze(base.ExerciseKind):
    name = "meerkeuze"
    label = N_("Vraag")
    fields = base.described(
        """
        question: the check question
        options: two or more options, each with text, correct and feedback
        """
    )
    required = ("source", "question", "options")

    def read(
        self, rules: base.ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        at_options = (*where, "options")
        question = rules.text(value, "question", where)
        items = rules.sequence(value, "options", where)
        if items is None:
            return None
        if len(items) < 2:
            rules.error(
                at_options,
                f"exercise {eid!r} has {len(items)} option{'' if len(items) == 1 else 's'}: "
                "it needs at least two",
                "add options with text, correct and feedback",
                at_key=True,
            )
        options: list[Option] = []
        correct_count: int | None = 0
        for i, item in enumerate(items):
            at = (*at_options, i)
            entry = rules.fields(
                item,
                at,
                what=f"option {i + 1} of exercise {eid!r}",
                allowed=OPTION_FIELDS,
                required=OPTION_FIELDS,
            )
            if entry is None:
                correct_count = None
                continue
            text = rules.text(entry, "text", at)
            correct = rules.boolean(entry, "correct", at) if "correct" in entry else None
            feedback = rules.text(entry, "feedback", at)
            if correct is None:
                correct_count = None
            elif correct and correct_count is not None:
                correct_count += 1
            if text is not None and correct is not None and feedback is not None:
                options.append(Option(i + 1, text, correct, feedback))
        if correct_count is not None and len(items) >= 2 and correct_count != 1:
            rules.error(
                at_options,
                f"exercise {eid!r} has {correct_count} correct options: exactly one must "
                "have 'correct: true'",
                "mark the one right answer 'correct: true' and the others 'correct: false'",
                at_key=True,
            )
        if question is None or len(options) != len(items):
            return None
        return {"question": question, "options": tuple(options)}

    def parse(self, exercise: Exercise, form: base.Form) -> base.Submission:
        chosen = form.get("option", type=int)
        option = next((o for o in exercise.options if o.index == chosen), None)
        if option is None:
            raise base.AnswerError(N_("Kies een antwoord."))
        return base.Submission(answer={"option": option.index}, result={"correct": option.correct})

    def score(self, exercise: Exercise, stored: base.StoredAnswer) -> float | None:
        """1 for the correct option, 0 for another; None if the option is no longer there."""
        chosen = stored.answer.get("option")
        option = next((o for o in exercise.options if o.index == chosen), None)
        return None if option is None else float(option.correct)

    def view(
        self, exercise: Exercise, stored: base.StoredAnswer | None, context: base.ViewContext
    ) -> dict:
        return {"options": shuffled(exercise.options, "learner", context.learner_id, exercise.id)}


KIND = Meerkeuze()
