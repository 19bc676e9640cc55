"""The scene graph of a case: reachability, loops and the best and worst scores.

Everything here is iterative (no recursion), so a case with thousands of scenes cannot hit
Python's recursion limit. Scores count over *simple* paths only, because when a learner
loops back, the part of the path since the earlier visit is replaced (see scoring.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Case

Successors = Mapping[str, Sequence[str]]
Step = tuple[str, int | None]
TOTAL = "total"


# --- plain graph algorithms on {node: [successor, ...]} -------------------------------------


def distances_from(starts: Iterable[str], successors: Successors) -> dict[str, int]:
    """Fewest steps from any of ``starts`` to every node they reach (breadth first)."""
    distance = dict.fromkeys(starts, 0)
    todo = deque(distance)
    while todo:
        node = todo.popleft()
        for nxt in successors.get(node, ()):
            if nxt not in distance:
                distance[nxt] = distance[node] + 1
                todo.append(nxt)
    return distance


def reachable_from(starts: Iterable[str], successors: Successors) -> set[str]:
    """Every node reachable from ``starts`` (including them)."""
    return set(distances_from(starts, successors))


def predecessors(successors: Successors) -> dict[str, list[str]]:
    """The graph with every edge turned around."""
    turned: dict[str, list[str]] = {}
    for node, nexts in successors.items():
        for nxt in nexts:
            turned.setdefault(nxt, []).append(node)
    return turned


def reaching(targets: Iterable[str], successors: Successors) -> set[str]:
    """Every node from which one of ``targets`` can be reached (including them)."""
    return reachable_from(targets, predecessors(successors))


def components(nodes: Iterable[str], successors: Successors) -> list[list[str]]:
    """Strongly connected components (iterative Tarjan).

    Components come out in reverse topological order: every component is listed after all
    components reachable from it. Nodes within a component keep the order of ``nodes``.
    """
    order = {node: i for i, node in enumerate(nodes)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    for root in order:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors.get(root, ())))]
        while work:
            node, nexts = work[-1]
            for nxt in nexts:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(successors.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    component.sort(key=lambda n: order.get(n, len(order)))
                    result.append(component)
    return result


def is_loop(component: Sequence[str], successors: Successors) -> bool:
    """A component is a loop when it has several nodes or one that leads to itself."""
    return len(component) > 1 or component[0] in successors.get(component[0], ())


# --- the same questions asked of a Case ------------------------------------------------------


def successors(case: Case) -> dict[str, list[str]]:
    """Scene id -> the scene ids its choices or ``next`` lead to, in choice order."""
    return {sid: scene.targets() for sid, scene in case.scenes.items()}


def reachable(case: Case) -> set[str]:
    """Scenes the learner can get to from ``start``."""
    return reachable_from([case.start], successors(case))


def cannot_reach_ending(case: Case) -> list[str]:
    """Scenes (in file order) from which no ending can be reached."""
    endings = [sid for sid, scene in case.scenes.items() if scene.kind == "ending"]
    finishing = reaching(endings, successors(case))
    return [sid for sid in case.scenes if sid not in finishing]


def depths(case: Case) -> dict[str, int]:
    """Fewest steps from the start to each scene; the case map's columns."""
    return distances_from([case.start], successors(case))


def distances_to_ending(case: Case) -> dict[str, int]:
    """Fewest steps from each scene to any ending; what a progress bar still has to go."""
    endings = [sid for sid, scene in case.scenes.items() if scene.kind == "ending"]
    return distances_from(endings, predecessors(successors(case)))


def strongly_connected_components(case: Case) -> list[list[str]]:
    """Scene components in reverse topological order; see :func:`components`."""
    return components(case.scenes, successors(case))


# --- best and worst scores over simple paths -------------------------------------------------


@dataclass(frozen=True)
class _Value:
    """Best and worst totals from one search state to an ending, per objective."""

    best: tuple[int, ...]
    worst: tuple[int, ...]
    best_step: int  # position in the edge list of the edge that gives best[-1] (the total)


def _edges(case: Case) -> dict[str, list[tuple[int | None, str, tuple[int, ...]]]]:
    """Scene -> (choice index or None, target, score vector per competence plus total)."""
    edges = {}
    for sid, scene in case.scenes.items():
        if scene.kind == "decision":
            out = []
            for choice in scene.choices:
                vector = [choice.scores.get(c, 0) for c in case.competences]
                out.append((choice.index, choice.next, (*vector, sum(vector))))
            edges[sid] = out
        elif scene.kind == "narrative" and scene.next is not None:
            edges[sid] = [(None, scene.next, (0,) * (len(case.competences) + 1))]
        else:
            edges[sid] = []
    return edges


