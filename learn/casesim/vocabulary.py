"""The shared vocabulary (competences, themes, phases), loaded once per app and language.

Course content is Dutch by design, but the labels the interface owns come in the user's
language: cases/vocabulary.en.yaml holds the English labels for the same keys; a key it lacks
keeps its Dutch label,
and so does every key when the content folder has no English file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from flask import current_app
from flask_babel import get_locale

from learn.content.runner import VOCABULARY_EN_FILE, VOCABULARY_FILE
from learn.content.vocabulary import Vocabulary, load_vocabulary


def vocabulary() -> Vocabulary:
    """The vocabulary with labels in the current language."""
    language = "en" if str(get_locale() or "nl") == "en" else "nl"
    cache = current_app.extensions.setdefault("kring_vocabulary", {})
    if language not in cache:
        dutch = cache.get("nl") or _load(VOCABULARY_FILE)
        cache["nl"] = dutch
        english = Path(current_app.config["CASES_DIR"]) / VOCABULARY_EN_FILE
        if language == "nl" or not english.exists():
            cache[language] = dutch
        else:
            cache[language] = translated(dutch, _load(VOCABULARY_EN_FILE))
    return cache[language]


def translated(dutch: Vocabulary, english: Vocabulary) -> Vocabulary:
    """Dutch keys and sources with the English label wherever one exists."""
    return replace(
        dutch,
        competences={k: english.competences.get(k, v) for k, v in dutch.competences.items()},
        themes={k: english.themes.get(k, v) for k, v in dutch.themes.items()},
        phases={k: english.phases.get(k, v) for k, v in dutch.phases.items()},
        categories={k: english.categories.get(k, v) for k, v in dutch.categories.items()},
    )


def _load(name: str) -> Vocabulary:
    path = Path(current_app.config["CASES_DIR"]) / name
    loaded, problems = load_vocabulary(path)
    if loaded is None:
        raise RuntimeError(f"cases/{name} has errors: " + "; ".join(p.format() for p in problems))
    return loaded
