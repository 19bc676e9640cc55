"""Markdown to safe HTML, for content files and anything users write.

Markdown is rendered with the `markdown` library and then cleaned by nh3 (an
allow-list HTML sanitizer), so even a content file or a note with raw HTML in
it cannot put a script or an event handler on a page.
"""

from __future__ import annotations

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
    html = _converter().reset().convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
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
