"""Two server processes on one database serve the same people (issue 17, item 6).

Nothing a request leaves behind lives in one process: sessions are database rows, files go to
MEDIA_ROOT, tasks wait in the database queue for whichever worker takes them, and the cache is
shared (Redis) or absent. This test starts two gunicorn servers and a `db_worker` on the test
database, as a production with two application servers runs, and walks one selecteur's journey that
alternates between the servers: a login on one holds on the other, a score saved through one shows
on the other, a PDF asked for on one is built by the worker and downloaded from the other, and a
logout on one ends the session on both.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from playwright.sync_api import expect

from frameworks.models import Profile

from ..factories import make_framework
from ..selectie.conftest import build_day
from .conftest import wait_all_saved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The test database this process uses, for the servers to share."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Processes:
    """The servers and the worker, each logging to a file; always stopped, also when the test fails."""

    def __init__(self, tmp_path: Path, env: dict):
        self.tmp_path, self.env, self.running = tmp_path, env, []

    def start(self, name: str, *args: str) -> subprocess.Popen:
        log = open(self.tmp_path / f"{name}.log", "wb")  # closed in stop()
        process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=self.env, stdout=log, stderr=log)
        self.running.append((name, process, log))
        return process

    def output(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text(errors="replace")[-3000:]

    def wait_until_serving(self, name: str, process: subprocess.Popen, url: str) -> None:
        """Until the server answers, however slowly a busy machine starts it; it fails only if it stops."""
        while True:
            if process.poll() is not None:
                pytest.fail(f"{name} stopped before it served a page:\n{self.output(name)}")
            try:
                with urllib.request.urlopen(url + "/inloggen/", timeout=10) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)

    def stop(self) -> None:
        for _name, process, _log in self.running:
            if process.poll() is None:
                process.terminate()
        for _name, process, log in self.running:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


@pytest.fixture
def two_servers(tmp_path):
    """Two gunicorn servers and one task worker with the same SECRET_KEY, database and MEDIA_ROOT."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="competentie.test_settings",  # same password hasher as the test's users
        DATABASE_URL=database_url(),
        SECRET_KEY="two-processes-share-this-secret-key-0123456789abcdefghijkl",
        MEDIA_ROOT=str(tmp_path / "media"),
        TASKS_IMMEDIATE="0",  # the database queue, worked off by the worker below
        BACKGROUND_PDF_INDICATORS="1",  # every framework PDF goes through the queue
        CONN_MAX_AGE="0",
    )
    processes = Processes(tmp_path, env)
    try:
        servers = {}
        for name in ("A", "B"):
            port = free_port()
            gunicorn = ["-m", "gunicorn", "competentie.wsgi", "--bind", f"127.0.0.1:{port}", "--threads", "4"]
            servers[name] = (processes.start(f"server-{name}", *gunicorn), f"http://127.0.0.1:{port}")
        worker = ["manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
        processes.start("worker", *worker)
        for name, (process, url) in servers.items():
            processes.wait_until_serving(f"server-{name}", process, url)
        yield {name: url for name, (_process, url) in servers.items()}, processes
    finally:
        processes.stop()


@pytest.fixture
def journey(users, org_a, seeded):
    profile = Profile.objects.get(name="Vergunningverlener", framework__name="VTH competentieprofielen")
    day = build_day(hr=users["hr"], organisation=org_a, profile=profile, assessors=[users["selecteur"]])
    assignment = day.procedure.assignments.filter(selecteur=users["selecteur"]).first()
    competency = assignment.exercise.competencies.order_by("order", "pk").first()
    draft = make_framework(org_a, name="Concept Aadorp")
    return {
        "scoring": f"/selectie/{day.procedure.pk}/beoordelen/{assignment.pk}/",
        "evidence": f"#evidence-{competency.pk}",
        "pdf": f"/frameworks/{draft.pk}/pdf/",
    }


def test_a_journey_alternating_between_two_server_processes(browser, two_servers, journey):
    (servers, processes) = two_servers
    a, b = servers["A"], servers["B"]
    # One browser; cookies belong to the host, not the port, so both servers get the same session.
    context = browser.new_context(locale="nl-NL", viewport={"width": 1024, "height": 768})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        # Logged in on A ...
        page.goto(a + "/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("selecteur")
        page.get_by_label("Wachtwoord").fill("wachtwoord-123")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

        # ... is logged in on B, where a score's evidence is saved (the autosave posts to B) ...
        page.goto(b + journey["scoring"], wait_until="load")
        page.locator(journey["evidence"]).fill("Vat samen en vraagt door (opgeslagen via B).")
        wait_all_saved(page)

        # ... and A shows it.
        page.goto(a + journey["scoring"], wait_until="load")
        expect(page.locator(journey["evidence"])).to_have_value("Vat samen en vraagt door (opgeslagen via B).")

        # A PDF asked for on A is queued; the worker builds it; B shows the progress and hands it out.
        page.goto(a + journey["pdf"])
        expect(page.get_by_role("heading", level=1)).to_contain_text("PDF van")
        progress = page.url.removeprefix(a)
        assert "/pdf/opbouw/" in progress, page.url
        page.goto(b + progress)
        expect(page.get_by_role("link", name="PDF downloaden")).to_be_visible(timeout=90_000)
        download = page.request.get(b + progress + "?download=1")
        assert download.status == 200 and download.headers["content-type"] == "application/pdf"
        assert download.body().startswith(b"%PDF")

        # Logged out on B: A no longer knows the session.
        page.get_by_role("button", name="Uitloggen").click()
        page.wait_for_url("**/inloggen/**")
        page.goto(a + journey["scoring"])
        expect(page.get_by_role("button", name="Inloggen")).to_be_visible()
        assert page.url.startswith(a + "/inloggen/")
    except Exception:
        for name in ("server-A", "server-B", "worker"):
            print(f"--- {name} ---\n{processes.output(name)}")
        raise
    finally:
        context.close()
