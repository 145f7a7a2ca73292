"""Load test for `make bench`: 30 users following the real journeys against gunicorn.

The manifest (written by `manage.py generate_municipality --manifest`) names the generated
objects and accounts; each simulated user logs in once and then browses, scores or reviews.
Every response carries X-Query-Count (BENCHMARK=1), collected per page into queries.json.
"""

import json
import os
import random
import re
from collections import defaultdict
from pathlib import Path

import requests
from locust import HttpUser, between, events, task

MANIFEST = json.loads(Path(os.environ["BENCH_MANIFEST"]).read_text())
RESULTS = Path(os.environ.get("BENCH_RESULTS", "bench/results"))
QUERY_COUNTS: dict[str, list[int]] = defaultdict(list)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.request.add_listener
def record_queries(request_type, name, response, exception, **kwargs):
    if response is not None and "X-Query-Count" in response.headers:
        QUERY_COUNTS[name].append(int(response.headers["X-Query-Count"]))


@events.test_stop.add_listener
def write_queries(**kwargs):
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "queries.json").write_text(json.dumps(QUERY_COUNTS))


class Member(HttpUser):
    abstract = True
    wait_time = between(0.5, 2)
    role = "hr"

    def choose_username(self) -> str:
        return random.choice(MANIFEST["users"][self.role])

    def on_start(self):
        """Log in outside the statistics: a login costs PBKDF2 on purpose and is not a page."""
        username = self.choose_username()
        with requests.Session() as session:
            page = session.get(f"{self.host}/inloggen/")
            token = CSRF.search(page.text).group(1)
            session.post(
                f"{self.host}/inloggen/",
                {"username": username, "password": MANIFEST["password"], "csrfmiddlewaretoken": token},
                headers={"Referer": f"{self.host}/inloggen/"},
            )
            self.client.cookies.update(session.cookies)
        self.username = username

    @task(2)
    def floor(self):
        self.client.get("/meting/vloer/", name="floor")


class Author(Member):
    """HR staff browsing frameworks, profiles and the dictionary, and exporting a profile."""

    weight = 2
    role = "hr"

    @task(3)
    def framework_list(self):
        self.client.get("/frameworks/", name="framework-list")

    @task(3)
    def framework_detail(self):
        self.client.get(f"/frameworks/{random.choice(MANIFEST['frameworks'])}/", name="framework-detail")

    @task(4)
    def profile_detail(self):
        self.client.get(f"/frameworks/profielen/{random.choice(MANIFEST['profiles'])}/", name="profile-detail")

    @task(2)
    def dictionary(self):
        self.client.get(
            "/frameworks/woordenboek/",
            params={"q": random.choice(["klant", "analyse", "integriteit"])},
            name="dictionary-search",
        )

    @task(1)
    def profile_pdf(self):
        url = MANIFEST.get("profile_pdf_url")
        if url:
            self.client.get(url.format(pk=random.choice(MANIFEST["profiles"])), name="profile-pdf")


class Selecteur(Member):
    """A selecteur on a selection day: opens an assigned candidate, ticks, writes and scores."""

    weight = 4
    role = "selecteur"

    def choose_username(self) -> str:
        return random.choice(list(MANIFEST["selectie"]["scoring"]))  # a selecteur with open work

    def on_start(self):
        super().on_start()
        self.work = MANIFEST["selectie"]["scoring"][self.username]

    @task(3)
    def scoring_screen(self):
        self.client.get(random.choice(self.work)["screen"], name="score-screen")

    @task(6)
    def score_save(self):
        item = random.choice(self.work)
        token = self.client.cookies.get("csrftoken", "")
        self.client.post(
            item["save"], random.choice(item["save_data"]), headers={"X-CSRFToken": token}, name="score-save"
        )

    @task(1)
    def my_procedures(self):
        self.client.get("/selectie/", name="procedure-list")


class Calibrator(Member):
    """HR during calibration: the score matrix and a candidate's feedback PDF."""

    weight = 1
    role = "hr"

    @task(4)
    def calibration_matrix(self):
        entry = random.choice(MANIFEST["selectie"]["calibration"])
        self.client.get(entry["url"], name="calibration-matrix")

    @task(1)
    def candidate_pdf(self):
        entry = random.choice(MANIFEST["selectie"]["candidate_pdf"])
        self.client.get(entry["url"], name="candidate-pdf")


class ManagementTeam(Member):
    """A management-team member following the self-evaluation."""

    weight = 2
    role = "mt"

    def choose_username(self) -> str:
        return random.choice(MANIFEST["zelfevaluatie"]["round"])["username"]

    def _mine(self, key):
        entries = [e for e in MANIFEST["zelfevaluatie"][key] if e["username"] == self.username]
        return random.choice(entries or MANIFEST["zelfevaluatie"][key])["url"]

    @task(3)
    def overview(self):
        self.client.get(self._mine("overview"), name="round-overview")

    @task(3)
    def round_detail(self):
        self.client.get(self._mine("round"), name="round-detail")

    @task(2)
    def team(self):
        self.client.get(self._mine("team"), name="round-team")
