"""What every piece of content has for its place in a list: a case in the library, a module on
the overview, a method when a team plans a session."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    id: str  # from the file or folder name: the address of its pages
    title: str
    summary: str
