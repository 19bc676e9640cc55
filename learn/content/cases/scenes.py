"""The rules for scenes: their kind, lines, next scene and ending."""

from __future__ import annotations

from typing import Any

from learn.content.schema import suggest
from learn.content.yamlsource import KeyPath

from .model import (
    ENDING_FIELDS,
    LINE_FIELDS,
    MAX_SCENE_TEXT,
    SCENE_FIELDS,
    SCENE_KINDS,
    TONES,
    Choice,
    Ending,
    Line,
    Party,
    Scene,
)
from .rules import CaseRules, Outline


class SceneRules(CaseRules):
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
        outline = self.outlines[sid] = Outline(targets=None)
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
        present = [key for key in scene if key in SCENE_KINDS]
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
        kind = SCENE_KINDS[present[0]]
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
        tone = self.member_field(entry, "tone", where, allowed=TONES, what="tones")
        debrief = self.text(entry, "debrief", where)
        source = self.source(entry["source"], (*where, "source")) if "source" in entry else None
        if tone is None or debrief is None or source is None:
            return None
        return Ending(tone, debrief, source)
