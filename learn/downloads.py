"""Files a page hands over for download (journal, summaries, own data, CSV exports)."""

from __future__ import annotations

from flask import Response


def attachment(body: str | bytes, filename: str, mimetype: str) -> Response:
    """`body` as a download named `filename`; the browser saves it instead of showing it."""
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
