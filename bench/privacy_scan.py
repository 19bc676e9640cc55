"""How long does the privacy guard take on a long note? Measured once, not a test.

Builds a 2,000-word note from the generated test corpus (seeded) and times `scan` on it:
the first call (which loads the name list and phone metadata) and the best of 5 after it.

    .venv/bin/python bench/privacy_scan.py [--words 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from learn.intervision.privacy import scan  # noqa: E402
from tests.intervision.corpus import TEAM, generate  # noqa: E402


def long_note(words: int, seed: int) -> str:
    pieces: list[str] = []
    for note in generate(count=10 * words // 20 + 10, seed=seed):
        pieces.append(note.text)
        if sum(len(piece.split()) for piece in pieces) >= words:
            break
    return " ".join(" ".join(pieces).split()[:words])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    text = long_note(args.words, args.seed)
    started = time.perf_counter()
    findings = scan(text, TEAM)
    first = time.perf_counter() - started
    times = []
    for _ in range(5):
        started = time.perf_counter()
        scan(text, TEAM)
        times.append(time.perf_counter() - started)
    print(f"{len(text.split())} words, {len(text)} characters, {len(findings)} findings")
    print(f"first scan {first * 1000:.0f} ms, then best of 5 {min(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
