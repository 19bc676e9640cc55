"""The shared vocabulary (competences, themes, phases), loaded once per app."""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from learn.content.vocabulary import Vocabulary, load_vocabulary


def vocabulary() -> Vocabulary:
    cached = current_app.extensions.get("kring_vocabulary")
    if cached is None:
        path = Path(current_app.config["CASES_DIR"]) / "vocabulary.yaml"
        cached, problems = load_vocabulary(path)
        if cached is None:
            raise RuntimeError(
                "cases/vocabulary.yaml has errors: " + "; ".join(p.format() for p in problems)
            )
        current_app.extensions["kring_vocabulary"] = cached
    return cached
