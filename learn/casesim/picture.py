"""Lay a case out as a picture: scenes in columns by distance from the start.

Returns coordinates only; `templates/casesim/_path_picture.html` draws the SVG,
so the markup is escaped by Jinja like every other page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from learn.casesim.engine import Step, target
from learn.content.cases.graph import depths
from learn.content.cases.model import Case

NODE_WIDTH = 132
NODE_HEIGHT = 46
COLUMN_GAP = 56
ROW_GAP = 22
MARGIN = 16
LABEL_CHARACTERS = 18


@dataclass(frozen=True)
class Node:
    id: str
    title: str
    label: str
    kind: str
    x: int
    y: int
    learner: bool
    best: bool
    tone: str | None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    d: str  # SVG path data
    learner: bool
    best: bool


@dataclass(frozen=True)
class Picture:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]


def _label(title: str) -> str:
    if len(title) <= LABEL_CHARACTERS:
        return title
    return title[: LABEL_CHARACTERS - 1].rstrip() + "…"


def _edges_of(case: Case, steps: Sequence[Step]) -> set[tuple[str, str]]:
    return {(sid, target(case.scenes[sid], index)) for sid, index in steps}


def case_picture(case: Case, learner_steps: Sequence[Step], best_steps: Sequence[Step]) -> Picture:
    depth = depths(case)
    learner_edges = _edges_of(case, learner_steps)
    best_edges = _edges_of(case, best_steps)
    learner_nodes = {case.start} | {t for _, t in learner_edges} if learner_steps else set()
    best_nodes = {case.start} | {t for _, t in best_edges}

    rows: dict[int, int] = {}
    position: dict[str, tuple[int, int]] = {}
    nodes = []
    for sid, scene in case.scenes.items():
        column = depth.get(sid, 0)
        row = rows.get(column, 0)
        rows[column] = row + 1
        x = MARGIN + column * (NODE_WIDTH + COLUMN_GAP)
        y = MARGIN + row * (NODE_HEIGHT + ROW_GAP)
        position[sid] = (x, y)
        nodes.append(
            Node(
                id=sid,
                title=scene.title,
                label=_label(scene.title),
                kind=scene.kind,
                x=x,
                y=y,
                learner=sid in learner_nodes,
                best=sid in best_nodes,
                tone=scene.ending.tone if scene.ending else None,
            )
        )

    edges = []
    for sid, scene in case.scenes.items():
        for nxt in dict.fromkeys(scene.targets()):
            (x1, y1), (x2, y2) = position[sid], position[nxt]
            if x2 > x1:  # forward: right side to left side
                sx, sy, tx, ty = x1 + NODE_WIDTH, y1 + NODE_HEIGHT // 2, x2, y2 + NODE_HEIGHT // 2
                bend = (tx - sx) // 2
                d = f"M{sx},{sy} C{sx + bend},{sy} {tx - bend},{ty} {tx},{ty}"
            elif x2 == x1:  # same column: bow out to the right
                sx, sy = x1 + NODE_WIDTH, y1 + NODE_HEIGHT // 2
                tx, ty = x2 + NODE_WIDTH, y2 + NODE_HEIGHT // 2
                reach = COLUMN_GAP // 2 + 6
                d = f"M{sx},{sy} C{sx + reach},{sy} {tx + reach},{ty} {tx},{ty}"
            else:  # a loop back: leave and arrive underneath
                sx, sy = x1 + NODE_WIDTH // 2, y1 + NODE_HEIGHT
                tx, ty = x2 + NODE_WIDTH // 2, y2 + NODE_HEIGHT
                drop = max(sy, ty) + ROW_GAP + 10
                d = f"M{sx},{sy} C{sx},{drop} {tx},{drop} {tx},{ty}"
            edges.append(
                Edge(
                    sid, nxt, d, learner=(sid, nxt) in learner_edges, best=(sid, nxt) in best_edges
                )
            )

    width = MARGIN * 2 + (max(depth.values(), default=0) + 1) * (NODE_WIDTH + COLUMN_GAP)
    height = MARGIN * 2 + max(rows.values(), default=1) * (NODE_HEIGHT + ROW_GAP) + ROW_GAP
    return Picture(width=width - COLUMN_GAP, height=height, nodes=nodes, edges=edges)
