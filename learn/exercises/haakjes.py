"""haakjes: mark the hooks in a transcript, the small openings to someone's network.

Scored by precision (how many marks were hooks) and recall (how many hooks were marked);
a transcript never consists of hooks only, so marking everything does not pay.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from learn.content.cases.model import Party
from learn.content.cases.rules import read_party
from learn.content.yamlsource import KeyPath

from . import base
from .base import N_
from .model import Exercise, Fragment, Hook

HOOK_TONES = ("brutaal", "gevoelig")
MIN_HOOKS = 2
MIN_FRAGMENTS = 8  # fewer is a warning: marking works, but there is little to look for
FRAGMENT_FIELDS = {
    "who": "the id of a party",
    "says": "what they say",
    "hook": "label, why, follow_up and tone, when this fragment is a hook",
}
HOOK_FIELDS = {
    "label": "a few words naming the hook",
    "why": "why this is a hook",
    "follow_up": "a good follow-up question",
    "tone": "brutaal or gevoelig",
}


@dataclass(frozen=True)
class HookResult:
    found: tuple[Fragment, ...]
    missed: tuple[Fragment, ...]
    wrong: tuple[Fragment, ...]  # marked, but not a hook

    @property
    def precision(self) -> float:
        marked = len(self.found) + len(self.wrong)
        return len(self.found) / marked if marked else 0.0

    @property
    def recall(self) -> float:
        hooks = len(self.found) + len(self.missed)
        return len(self.found) / hooks if hooks else 0.0

    @property
    def f1(self) -> float:
        """Precision and recall in one number: their harmonic mean."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def parse_marked(values: Iterable[str], fragments: Sequence[Fragment]) -> set[int]:
    """The fragment numbers a learner marked; AnswerError for anything else."""
    marked = set()
    for value in values:
        try:
            index = int(value)
        except (TypeError, ValueError) as exc:
            raise base.AnswerError(N_("Een gemarkeerd fragment bestaat niet.")) from exc
        if not 1 <= index <= len(fragments):
            raise base.AnswerError(N_("Een gemarkeerd fragment bestaat niet."))
        marked.add(index)
    return marked


def score_hooks(fragments: Sequence[Fragment], marked: set[int]) -> HookResult:
    found = tuple(f for f in fragments if f.hook and f.index in marked)
    missed = tuple(f for f in fragments if f.hook and f.index not in marked)
    wrong = tuple(f for f in fragments if not f.hook and f.index in marked)
    return HookResult(found, missed, wrong)


