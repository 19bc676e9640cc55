"""The scene graph of a case: reachability, loops and the best and worst scores.

Everything here is iterative (no recursion), so a case with thousands of scenes cannot hit
Python's recursion limit. Scores count over *simple* paths only, because when a learner
loops back, the part of the path since the earlier visit is replaced (see scoring.py).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from operator import add, neg

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
    names = list(dict.fromkeys(nodes))
    roots = len(names)
    number = {name: i for i, name in enumerate(names)}
    succ: list[list[int]] = []
    for name in names:  # grows while successors name nodes outside ``nodes``
        row = []
        for nxt in successors.get(name, ()):
            if nxt not in number:
                number[nxt] = len(names)
                names.append(nxt)
            row.append(number[nxt])
        succ.append(row)
    return [[names[i] for i in found] for found in indexed_components(succ, roots)]


def indexed_components(succ: Sequence[Sequence[int]], roots: int) -> list[list[int]]:
    """:func:`components` over nodes numbered 0..n-1, starting searches at 0..roots-1.

    Lists instead of dicts: the checker runs this on every case, thousands of scenes large.
    """
    count = len(succ)
    index = [-1] * count
    low = [0] * count
    on_stack = [False] * count
    stack: list[int] = []
    result: list[list[int]] = []
    counter = 0
    for root in range(roots):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        work = [(root, iter(succ[root]))]
        while work:
            node, nexts = work[-1]
            for nxt in nexts:
                if index[nxt] < 0:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack[nxt] = True
                    work.append((nxt, iter(succ[nxt])))
                    break
                if on_stack[nxt] and index[nxt] < low[node]:
                    low[node] = index[nxt]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[node] < low[parent]:
                        low[parent] = low[node]
                if low[node] == index[node]:
                    member = stack.pop()
                    on_stack[member] = False
                    component = [member]
                    while member != node:
                        member = stack.pop()
                        on_stack[member] = False
                        component.append(member)
                    if max(component) < roots:
                        component.sort()
                    else:  # nodes met only as successors keep the order they left the stack
                        component.sort(key=lambda i: min(i, roots))
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


# The best totals and the negated worst totals (per competence, then the total) in one tuple,
# so that one elementwise max combines both; and the position in the scene's edge list of the
# edge that gives the best total (-1 at an ending).
_Value = tuple[tuple[int, ...], int]
# Choice index or None, target (-1: none), and the scores as (scores, negated scores).
_Edge = tuple[int | None, int, tuple[int, ...]]


class _Solver:
    """Best and worst totals over simple paths, for every search state the start can need.

    A state is a scene plus the scenes visited in its strongly connected component: leaving
    a component never leads back into it, so only visits within the current one matter, as
    a bit mask over that component's scenes (at most 12 in a valid case). Components are
    solved sinks first (the order Tarjan gives), so a scene outside every loop is solved
    once from its successors' values: plain dynamic programming over the condensation DAG.
    Within a loop, states are searched with a memo. Scenes are numbered; lists, not dicts.
    """

    def __init__(self, case: Case) -> None:
        self.case = case
        self.ids = list(case.scenes)
        number = {sid: i for i, sid in enumerate(self.ids)}
        self.width = len(case.competences) + 1
        zero = (0,) * (2 * self.width)
        nothing = repeat(0)
        self.edges: list[list[_Edge]] = []
        succ: list[list[int]] = []
        for scene in case.scenes.values():
            out: list[_Edge] = []
            if scene.kind == "decision":
                for choice in scene.choices:
                    vector = list(map(choice.scores.get, case.competences, nothing))
                    vector.append(sum(vector))
                    bounds = (*vector, *map(neg, vector))
                    out.append((choice.index, number.get(choice.next, -1), bounds))
            elif scene.kind == "narrative" and scene.next is not None:
                out.append((None, number.get(scene.next, -1), zero))
            self.edges.append(out)
            succ.append([target for _, target, _ in out if target >= 0])
        self.component = [0] * len(self.ids)
        self.bit = [1] * len(self.ids)
        found = indexed_components(succ, len(self.ids))
        for position, members in enumerate(found):
            for place, node in enumerate(members):
                self.component[node] = position
                self.bit[node] = 1 << place
        # The value of entering a scene from outside its component (or at the start).
        self.entry: list[_Value | None] = [None] * len(self.ids)
        self.memo: dict[tuple[int, int], _Value | None] = {}  # states inside loops
        entered = {number.get(case.start, -1)}
        for node, targets in enumerate(succ):
            entered.update(t for t in targets if self.component[t] != self.component[node])
        for members in found:
            node = members[0]
            if len(members) == 1 and node not in succ[node]:
                self.entry[node] = self._combine(node, 1)
                continue
            for node in members:
                if node in entered:
                    self.entry[node] = self._search(node, self.bit[node])

    def value(self, node: int, mask: int) -> _Value | None:
        if mask == self.bit[node]:
            return self.entry[node]
        return self.memo[(node, mask)]

    def _search(self, node: int, mask: int) -> _Value | None:
        """The value of a state inside a loop, without recursion."""
        component, bit, memo = self.component, self.bit, self.memo
        todo = [(node, mask)]
        while todo:
            current = todo[-1]
            if current in memo:
                todo.pop()
                continue
            at, visited = current
            pending = [
                state
                for _, target, _ in self.edges[at]
                if target >= 0
                and component[target] == component[at]
                and not visited & bit[target]
                and (state := (target, visited | bit[target])) not in memo
            ]
            if pending:
                todo.extend(pending)
                continue
            todo.pop()
            memo[current] = self._combine(at, visited)
        return memo[(node, mask)]

    def _combine(self, node: int, mask: int) -> _Value | None:
        if self.case.scenes[self.ids[node]].kind == "ending":
            return ((0,) * (2 * self.width), -1)
        component, bit, here = self.component, self.bit, self.component[node]
        total = self.width - 1
        best: tuple[int, ...] | None = None
        best_step = -1
        for position, (_, target, vector) in enumerate(self.edges[node]):
            if target < 0:
                continue
            if component[target] != here:
                after = self.entry[target]
            elif mask & bit[target]:
                continue  # would visit a scene twice
            else:
                after = self.memo[(target, mask | bit[target])]
            if after is None:
                continue
            bounds = tuple(map(add, vector, after[0]))
            if best is None:
                best, best_step = bounds, position
                continue
            if bounds[total] > best[total]:
                best_step = position
            best = tuple(map(max, best, bounds))
        if best is None:
            return None
        return (best, best_step)

    def start(self) -> tuple[int, int, _Value]:
        """The start state and its value; ValueError when no ending can be reached."""
        node = self.ids.index(self.case.start) if self.case.start in self.case.scenes else -1
        value = self.entry[node] if node >= 0 else None
        if value is None:
            raise ValueError(f"case {self.case.id!r} has no path from start to an ending")
        return node, self.bit[node], value


def score_bounds(case: Case) -> dict[str, tuple[int, int]]:
    """(worst, best) per competence of ``case.competences`` and for ``"total"``.

    Each objective is bounded on its own: the path with the best ``relatie`` score need not
    be the one with the best total. Meant for valid cases: the work grows with 2**n for a
    loop of n scenes (about 0.4 s for a 12-scene loop where every scene leads to every
    other). Raises ValueError when no ending can be reached.
    """
    solver = _Solver(case)
    _, _, (bounds, _) = solver.start()
    keys = [*case.competences, TOTAL]
    return {key: (-bounds[solver.width + i], bounds[i]) for i, key in enumerate(keys)}


def best_path(case: Case) -> list[Step]:
    """The steps ``(scene id, choice index or None)`` of a simple path with the best total.

    The ending is the last step (with None). Ties go to the lowest choice index, so the
    answer is the same on every run.
    """
    solver = _Solver(case)
    node, mask, value = solver.start()
    steps: list[Step] = []
    while True:
        sid = solver.ids[node]
        if value[1] < 0:
            steps.append((sid, None))
            return steps
        index, target, _ = solver.edges[node][value[1]]
        steps.append((sid, index))
        if solver.component[target] != solver.component[node]:
            mask = 0
        node, mask = target, mask | solver.bit[target]
        found = solver.value(node, mask)
        if found is None:  # pragma: no cover - best_step always names a feasible edge
            raise AssertionError("inconsistent best path")
        value = found
