"""Following a session: a JSON state read with ETag/304, and Server-Sent Events.

Both read only `services.pulse`: one query, answered from the database, so any instance
behind the load balancer gives the same answer. A browser that was shown a page of the
session holds a signed grant in its cookie; with it, a poll is that one query and, when
nothing changed, a 304.

An event stream holds a worker thread while it is open. Streams therefore end after
LIVE_SSE_SECONDS (the browser reconnects by itself), and a process keeps at most
LIVE_SSE_MAX_STREAMS open at once: beyond that the answer is 503 and live.js polls the
JSON instead. So streams can never take every thread (docs/deploy-live.md).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import asdict

from flask import Response, current_app, jsonify, request

from learn.access import Access, access
from learn.extensions import db
from learn.live import bp
from learn.live.loading import may_follow, viewer_session
from learn.live.services import Pulse, pulse

_streams: dict[int, threading.BoundedSemaphore] = {}  # per app (tests build many apps)
_streams_lock = threading.Lock()
POLL_SECONDS = 0.5  # how often an open stream looks at the database


def _payload(state: Pulse) -> dict:
    data = asdict(state)
    data["expires_at"] = state.expires_at.isoformat()
    data["etag"] = state.etag
    return data


def _check_follower(session_id: int) -> None:
    """Browsers shown a page of the session hold a grant; others are checked (404 or login)."""
    if not may_follow(session_id):
        viewer_session(session_id)


@bp.route("/live/<int:session_id>/state")
@access(Access.LIVE_PARTICIPANT)
def state(session_id: int):
    _check_follower(session_id)
    current = pulse(session_id)
    if current is None:
        return jsonify(error="not found"), 404
    if current.etag in request.if_none_match:
        response = Response(status=304)
    else:
        response = jsonify(_payload(current))
    response.set_etag(current.etag)
    return response


def _semaphore() -> threading.BoundedSemaphore:
    with _streams_lock:
        key = id(current_app._get_current_object())
        if key not in _streams:
            _streams[key] = threading.BoundedSemaphore(current_app.config["LIVE_SSE_MAX_STREAMS"])
        return _streams[key]


@bp.route("/live/<int:session_id>/events")
@access(Access.LIVE_PARTICIPANT)
def events(session_id: int):
    _check_follower(session_id)
    slots = _semaphore()
    if not slots.acquire(blocking=False):
        return Response("busy\n", status=503, headers={"Retry-After": "5"}, mimetype="text/plain")
    app = current_app._get_current_object()
    seconds = app.config["LIVE_SSE_SECONDS"]
    last_seen = request.headers.get("Last-Event-ID", "")

    def stream():
        # Its own app context (not the request's): the stream outlives the view.
        nonlocal last_seen
        yield "retry: 1000\n\n"
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with app.app_context():
                current = pulse(session_id)
                db.session.remove()  # give the connection back between looks
            if current is None:
                return
            if current.etag != last_seen:
                last_seen = current.etag
                yield f"id: {current.etag}\ndata: {json.dumps(_payload(current))}\n\n"
            else:
                yield ": -\n\n"  # a comment keeps proxies from timing the stream out
            time.sleep(POLL_SECONDS)

    response = Response(
        stream(),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
    # The server closes every response, also when the client went away before reading it.
    response.call_on_close(slots.release)
    return response
