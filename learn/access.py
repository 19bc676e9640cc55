"""Who may use a route. Every view declares it with `@access(...)`.

The declaration also enforces what can be checked without the object: logging
in, being a trainer, being an admin. Object rules (member of this group, owner
of this attempt) are checked in the view, which answers 404 to outsiders.
`tests/security/test_route_matrix.py` requests every route as every role and
fails for a route without a declaration or one that behaves otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from typing import TypeVar

from flask import abort
from flask_login import current_user, login_required

View = TypeVar("View", bound=Callable)


class Access(StrEnum):
    PUBLIC = "public"  # anyone, logged in or not
    USER = "user"  # any logged-in account
    TRAINER = "trainer"  # accounts that may create classes
    ADMIN = "admin"
    GROUP_MEMBER = "group-member"  # members of the class or team in the URL (others: 404)
    GROUP_LEADER = "group-leader"  # its trainer or begeleider (members: 403, others: 404)
    ATTEMPT_OWNER = "attempt-owner"  # the learner whose attempt it is (others: 404)
    ENTRY_OWNER = "entry-owner"  # the learner whose journal entry it is (others: 404)
    # Results of the class in the URL: its trainers only; everyone else, its students too, 404.
    CLASS_TRAINER = "class-trainer"
    # Importing a class list: the class's trainers, and admins for any class (others: 404).
    CLASS_IMPORT = "class-import"
    SET_EDITOR = "set-editor"  # a set's owner and the trainers it is shared with (others: 404)
    # Live sessions belong to a class or team: the same rules as GROUP_* for its group.
    LIVE_MEMBER = "live-member"  # members of the session's group (others: 404)
    LIVE_LEADER = "live-leader"  # its trainer or begeleider (members: 403, others: 404)
    # Members, or a guest holding this session's signed cookie; no login needed (the view
    # sends anonymous visitors without one to the login page, others get 404).
    LIVE_PARTICIPANT = "live-participant"


# Flask's own endpoints, declared here because they have no decorator of ours.
BUILTIN_ACCESS = {"static": Access.PUBLIC}


def access(policy: Access) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        if policy in (Access.PUBLIC, Access.LIVE_PARTICIPANT):
            wrapped = view
        elif policy in (Access.TRAINER, Access.ADMIN):
            flag = "is_trainer" if policy is Access.TRAINER else "is_admin"

            @wraps(view)
            def wrapped(*args, **kwargs):
                if not getattr(current_user, flag):
                    abort(403)
                return view(*args, **kwargs)

            wrapped = login_required(wrapped)
        else:
            wrapped = login_required(view)
        wrapped.kring_access = policy  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorate


def access_of(app, endpoint: str) -> Access | None:
    if endpoint in BUILTIN_ACCESS:
        return BUILTIN_ACCESS[endpoint]
    return getattr(app.view_functions[endpoint], "kring_access", None)
