"""Small helpers shared by the trainer routes: item titles and whole-day deadlines."""

from __future__ import annotations

from datetime import date, datetime, time

from learn.casesim.services import playable_cases
from learn.lessons.catalog import all_modules
from learn.trainers.models import ItemKind


def item_titles() -> dict[tuple[str, str], str]:
    titles = {(ItemKind.CASE, c.slug): v.content.title for c, v in playable_cases()}
    titles.update({(ItemKind.MODULE, m.id): m.title for m in all_modules().values()})
    return titles


def end_of_day(day: date | None) -> datetime | None:
    """Dates are whole days: due on a day means due at its end."""
    return datetime.combine(day, time(23, 59, 59)) if day else None
