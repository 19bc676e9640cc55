"""The order in which options are shown: shuffled, but stable for one attempt.

Authors may write options in any order, and the strong one must not give itself away
by its place on screen. The order is derived from a key (for example the attempt and the
scene), so a reload, the back button or resuming shows the same order without storing
it. What a learner chooses is always stored by the option's own index, never by its
position on screen.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def shuffled(items: Sequence[T], *key: object) -> list[T]:
    """`items` in an order fixed by `key`: the same key always gives the same order."""
    seed = hashlib.sha256("\x1f".join(map(str, key)).encode("utf-8")).digest()
    ordered = list(items)
    random.Random(seed).shuffle(ordered)  # noqa: S311  (an order to show, not a secret)
    return ordered
