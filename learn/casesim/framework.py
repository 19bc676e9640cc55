"""How the eight competences Kring scores map onto the eight intervention categories.

The categories are the sections of Social Network First? (2024), chapter 4; the
competences (cases/vocabulary.yaml) are derived from them. The framework page draws
this mapping, so learners and trainers can see where a profile score comes from.
"""

from __future__ import annotations

from dataclasses import dataclass

# Category key (cases/vocabulary.yaml `categories`) -> its section in chapter 4.
CATEGORY_SECTIONS = {
    "randvoorwaarden": "§4.1",
    "basisvoorwaarden": "§4.2",
    "bewustwording": "§4.3",
    "netwerk-vergroten": "§4.4",
    "relatieherstel": "§4.5",
    "samen-beslissen": "§4.6",
    "wederkerigheid": "§4.7",
    "sociale-vaardigheden": "§4.8",
}

# Competence key -> the categories it practises. Randvoorwaarden (time, training, a room
# for the network, handover) are the organisation's to arrange: no competence scores them.
COMPETENCE_CATEGORIES = {
    "relatie": ("basisvoorwaarden",),
    "overvraging": ("basisvoorwaarden",),
    "haakjes": ("bewustwording",),
    "kring": ("netwerk-vergroten",),
    "begrenzen": ("netwerk-vergroten",),
    "triade": ("relatieherstel", "samen-beslissen"),
    "regie": ("samen-beslissen",),
    "wederkerigheid": ("wederkerigheid", "sociale-vaardigheden"),
}


@dataclass(frozen=True)
class Link:
    """One line in the picture: from a category row to a competence row."""

    category_row: int
    competence_row: int


def links(categories: list[str], competences: list[str]) -> list[Link]:
    """The picture's lines, by row position in the two given orders; unknown keys are left out."""
    rows = {key: row for row, key in enumerate(categories)}
    return [
        Link(rows[category], row)
        for row, competence in enumerate(competences)
        for category in COMPETENCE_CATEGORIES.get(competence, ())
        if category in rows
    ]
