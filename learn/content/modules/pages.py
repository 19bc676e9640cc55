"""Pages: Markdown files with front matter (title, sources, the exercises shown)."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from learn.content.files import file_problem, read_text
from learn.content.problems import Problem
from learn.content.schema import suggest
from learn.content.vocabulary import Vocabulary
from learn.content.yamlsource import load_yaml

from .figures import page_figures
from .model import MAX_PAGE_WORDS, PAGE_FIELDS, PAGE_REQUIRED, Page
from .rules import ModuleRules, PageUse

_FRONT_MATTER_HINT = (
    "start the file with a front matter block:\n"
    "          ---\n"
    "          title: ...\n"
    "          sources:\n"
    "            - Social Network First? (2024), §4.3\n"
    "          ---"
)
_HEADING = re.compile(r"(#{1,6})(?:[ \t]|$)")
_FENCE = re.compile(r"(```|~~~)")


class PageReading:
    """Reading a page file, for the module loader (its problems go to ``self.problems``)."""

    folder: Path
    vocabulary: Vocabulary | None
    problems: list[Problem]
    figures: dict[str, bytes]  # the checked figures of every page read, by name

    def _page(
        self, name: str, exercise_ids: Collection[str] | None
    ) -> tuple[Page | None, list[PageUse] | None]:
        """The page (None: has errors) and the exercises it shows (None: unknown)."""
        path = self.folder / name
        text, problems = read_text(path)
        self.problems.extend(problems)
        if text is None:
            return None, None
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            first = next((i for i, line in enumerate(lines) if line.strip()), None)
            if first is not None and lines[first].rstrip() == "---":
                self.problems.append(
                    file_problem(
                        path,
                        "the front matter must start on the first line",
                        "remove the empty lines above the first '---'",
                    )
                )
            else:
                self.problems.append(
                    file_problem(path, "the page has no front matter", _FRONT_MATTER_HINT)
                )
            return None, None
        close = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
        if close is None:
            self.problems.append(
                file_problem(
                    path,
                    "the front matter is not closed",
                    "put a line with only '---' below the last front matter field, above the "
                    "page text",
                )
            )
            return None, None
        # The opening '---' becomes an empty line, so YAML positions are the file's lines.
        front = "\n" + "\n".join(lines[1:close])
        doc, problems = load_yaml(front, str(path))
        for problem in problems:
            if problem.message == "the file is empty":
                problem = Problem(
                    str(path), 1, 1, "error", "the front matter is empty", _FRONT_MATTER_HINT
                )
            self.problems.append(problem)
        body = "\n".join(lines[close + 1 :]).strip()
        self._check_body(path, body, close + 2, lines[close + 1 :])
        figures, problems = page_figures(self.folder, path, lines[close + 1 :], close + 2)
        self.figures.update(figures)
        self.problems.extend(problems)
        if doc is None:
            return None, None
        rules = _PageRules(doc, str(path), self.vocabulary)
        page, uses = rules.parse(name, body, exercise_ids)
        self.problems.extend(rules.problems)
        return page, uses

    def _check_body(self, path: Path, body: str, first_line: int, lines: list[str]) -> None:
        if not body:
            self.problems.append(
                Problem(
                    str(path),
                    first_line - 1,
                    1,
                    "error",
                    "the page has no text below the front matter",
                    "write the page in Markdown below the closing '---'",
                )
            )
            return
        words = len(body.split())
        if words > MAX_PAGE_WORDS:
            self.problems.append(
                Problem(
                    str(path),
                    first_line,
                    1,
                    "warning",
                    f"the page has {words:,} words (more than {MAX_PAGE_WORDS:,})",
                    "a page fits on two phone screens (about 350-600 words): split it in two",
                )
            )
        fenced = False
        for i, line in enumerate(lines):
            if _FENCE.match(line.lstrip()):
                fenced = not fenced
                continue
            heading = None if fenced else _HEADING.match(line)
            if heading is None:
                continue
            level = len(heading.group(1))
            if level == 1 or level > 3:
                self.problems.append(
                    Problem(
                        str(path),
                        first_line + i,
                        1,
                        "warning",
                        f"a level-{level} heading ('{heading.group(1)}') in the page text",
                        "the page title is the '#': use '##' and '###' for headings in a page",
                    )
                )


class _PageRules(ModuleRules):
    def parse(
        self, name: str, body: str, exercise_ids: Collection[str] | None
    ) -> tuple[Page | None, list[PageUse] | None]:
        """The page (None: has errors) and the exercises it shows (None: unknown)."""
        root = self.fields(
            self.doc.value,
            (),
            what="the front matter",
            allowed=PAGE_FIELDS,
            required=PAGE_REQUIRED,
        )
        if root is None:
            return None, None
        title = self.text(root, "title", ())
        sources = self.sources(root, (), "the page")
        uses = self._exercises(root, name, exercise_ids)
        if self.has_errors or title is None or sources is None or uses is None or not body:
            return None, uses
        page_id = name[: -len(".md")]
        return Page(page_id, title, sources, tuple(u.exercise for u in uses), body), uses

    def _exercises(
        self, root: dict[Any, Any], name: str, exercise_ids: Collection[str] | None
    ) -> list[PageUse] | None:
        items = self.sequence(root, "exercises", (), required=False)
        if items is None:
            return None
        uses: list[PageUse] = []
        ok = True
        for at, eid in self.text_items(items, "exercises", "an exercise id"):
            if eid is None:
                ok = False
            elif any(u.exercise == eid for u in uses):
                self.error(at, f"exercise {eid!r} is listed twice", "remove one of them")
            elif exercise_ids is not None and eid not in exercise_ids:
                hint = (
                    suggest(eid, list(exercise_ids), "exercises in exercises.yaml")
                    if exercise_ids
                    else "there is no exercises.yaml (or it is empty): add the exercise there"
                )
                self.error(at, f"unknown exercise {eid!r}", hint)
            else:
                uses.append(PageUse(eid, name, self.path, *self.doc.where(at)))
        return uses if ok else None
