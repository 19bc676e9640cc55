"""Names people give themselves and their groups, made safe to show beside others."""

from __future__ import annotations

import unicodedata


def clean_name(value: str | None) -> str | None:
    """Drop invisible format characters and tidy the spaces.

    Bidirectional overrides and isolates can make a name read as someone else's
    ("\u202eNoor" shows reversed text after it); zero-width characters make two
    names that look the same differ. All are Unicode category Cf and never part
    of a real name. Control characters and any kind of space become one space.
    """
    if value is None:
        return None
    kept = []
    for ch in value:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        kept.append(" " if category in ("Cc", "Zs", "Zl", "Zp") else ch)
    return " ".join("".join(kept).split())
