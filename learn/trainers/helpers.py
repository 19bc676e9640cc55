"""Small helpers shared by the trainer routes: item titles."""

from __future__ import annotations

from learn.casesim.services import playable_cases
from learn.lessons.catalog import all_modules
from learn.trainers.models import ItemKind


def item_titles() -> dict[tuple[str, str], str]:
    titles = {(ItemKind.CASE, c.slug): v.content.title for c, v in playable_cases()}
    titles.update({(ItemKind.MODULE, m.id): m.title for m in all_modules().values()})
    return titles
