"""Real-browser tests: Kring served on 127.0.0.1 in a thread, driven by Playwright.

Playwright drives Debian's Chromium (/usr/bin/chromium, installed by .ci/run);
no browser is downloaded. Without Chromium these tests are skipped, unless
KRING_REQUIRE_BROWSER=1 (as in CI), where a missing browser is a failure.
The server always uses its own SQLite file with the demo accounts and the
shipped cases, whatever database the rest of the suite runs on.
"""

from __future__ import annotations

import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from learn import create_app
from learn.casesim.engine import strongest_choice
from learn.casesim.services import sync_cases
from learn.config import PROJECT_ROOT
from learn.demo import DEMO_PASSWORD, load_demo
from learn.extensions import db

CHROMIUM = os.environ.get("KRING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",  # this machine has no internet: no update checks
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(os.environ.get("KRING_SCREENSHOTS", PROJECT_ROOT / "out" / "screenshots"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        if os.environ.get("KRING_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


class LiveServer:
    def __init__(self, app, tmp: Path) -> None:
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("e2e")
    app = create_app(
        {
            "KRING_ENV": "testing",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'e2e.sqlite3'}",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade()
        load_demo()
        sync_cases(Path(app.config["CASES_DIR"]), Path(app.config["MODULES_DIR"]))
        db.session.remove()
    with LiveServer(app, tmp) as server:
        yield server


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def page(request, browser, live_server):
    context = browser.new_context(viewport=request.param, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    page.base_url = live_server.url
    page.viewport_name = "phone" if request.param is PHONE else "desktop"
    yield page
    context.close()
    assert errors == [], f"browser errors: {errors}"


def log_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(page.base_url + "/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(page.base_url + "/")


def register_new_learner(page) -> str:
    """A fresh account through the registration form, so a journey starts from a clean slate."""
    email = f"leerling-{uuid.uuid4().hex[:8]}@kring.test"
    page.goto(page.base_url + "/register")
    page.get_by_label("Naam").fill("Nieuwe Leerling")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Nieuw wachtwoord").fill("een lange zin als wachtwoord")
    page.get_by_label("Herhaal het wachtwoord").fill("een lange zin als wachtwoord")
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_url(page.base_url + "/")
    return email


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}-{page.viewport_name}.png", full_page=True)


STEP_DONE = """(before) => location.pathname.endsWith('/debrief')
  || (document.querySelector('#play input[name=step]')
      && document.querySelector('#play input[name=step]').value !== before)"""


def take_case_step(page, pick: str = "first", case=None) -> None:
    """One step in a case: choose (the `first` or `last` option shown, or with `case` the
    strongest option of the scene on screen) or go on, and wait until the next scene is in
    (htmx swaps it in place) or the debrief has loaded."""
    before = page.locator("#play input[name=step]").get_attribute("value")
    choices = page.locator("#play").get_by_role("radio")
    if choices.count() and case is not None:
        title = page.locator("#scene-heading").inner_text()
        scene = next(s for s in case.scenes.values() if s.title == title)
        index = strongest_choice(scene).index
        page.locator(f'#play input[name=choice][value="{index}"]').check()
        page.get_by_role("button", name="Kies").click()
    elif choices.count():
        getattr(choices, pick).check()
        page.get_by_role("button", name="Kies").click()
    else:
        page.get_by_role("button", name="Verder").click()
    page.wait_for_function(STEP_DONE, arg=before)
    page.wait_for_load_state()
