"""triade: a short case, played inside the page, in which the professional talks with a
client and a naaste together. Afterwards a balance meter shows whom the professional
addressed and whether the regie stayed with the client.

The case is a file in the module folder, checked as a case plus the rules below; the app
syncs it as an unlisted case and plays it with the case engine.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from learn.content.cases.model import Case
from learn.content.schema import SLUG, Validator
from learn.content.yamlsource import KeyPath

from . import base
from .base import N_
from .model import Exercise

TRIADE_COMPETENCES = ("triade", "regie")  # the balance meter shows both
MIN_TRIADE_DECISIONS = 2


@dataclass(frozen=True)
class Balance:
    client: int
    naaste: int
    beiden: int
    regie_points: int

    @property
    def regie_with_client(self) -> bool:
        return self.regie_points >= 0

    @property
    def total(self) -> int:
        return self.client + self.naaste + self.beiden


def triad_balance(counts: Mapping[str, int], scores: Mapping[str, int]) -> Balance:
    return Balance(
        client=counts.get("client", 0),
        naaste=counts.get("naaste", 0),
        beiden=counts.get("beiden", 0),
        regie_points=scores.get("regie", 0),
    )


class Triade(base.ExerciseKind):
    name = "triade"
    label = N_("Triadisch gesprek")
    fields = base.described(
        """
        case: the id of a case file in this folder (its name without .yaml)
        """
    )
    required = ("case",)
    answered_by_form = False
    plays_case = True

    def is_answered(self, text: str, result: Mapping[str, Any] | None) -> bool:
        return bool(result)  # the conversation was played to its end

    def read(
        self, rules: base.ExerciseRules, eid: str, value: dict[Any, Any], where: KeyPath
    ) -> dict[str, Any] | None:
        if "case" not in value:
            return None
        at = (*where, "case")
        name = rules.text_value(value["case"], at, "'case'")
        if name is None:
            return None
        if not SLUG.match(name) or name in ("module", "exercises"):
            rules.error(
                at,
                f"'case' {name!r} cannot name a case file",
                "give the id of a case file in this folder, e.g. 'triade-moeder' for "
                "triade-moeder.yaml",
            )
            return None
        if name not in rules.case_files:
            problem = f"case file '{name}.yaml' not found in the module folder"
            rules.unknown(name, rules.case_files, at, problem, "case files in the folder")
            return None
        rules.case_refs[eid] = name
        return {"case_id": name}

    def check_case(self, name: str, case: Case, check: Validator) -> None:
        if not any(scene.triadic for scene in case.scenes.values()):
            check.error(
                ("scenes",),
                f"the triade case {name!r} has no triadic scene",
                "mark a scene where the professional talks with client and naaste together "
                "with 'triadic: true'",
                at_key=True,
            )
        decisions = sum(scene.kind == "decision" for scene in case.scenes.values())
        if decisions < MIN_TRIADE_DECISIONS:
            check.error(
                ("scenes",),
                f"the triade case {name!r} has {decisions} decision scene"
                f"{'' if decisions == 1 else 's'}: it needs at least {MIN_TRIADE_DECISIONS}",
                "add a scene with 'choices:'",
                at_key=True,
            )
        for key in TRIADE_COMPETENCES:
            if key not in case.competences:
                check.error(
                    ("competences",),
                    f"the triade case {name!r} does not score {key!r}",
                    f"add {key!r} to 'competences' and score it in the choices: the balance "
                    "meter after the conversation shows 'triade' and 'regie'",
                    at_key=True,
                )

    def attempt_result(self, played: base.Played) -> dict[str, Any]:
        """What is stored when the learner finishes the conversation."""
        balance = triad_balance(played.attention, played.scores)
        return {**asdict(balance), "regie_with_client": balance.regie_with_client}

    def score(self, exercise: Exercise, stored: base.StoredAnswer) -> float | None:
        """The regie share: the part of the conversation in which the client was addressed
        (alone or together with the naaste). None until the conversation is finished."""
        result = stored.result
        if not result:
            return None
        total = result["client"] + result["naaste"] + result["beiden"]
        return (result["client"] + result["beiden"]) / total if total else None

    def view(
        self, exercise: Exercise, stored: base.StoredAnswer | None, context: base.ViewContext
    ) -> dict:
        """The conversation so far, or a start button (with a fresh token against replays)."""
        token = secrets.token_urlsafe(24)
        played = context.played
        if played is None:
            return {"attempt": None, "start_token": token}
        state = {
            "attempt": played.attempt,
            "content": played.content,
            "scene": played.scene,
            "choices": played.choices,
            "last_choice": played.last_choice,
            "start_token": token,
        }
        if played.attempt.finished:
            state["balance"] = triad_balance(played.attention, played.scores)
        return state


KIND = Triade()
