"""The app gunicorn serves in benchmarks: Kring as in production, plus two yardsticks.

- `/__hello`: the same server, workers and middleware, no work at all.
- `/__floor`: the least any page step on this stack can do. POST (CSRF-checked, as real
  forms are): Flask-Login loads the user, one indexed SELECT, one INSERT and commit, a
  redirect; GET: the user again and the base layout rendered around one paragraph.
  A play step is measured against this floor, not against hello.

Rate limiting is off so that many simulated learners can log in from one address.
"""

from flask import redirect, render_template_string
from flask_login import current_user, login_required
from sqlalchemy import Column, Integer, MetaData, Table, insert, select
from sqlalchemy.exc import DatabaseError

from learn import create_app
from learn.extensions import db

app = create_app({"RATELIMIT_ENABLED": False})

# A bench-only table, outside the app's models and migrations.
bench_metadata = MetaData()
floor_rows = Table(
    "bench_floor_rows",
    bench_metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, index=True),
    Column("number", Integer, nullable=False),
)
with app.app_context():
    try:
        bench_metadata.create_all(db.engine)
    except DatabaseError:  # the other worker created it at the same moment
        db.session.rollback()

FLOOR_PAGE = """{% extends "base.html" %}{% block title %}Floor{% endblock %}
{% block content %}<p>Stap {{ number }}.</p>
<form method="post"><input type="hidden" name="csrf_token" value="{{ csrf_token() }}">
<button type="submit">Verder</button></form>{% endblock %}"""


@app.route("/__hello")
def hello() -> str:
    return "hello"


@app.post("/__floor")
@login_required
def floor_step():
    last = db.session.scalar(
        select(floor_rows.c.number)
        .where(floor_rows.c.user_id == current_user.id)
        .order_by(floor_rows.c.id.desc())
        .limit(1)
    )
    db.session.execute(insert(floor_rows).values(user_id=current_user.id, number=(last or 0) + 1))
    db.session.commit()
    return redirect("/__floor")


@app.get("/__floor")
@login_required
def floor_page() -> str:
    return render_template_string(FLOOR_PAGE, number=current_user.id)
