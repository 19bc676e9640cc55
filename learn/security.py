"""Response headers and redirect checks that every page relies on."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, current_app, request, url_for
from flask_login import current_user

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Reset links carry a token in the path: never leak a URL to another site.
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def safe_next_url(target: str | None) -> str | None:
    """`target` if it is a path on this site, else None (no open redirects)."""
    if not target:
        return None
    target = target.strip()
    if "\\" in target or any(ord(ch) < 32 for ch in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def external_url(endpoint: str, **values) -> str:
    """An absolute link to hand to someone, on the configured `KRING_BASE_URL`.

    Never built from the request's Host header, which the sender controls. Without
    a base URL, development uses the request's host and production gives a path.
    """
    path = url_for(endpoint, **values)
    base = current_app.config["BASE_URL"].rstrip("/")
    if base:
        return base + path
    if current_app.config["KRING_ENV"] == "production":
        return path
    return request.host_url.rstrip("/") + path


def init_app(app: Flask) -> None:
    @app.after_request
    def _headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if app.config["HSTS"]:
            response.headers.setdefault(
                "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
            )
        # Pages of a logged-in user may hold notes about clients: keep them out of caches.
        # `is_anonymous`, not `is_authenticated`: it reads no column, so a user that a commit
        # has expired is not loaded again just for this.
        if request.endpoint != "static" and not current_user.is_anonymous:
            response.headers["Cache-Control"] = "no-store"
        return response
