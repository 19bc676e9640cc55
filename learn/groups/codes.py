"""Join codes: short, easy to read aloud and type, hard to guess. Plain Python."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L: people read codes from a projector and type them on a phone.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 8  # 31**8 ≈ 8.5e11 codes; joining is also rate limited


def new_join_code(length: int = LENGTH) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalise_join_code(raw: str) -> str:
    """What the user typed, without spaces or hyphens, in capitals."""
    return "".join(ch for ch in raw.upper() if ch not in " -\t")


def format_join_code(code: str) -> str:
    """ABCD-EFGH: two halves are easier to read out."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"
