"""The app gunicorn serves in benchmarks: Kring as in production, plus a bare endpoint.

`/__hello` is the yardstick: the same server, workers and middleware, no work.
Rate limiting is off so that many simulated learners can log in from one address.
"""

from learn import create_app

app = create_app({"RATELIMIT_ENABLED": False})


@app.route("/__hello")
def hello() -> str:
    return "hello"