class Haakjes(base.ExerciseKind):
    name = "haakjes"
    label = N_("Haakjes zoeken")
    fields = base.described(
        """
        intro: what the learner reads and does
        parties: the people who speak, as id: {name: ..., role: ...}
        transcript: the fragments, as a list of {who: ..., says: ...}
        """
    )
    required = ("source", "intro", "parties", "transcript")
    result_below = True  # the annotated transcript and score follow a long transcript

    def read(
        self, rules: base.ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        intro = rules.text(value, "intro", where)
        parties = self._parties(rules, value, where)
        items = rules.sequence(value, "transcript", where)
        if items is None:
            return None
        at_transcript = (*where, "transcript")
        if not items:
            rules.error(
                at_transcript,
                f"the transcript of exercise {eid!r} is empty",
                "add fragments as '- who: ...' with 'says: ...'",
                at_key=True,
            )
            return None
        fragments = [
            self._fragment(rules, eid, i, item, (*at_transcript, i), parties)
            for i, item in enumerate(items)
        ]
        hooks = sum(isinstance(item, dict) and "hook" in item for item in items)
        if hooks < MIN_HOOKS:
            rules.error(
                at_transcript,
                f"exercise {eid!r} has {hooks} hook{'' if hooks == 1 else 's'}: it needs at "
                f"least {MIN_HOOKS}",
                "give the fragments that are hooks a 'hook:' with label, why, follow_up and "
                "tone (4-8 hooks work best)",
                at_key=True,
            )
        if hooks == len(items):
            rules.error(
                at_transcript,
                f"every fragment of exercise {eid!r} is a hook",
                "add fragments that are not hooks (the weather, a tv programme), so that "
                "marking everything does not pay",
                at_key=True,
            )
        if len(items) < MIN_FRAGMENTS:
            rules.warning(
                at_transcript,
                f"the transcript of exercise {eid!r} has only {len(items)} fragments",
                "give a transcript 12-25 fragments, so that there is something to look for",
                at_key=True,
            )
        if intro is None or parties is None or None in fragments:
            return None
        return {
            "intro": intro,
            "parties": parties,
            "fragments": tuple(f for f in fragments if f is not None),
        }

    def _parties(
        self, rules: base.ExerciseRules, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Party] | None:
        if "parties" not in value:
            return None
        raw, at = value["parties"], (*where, "parties")
        if not isinstance(raw, dict) or not raw:
            if isinstance(raw, dict):
                rules.error(
                    at,
                    "'parties' is empty",
                    "add the speakers as id: {name: ..., role: ...}",
                    at_key=True,
                )
            else:
                rules.wrong_type(at, "'parties'", "a mapping", raw)
            return None
        parties: dict[str, Party] = {}
        for pid, entry in raw.items():
            party = read_party(rules, pid, entry, (*at, pid))
            if party is not None:
                parties[pid] = party
        return parties if len(parties) == len(raw) else None

    def _fragment(
        self,
        rules: base.ExerciseRules,
        eid: str,
        i: int,
        item: Any,
        at: KeyPath,
        parties: dict[str, Party] | None,
    ) -> Fragment | None:
        what = f"fragment {i + 1} of exercise {eid!r}"
        entry = rules.fields(item, at, what=what, allowed=FRAGMENT_FIELDS, required=("who", "says"))
        if entry is None:
            return None
        who = rules.text(entry, "who", at)
        says = rules.text(entry, "says", at)
        if who is not None and parties is not None and who not in parties:
            rules.unknown(who, parties, (*at, "who"), f"unknown party {who!r} in 'who'", "parties")
            who = None
        hook = None
        if "hook" in entry:
            hook = self._hook(rules, entry["hook"], (*at, "hook"), f"the hook of fragment {i + 1}")
            if hook is None:
                return None
        if who is None or says is None:
            return None
        return Fragment(i + 1, who, says, hook)

    def _hook(self, rules: base.ExerciseRules, value: Any, at: KeyPath, what: str) -> Hook | None:
        entry = rules.fields(value, at, what=what, allowed=HOOK_FIELDS, required=HOOK_FIELDS)
        if entry is None:
            return None
        label = rules.text(entry, "label", at)
        why = rules.text(entry, "why", at)
        follow_up = rules.text(entry, "follow_up", at)
        tone = rules.member_field(entry, "tone", at, allowed=HOOK_TONES, what="tones")
        if label is None or why is None or follow_up is None or tone is None:
            return None
        return Hook(label, why, follow_up, tone)

    def parse(self, exercise: Exercise, form: base.Form) -> base.Submission:
        marked = parse_marked(form.getlist("fragment"), exercise.fragments)
        scored = score_hooks(exercise.fragments, marked)
        return base.Submission(
            answer={"marked": sorted(marked)},
            result={"precision": round(scored.precision, 3), "recall": round(scored.recall, 3)},
        )

    def score(self, exercise: Exercise, stored: base.StoredAnswer) -> float | None:
        """F1 of precision and recall, over the fragments the transcript still has."""
        return score_hooks(exercise.fragments, set(stored.answer.get("marked", ()))).f1

    def view(
        self, exercise: Exercise, stored: base.StoredAnswer | None, context: base.ViewContext
    ) -> dict:
        if stored is None:
            return {}
        return {"feedback": score_hooks(exercise.fragments, set(stored.answer["marked"]))}


KIND = Haakjes()
