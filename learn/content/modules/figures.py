"""Figures on module pages: SVG files in the module's ``figures/`` folder.

A page shows a figure with Markdown image syntax, ``![text alternative](figures/name.svg)``.
The checker makes sure the file exists, the text alternative is not empty and the SVG cannot
run anything or load anything from elsewhere; the loader keeps the checked bytes in the
Module, so the app serves only what was checked and never opens a path taken from a URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from learn.content.problems import Problem

FIGURES_DIR = "figures"
FIGURE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
# An image in the page Markdown: ![alt](target) or ![alt](target "title").
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
REFERENCE = re.compile(rf"{FIGURES_DIR}/(?P<name>{FIGURE_NAME.pattern})\.svg")
_SVG_NS = "http://www.w3.org/2000/svg"
_FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "embed", "object", "use"}
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)
_FORMAT_HINT = "write ![text alternative](figures/name.svg) with a name of a-z, 0-9 and hyphens"


def figure_name(target: str) -> str | None:
    """The figure's name for a page's image target ``figures/<name>.svg``, else None."""
    match = REFERENCE.fullmatch(target)
    return match.group("name") if match else None


def page_figures(
    folder: Path, path: Path, lines: list[str], first_line: int
) -> tuple[dict[str, bytes], list[Problem]]:
    """The checked figures a page shows, by name, and the problems with its images.

    ``lines`` is the page text below the front matter; ``first_line`` the file line of
    its first line, so every problem points at the image in the page.
    """
    figures: dict[str, bytes] = {}
    problems: list[Problem] = []
    for i, line in enumerate(lines):
        for match in IMAGE.finditer(line):
            where = (str(path), first_line + i, match.start() + 1)
            name = figure_name(match.group("target"))
            if name is None:
                problems.append(
                    Problem(
                        *where,
                        "error",
                        f"image {match.group('target')!r} is not a module figure",
                        f"a page shows SVG files from this module's {FIGURES_DIR}/ folder: "
                        + _FORMAT_HINT,
                    )
                )
                continue
            if not match.group("alt").strip():
                problems.append(
                    Problem(
                        *where,
                        "error",
                        f"figure {name!r} has an empty text alternative",
                        "write what the figure shows between the brackets, for readers who "
                        "cannot see it: ![Ecogram van Rob met ...](figures/ecogram.svg)",
                    )
                )
            svg_path = folder / FIGURES_DIR / f"{name}.svg"
            try:
                data = svg_path.read_bytes()
            except OSError:
                problems.append(
                    Problem(
                        *where,
                        "error",
                        f"figure file {FIGURES_DIR}/{name}.svg not found",
                        f"add the SVG file to {folder / FIGURES_DIR}, or correct the name",
                    )
                )
                continue
            unsafe = svg_problems(data, svg_path)
            problems.extend(unsafe)
            if not unsafe:
                figures[name] = data
    return figures, problems


def svg_problems(data: bytes, path: Path) -> list[Problem]:
    """Why this SVG is not safe to show (scripts, handlers, outside references), or []."""
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        line = getattr(exc, "position", (1, 0))[0]
        return [
            Problem(
                str(path),
                line,
                1,
                "error",
                f"the SVG cannot be read safely: {exc}",
                "save it as plain SVG without a DOCTYPE or entities",
            )
        ]
    found: list[Problem] = []

    def unsafe(message: str, hint: str) -> None:
        found.append(Problem(str(path), 1, 1, "error", f"the SVG is not safe: {message}", hint))

    if root.tag != f"{{{_SVG_NS}}}svg":
        unsafe(
            f"the root element is {root.tag!r}",
            f'the file starts with <svg xmlns="{_SVG_NS}" ...>',
        )
    if root.get("viewBox") is None:
        found.append(
            Problem(
                str(path),
                1,
                1,
                "warning",
                "the SVG has no viewBox, so it does not scale to a phone screen",
                'add viewBox="0 0 width height" to the <svg> element',
            )
        )
    for element in root.iter():
        _check_element(element, unsafe)
    return found


def _check_element(element: Element, unsafe: Callable[[str, str], None]) -> None:
    tag = _local(element.tag)
    if tag.lower() in _FORBIDDEN_ELEMENTS:
        unsafe(
            f"it has a <{tag}> element",
            "figures are pictures only: no scripts, embedded HTML or <use> references",
        )
    if tag == "style" and _URL_IN_CSS.search(element.text or ""):
        unsafe("its <style> loads something from elsewhere", "remove url(...) and @import")
    for name, value in element.attrib.items():
        attribute = _local(name)
        if attribute.lower().startswith("on"):
            unsafe(
                f"<{tag}> has an event handler {attribute!r}",
                "remove the attribute: figures do not run scripts",
            )
        elif attribute == "href" and not value.startswith("#"):
            unsafe(
                f"<{tag}> refers to {value!r} outside the file",
                "draw the figure in this file; links and images from elsewhere are not loaded",
            )
        elif _URL_IN_CSS.search(value):
            unsafe(
                f"<{tag}> attribute {attribute!r} refers to something outside the file",
                "only url(#id) references inside the file are allowed",
            )


def _local(name: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return name.rsplit("}", 1)[-1]
