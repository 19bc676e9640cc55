"""Every page each role can reach: strict headers, markup that needs no inline script or
style, and no user input rendered as markup (XSS payloads in every text field)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.security.crawler import crawl, parse
from tests.security.world import build_world, guest_client

START = [
    "/",
    "/cases",
    "/profile",
    "/account",
    "/join",
    "/admin/users",
    "/cases/oefen-triade",
    "/modules",
    "/journal",
    "/modules/mini-module/01-waarom",
    "/modules/mini-module/02-oefenen",
    "/live",
]
CRAWL_ROLES = ["anonymous", "student", "trainer", "begeleider", "admin", "guest"]
MARK = "kx55"
PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f'"><img src=x onerror=alert("{MARK}")>',
    f"<svg onload=alert('{MARK}')>",
    f"[klik](javascript:alert('{MARK}'))",
    f"{{{{7*7}}}}{MARK}",
]


def client_for(app, login, world, role):
    if role == "guest":
        return guest_client(app, world)
    return app.test_client() if role == "anonymous" else login(world.users[role])


def start_paths(world) -> list[str]:
    return [
        *START,
        f"/classes/{world.class_a.id}",
        f"/teams/{world.team_a.id}",
        f"/attempts/{world.attempt_id}",
        f"/live/{world.live_sessions['classes'].id}/vote",
        f"/live/{world.live_sessions['classes'].id}/screen",
        f"/live/{world.live_sessions['classes'].id}/summary",
    ]


def dangerous(page) -> list[str]:
    """Markup that would run script: inline scripts, event handlers, javascript: URLs."""
    found = []
    for element in page.elements:
        if element.tag == "script" and (element.text.strip() or "src" not in element.attrs):
            found.append(f"inline <script> {element.text[:40]!r}")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"<{element.tag} {name}=...>")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{element.tag} {name}={value[:30]}>")
            if name == "style":
                found.append(f"inline style on <{element.tag}>")
        if element.tag in ("img", "svg", "iframe") and MARK in str(element.attrs):
            found.append(f"injected <{element.tag}>")
    return found


@pytest.mark.parametrize("role", CRAWL_ROLES)
def test_every_reachable_page_has_strict_headers_and_csp_safe_markup(app, login, tmp_path, role):
    world = build_world(tmp_path)
    pages = crawl(client_for(app, login, world, role), start_paths(world))
    html_pages = {p: (r, page) for p, (r, page) in pages.items() if r.mimetype == "text/html"}
    assert len(html_pages) >= 3
    print(f"\n{role}: checked {len(html_pages)} pages: {sorted(html_pages)}")
    for path, (response, page) in html_pages.items():
        headers = response.headers
        assert "unsafe-inline" not in headers["Content-Security-Policy"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Referrer-Policy"] == "no-referrer", path
        assert dangerous(page) == [], path
        if response.status_code == 200:
            tags = [e.tag for e in page.elements]
            assert tags.count("h1") == 1, f"{path} needs exactly one <h1>"
            assert "main" in tags and any(
                e.attrs.get("lang") for e in page.elements if e.tag == "html"
            )


@pytest.mark.parametrize("role", ["student", "trainer", "begeleider", "admin"])
def test_xss_payloads_in_every_text_field_are_never_rendered_as_markup(app, login, tmp_path, role):
    world = build_world(tmp_path)
    client = client_for(app, login, world, role)
    pages = crawl(client, start_paths(world))
    submitted = 0
    for path, (_response, page) in pages.items():
        for form in page.forms:
            if form.method != "post" or not form.text_fields or form.has_password:
                continue
            for payload in PAYLOADS:
                data = dict(form.fields)
                for name in form.text_fields:
                    data[name] = payload
                response = client.post(urlsplit(form.action).path, data=data)
                assert response.status_code < 500, (path, form.action)
                submitted += 1
                if response.mimetype == "text/html":
                    echoed = parse(path, response.get_data(as_text=True))
                    assert dangerous(echoed) == [], (form.action, payload)
    assert submitted >= len(PAYLOADS)
    # Whatever was stored is now shown on the pages of every role.
    for viewer in CRAWL_ROLES:
        for path, (response, page) in crawl(
            client_for(app, login, world, viewer), start_paths(world)
        ).items():
            assert dangerous(page) == [], (viewer, path)
            if response.mimetype == "text/html":
                assert f"49{MARK}" not in response.get_data(as_text=True), path
