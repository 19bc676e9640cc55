"""Markdown to safe HTML, for content files and anything users write.

Markdown is rendered with the `markdown` library and then cleaned by nh3 (an
allow-list HTML sanitizer), so even a content file or a note with raw HTML in
it cannot put a script or an event handler on a page.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


_local = threading.local()
# Markdown renders an image alone on a line as a paragraph holding only the image.
_IMAGE_PARAGRAPH = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")


def _converter() -> markdown_lib.Markdown:
    """One Markdown instance per thread: building one costs more than converting a page."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(
            extensions=["sane_lists", "tables"], output_format="html"
        )
    return converter


def render_markdown(text: str | None) -> Markup:
    """Safe HTML for `text`; links get rel="noopener noreferrer"."""
    if not text:
        return Markup("")
    return _clean(_converter().reset().convert(text), ALLOWED_TAGS, ALLOWED_ATTRIBUTES)


def _clean(html: str, tags: set[str], attributes: dict[str, set[str]], attribute_filter=None):
    clean = nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        attribute_filter=attribute_filter,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Markup(clean)  # noqa: S704  (sanitised by nh3 just above)


@lru_cache(maxsize=4096)
def render_content_markdown(text: str | None) -> Markup:
    """`render_markdown` for content files, remembered: their text never changes at run time.

    Only for content: what users write is never kept in this cache.
    """
    return render_markdown(text)


@lru_cache(maxsize=1024)
def render_page_markdown(text: str, images: tuple[tuple[str, str], ...]) -> Markup:
    """`render_content_markdown` for a module page that may show figures.

    ``images`` maps each image target the page may use (``figures/x.svg``) to the URL it is
    served at. An image alone on a line becomes a ``<figure>``; an ``img`` keeps its ``src``
    only when the target is in ``images``, so no other picture can be loaded.
    """
    allowed = dict(images)

    def keep(element: str, attribute: str, value: str) -> str | None:
        if element == "img" and attribute == "src":
            return allowed.get(value)
        return value

    html = _IMAGE_PARAGRAPH.sub(r"<figure>\1</figure>", _converter().reset().convert(text))
    attributes = {**ALLOWED_ATTRIBUTES, "img": {"src", "alt"}}
    return _clean(html, ALLOWED_TAGS | {"figure", "img"}, attributes, keep)
