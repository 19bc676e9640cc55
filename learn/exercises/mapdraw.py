"""The netwerkkaart picture: rings for closeness, quarters for sectors.

Plain geometry, shared by the saved map in the journal and the drag-and-drop
map, so both draw the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .base import N_
from .model import SECTORS

SIZE = 440
CENTRE = SIZE / 2
RING_RADII = (70, 135, 200)  # outer edge of ring 1, 2, 3
# One name per sector on the map, in the selects, the results and the journal download
# (translated where shown; the download keeps the Dutch names).
SECTOR_NAMES = {
    "familie": N_("Familie"),
    "vrienden": N_("Vrienden en kennissen"),
    "maatschappelijk": N_("Buren, collega's en verenigingen"),
    "professionals": N_("Professionals"),
}
# Each sector is a quarter, clockwise from the top.
SECTOR_START = {sector: -90 + 90 * n for n, sector in enumerate(SECTORS)}


@dataclass(frozen=True)
class Dot:
    id: str
    name: str
    x: float
    y: float
    tie: str
    valence: str


def ring_middle(ring: int) -> float:
    inner = 0 if ring == 1 else RING_RADII[ring - 2]
    return (inner + RING_RADII[ring - 1]) / 2 + (8 if ring == 1 else 0)


def place_dots(people: Sequence[tuple[str, str]], placements: Mapping[str, Mapping]) -> list[Dot]:
    """Spread the people of each (sector, ring) cell evenly over its arc."""
    cells: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for person_id, name in people:
        placed = placements[person_id]
        cells.setdefault((placed["sector"], int(placed["ring"])), []).append((person_id, name))
    dots = []
    for (sector, ring), members in cells.items():
        for n, (person_id, name) in enumerate(members):
            angle = math.radians(SECTOR_START[sector] + 90 * (n + 1) / (len(members) + 1))
            radius = ring_middle(ring)
            placed = placements[person_id]
            dots.append(
                Dot(
                    id=person_id,
                    name=name,
                    x=round(CENTRE + radius * math.cos(angle), 1),
                    y=round(CENTRE + radius * math.sin(angle), 1),
                    tie=placed["tie"],
                    valence=placed["valence"],
                )
            )
    return dots


def sector_label_positions() -> dict[str, tuple[float, float, str]]:
    """(x, y, text-anchor) per sector: in the corner of its quarter, inside the picture."""
    margin = 8
    corners = {
        "familie": (SIZE - margin, 18, "end"),
        "vrienden": (SIZE - margin, SIZE - 8, "end"),
        "maatschappelijk": (margin, SIZE - 8, "start"),
        "professionals": (margin, 18, "start"),
    }
    return {sector: corners[sector] for sector in SECTORS}
