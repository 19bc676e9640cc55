"""A small same-site crawler and HTML form reader for the page sweeps (stdlib only)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SKIP_PREFIXES = ("/static/", "/logout")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name -> default value
    text_fields: list[str] = field(default_factory=list)
    has_password: bool = False


class PageParser(HTMLParser):
    """Collects elements (with script text), links and forms."""

    def __init__(self, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.elements: list[Element] = []
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._open_script: Element | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        element = Element(tag, attributes)
        self.elements.append(element)
        if tag == "script":
            self._open_script = element
        if tag == "a" and "href" in attributes:
            self.links.append(urljoin(self.url, attributes["href"]))
        if tag == "form":
            self.forms.append(
                Form(
                    action=urljoin(self.url, attributes.get("action") or self.url),
                    method=(attributes.get("method") or "get").lower(),
                )
            )
        if not self.forms:
            return
        form = self.forms[-1]
        name = attributes.get("name")
        if tag == "input" and name:
            kind = attributes.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attributes:
                form.fields.setdefault(name, "")
                if kind == "radio":
                    form.fields[name] = form.fields[name] or attributes.get("value", "")
                return
            form.fields[name] = attributes.get("value", "")
            if kind in ("text", "email", "search", "url"):
                form.text_fields.append(name)
            if kind == "password":
                form.has_password = True
        elif tag == "textarea" and name:
            form.fields[name] = ""
            form.text_fields.append(name)
        elif tag == "select" and name:
            self._select = name
            form.fields[name] = ""
        elif (
            tag == "option"
            and self._select
            and (not form.fields[self._select] or "selected" in attributes)
        ):
            form.fields[self._select] = attributes.get("value", "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._open_script = None
        if tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._open_script is not None:
            self._open_script.text += data


def parse(url: str, html: str) -> PageParser:
    parser = PageParser(url)
    parser.feed(html)
    parser.close()
    return parser


def crawl(client, start: list[str], limit: int = 150) -> dict[str, tuple[object, PageParser]]:
    """GET every same-site page reachable from `start`; returns path -> (response, parsed)."""
    seen: dict[str, tuple[object, PageParser]] = {}
    queue = deque(start)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen or path.startswith(SKIP_PREFIXES):
            continue
        response = client.get(path)
        if response.mimetype != "text/html" or response.status_code != 200:
            seen[path] = (response, parse(path, ""))
            continue
        page = parse("http://localhost" + path, response.get_data(as_text=True))
        seen[path] = (response, page)
        for link in page.links:
            parts = urlsplit(link)
            if parts.netloc in ("", "localhost"):
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                if target not in seen:
                    queue.append(target)
    return seen