class _Solver:
    """Memoised search over states (scene, scenes visited in its loop).

    Leaving a component can never lead back into it, so only the visits within the current
    strongly connected component need remembering: a bit mask over that component's scenes
    (at most 12 in a valid case). Outside loops the mask is a single bit, which makes this
    plain dynamic programming over the condensation DAG.
    """

    def __init__(self, case: Case) -> None:
        self.case = case
        self.edges = _edges(case)
        succ = {sid: [target for _, target, _ in out] for sid, out in self.edges.items()}
        self.component: dict[str, int] = {}
        self.bit: dict[str, int] = {}
        for number, component in enumerate(components(case.scenes, succ)):
            for position, sid in enumerate(component):
                self.component[sid] = number
                self.bit[sid] = 1 << position
        self.width = len(case.competences) + 1
        self.memo: dict[tuple[str, int], _Value | None] = {}

    def _next_state(self, sid: str, mask: int, target: str) -> tuple[str, int] | None:
        if target not in self.component:
            return None
        if self.component[target] != self.component[sid]:
            return (target, self.bit[target])
        if mask & self.bit[target]:
            return None  # would visit a scene twice
        return (target, mask | self.bit[target])

    def solve(self, state: tuple[str, int]) -> _Value | None:
        todo = [state]
        while todo:
            sid, mask = current = todo[-1]
            if current in self.memo:
                todo.pop()
                continue
            pending = []
            for _, target, _ in self.edges[sid]:
                nxt = self._next_state(sid, mask, target)
                if nxt is not None and nxt not in self.memo:
                    pending.append(nxt)
            if pending:
                todo.extend(pending)
                continue
            todo.pop()
            self.memo[current] = self._combine(sid, mask)
        return self.memo[state]

    def _combine(self, sid: str, mask: int) -> _Value | None:
        if self.case.scenes[sid].kind == "ending":
            zero = (0,) * self.width
            return _Value(zero, zero, -1)
        best: list[int] | None = None
        worst: list[int] = []
        best_step = -1
        for position, (_, target, vector) in enumerate(self.edges[sid]):
            nxt = self._next_state(sid, mask, target)
            after = self.memo.get(nxt) if nxt is not None else None
            if after is None:
                continue
            high = [v + a for v, a in zip(vector, after.best, strict=True)]
            low = [v + a for v, a in zip(vector, after.worst, strict=True)]
            if best is None:
                best, worst, best_step = high, low, position
                continue
            if high[-1] > best[-1]:
                best_step = position
            best = [max(a, b) for a, b in zip(best, high, strict=True)]
            worst = [min(a, b) for a, b in zip(worst, low, strict=True)]
        if best is None:
            return None
        return _Value(tuple(best), tuple(worst), best_step)

    def start(self) -> tuple[tuple[str, int], _Value]:
        state = (self.case.start, self.bit.get(self.case.start, 1))
        if self.case.start not in self.component or (value := self.solve(state)) is None:
            raise ValueError(f"case {self.case.id!r} has no path from start to an ending")
        return state, value


def score_bounds(case: Case) -> dict[str, tuple[int, int]]:
    """(worst, best) per competence of ``case.competences`` and for ``"total"``.

    Each objective is bounded on its own: the path with the best ``relatie`` score need not
    be the one with the best total. Meant for valid cases: the work grows with 2**n for a
    loop of n scenes (about 0.4 s for a 12-scene loop where every scene leads to every
    other). Raises ValueError when no ending can be reached.
    """
    _, value = _Solver(case).start()
    keys = [*case.competences, TOTAL]
    return {key: (value.worst[i], value.best[i]) for i, key in enumerate(keys)}


def best_path(case: Case) -> list[Step]:
    """The steps ``(scene id, choice index or None)`` of a simple path with the best total.

    The ending is the last step (with None). Ties go to the lowest choice index, so the
    answer is the same on every run.
    """
    solver = _Solver(case)
    state, value = solver.start()
    steps: list[Step] = []
    while True:
        sid, mask = state
        if value.best_step < 0:
            steps.append((sid, None))
            return steps
        index, target, _ = solver.edges[sid][value.best_step]
        steps.append((sid, index))
        nxt = solver._next_state(sid, mask, target)
        if nxt is None:  # pragma: no cover - best_step always names a feasible edge
            raise AssertionError("inconsistent best path")
        state = nxt
        found = solver.memo[state]
        if found is None:  # pragma: no cover
            raise AssertionError("inconsistent best path")
        value = found
