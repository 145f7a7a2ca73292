"""A subscription across two installations (issue 29, item 6): two server processes, two databases.

Installation A (Aadorp) shares a published framework; installation B (Beekdal) subscribes to it by
its CASE REST address, edits its own copy, and after A publishes version 2 (an indicator reworded,
a competency added, one removed) checks, sees the diff, adopts it, and keeps its own edit. Each
installation has its own database: A's is a copy of the test database taken before B exists in it,
so nothing B sees of A comes from anywhere but A's CASE endpoints over HTTP.
"""

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from frameworks import subscriptions as subs
from frameworks.models import Competency, Framework
from frameworks.services import framework_publish

from ..factories import make_framework
from .test_two_processes import ROOT, Processes, free_port

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Run inside installation A (its own database): version 2 with the three changes, published.
NEW_VERSION = textwrap.dedent(
    """
    import django; django.setup()
    from django.contrib.auth import get_user_model
    from frameworks.models import BehaviouralIndicator, Competency, Framework
    from frameworks.services import framework_new_version, framework_publish
    hr = get_user_model().objects.get(username="hr")
    v1 = Framework.objects.get(name="Vakmanschap Aadorp", version=1)
    v2 = framework_new_version(framework=v1, user=hr)
    indicator = BehaviouralIndicator.objects.get(
        competency__framework=v2, competency__name="Competentie 0", text="Toont gedrag 0"
    )
    indicator.text = "Vat het gesprek samen en vraagt door."
    indicator.save()
    Competency.objects.create(framework=v2, name="Samenwerken", definition="Werkt over grenzen heen.", order=9)
    Competency.objects.get(framework=v2, name="Competentie 2").delete()
    framework_publish(framework=v2, user=hr)
    """
)


def _copy_database(target: Path) -> None:
    source = sqlite3.connect(connection.settings_dict["NAME"])
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


@pytest.fixture
def installations(tmp_path, users, org_a, org_b):
    if connection.vendor != "sqlite":
        pytest.skip("two installations are two SQLite files here")
    framework = make_framework(org_a, name="Vakmanschap Aadorp", competencies=3, indicators=2, profiles=0)
    framework_publish(framework=framework, user=users["hr"])
    subs.framework_share(framework=framework, user=users["hr"], shared=True)
    a_database = tmp_path / "installation-a.sqlite3"
    _copy_database(a_database)
    # From here on the test database is installation B's: Aadorp's framework is not in it.
    Framework.objects.filter(organisation=org_a).delete()

    base_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER"}
    }
    base_env.update(DJANGO_SETTINGS_MODULE="competentie.test_settings", TASKS_IMMEDIATE="1", CONN_MAX_AGE="0")
    databases = {"A": f"sqlite:///{a_database}", "B": f"sqlite:///{Path(connection.settings_dict['NAME']).resolve()}"}
    started = []
    servers = {}
    try:
        for name in ("A", "B"):
            env = dict(
                base_env,
                DATABASE_URL=databases[name],
                SECRET_KEY=f"installation-{name}-has-its-own-secret-key-0123456789abcdef",
                MEDIA_ROOT=str(tmp_path / f"media-{name}"),
            )
            processes = Processes(tmp_path, env)
            started.append(processes)
            port = free_port()
            gunicorn = ["-m", "gunicorn", "competentie.wsgi", "--bind", f"127.0.0.1:{port}", "--threads", "4"]
            servers[name] = (processes, processes.start(f"server-{name}", *gunicorn), f"http://127.0.0.1:{port}")
        for name, (processes, process, url) in servers.items():
            processes.wait_until_serving(f"server-{name}", process, url)
        yield {name: url for name, (_p, _process, url) in servers.items()}, servers, databases
    finally:
        for processes in started:
            processes.stop()


def _log_in(page, base: str, username: str) -> None:
    page.goto(base + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("wachtwoord-123")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_installation_b_subscribes_to_a_by_case_address_and_adopts_a_new_version(browser, installations, org_b):
    urls, servers, databases = installations
    a, b = urls["A"], urls["B"]
    # Cookies belong to the host, not the port: one browser context per installation.
    context_a = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context_b = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page_a, page_b = context_a.new_page(), context_b.new_page()
    for page in (page_a, page_b):
        page.set_default_timeout(30_000)
    try:
        # A's HR finds the address to give to Beekdal.
        _log_in(page_a, a, "hr")
        page_a.goto(a + "/frameworks/abonnementen/")
        address = page_a.locator("code.case-adres").first.inner_text().strip()
        assert address.startswith(a + "/ims/case/v1p1/CFPackages/"), address

        # B subscribes by that address: a concept copy in Beekdal, version 1 adopted.
        _log_in(page_b, b, "hr_beekdal")
        page_b.goto(b + "/frameworks/abonnementen/")
        expect(page_b.get_by_text("U hebt nog geen abonnementen.")).to_be_visible()
        page_b.get_by_label("CASE-adres van het framework").fill(address)
        with page_b.expect_navigation(wait_until="load"):
            page_b.get_by_role("button", name="Abonneren op dit adres").click()
        expect(page_b.get_by_role("heading", level=1)).to_have_text("Abonnement op Vakmanschap Aadorp")
        expect(page_b.locator("#overgenomen-versie")).to_have_text("1")
        expect(page_b.locator("#herkomst-tabel")).to_contain_text("uit versie 1 van de bron")

        # B's own edit in its copy (its own database), which the next version does not touch.
        copy = Framework.objects.get(organisation=org_b, name="Vakmanschap Aadorp")
        Competency.objects.filter(framework=copy, name="Competentie 1").update(
            definition="Zo zeggen wij het in Beekdal.", revision=2
        )

        # Nothing new yet.
        page_b.get_by_role("button", name="Controleren op een nieuwe versie").click()
        expect(
            page_b.get_by_text("Er is geen nieuwe versie. U hebt de nieuwste versie al overgenomen.")
        ).to_be_visible()

        # A publishes version 2, in installation A's own process and database.
        result = subprocess.run(
            [sys.executable, "-c", NEW_VERSION],
            cwd=ROOT,
            env={**servers["A"][0].env, "DATABASE_URL": databases["A"]},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]

        # B checks and sees, per item, what changed.
        page_b.get_by_role("button", name="Controleren op een nieuwe versie").click()
        expect(page_b.get_by_text("Er is een nieuwe versie (versie 2)")).to_be_visible()
        diff = page_b.locator("#verschillen")
        expect(diff.locator("tr.verschil-added")).to_contain_text("Samenwerken")
        expect(diff.locator("tr.verschil-removed").filter(has_text="Competentie 2").first).to_be_visible()
        reworded = diff.locator("tr.verschil-reworded")
        expect(reworded).to_contain_text("Toont gedrag 0")
        expect(reworded.locator("del")).to_have_text("Toont gedrag 0")
        expect(reworded.locator("ins")).to_have_text("Vat het gesprek samen en vraagt door.")

        # B adopts, after confirming.
        page_b.get_by_label("Ik heb de wijzigingen bekeken en wil ze overnemen in mijn kopie.").check()
        with page_b.expect_navigation(wait_until="load"):
            page_b.get_by_role("button", name="Wijzigingen overnemen").click()
        expect(page_b.get_by_text("1 toegevoegd")).to_be_visible()
        expect(page_b.locator("#overgenomen-versie")).to_have_text("2")
        provenance = page_b.locator("#herkomst-tabel")
        expect(provenance.locator("tr", has_text="Samenwerken")).to_contain_text("uit versie 2 van de bron")
        expect(provenance.locator("tr", has_text="Vat het gesprek samen")).to_contain_text("uit versie 2 van de bron")
        expect(provenance.locator("tr", has_text="Competentie 1").first).to_contain_text("zelf gewijzigd")
        expect(provenance).not_to_contain_text("Competentie 2")

        # B's copy itself: the change is there, and B's own edit stays.
        page_b.goto(f"{b}/frameworks/{copy.pk}/")
        expect(page_b.get_by_text("Samenwerken").first).to_be_visible()
        expect(page_b.get_by_text("Competentie 2")).to_have_count(0)
        reworded_in_copy = Competency.objects.get(framework=copy, name="Competentie 0")
        page_b.goto(f"{b}/frameworks/competenties/{reworded_in_copy.pk}/")
        expect(page_b.get_by_text("Vat het gesprek samen en vraagt door.").first).to_be_visible()
        expect(page_b.get_by_text("Toont gedrag 0")).to_have_count(0)
        assert (
            Competency.objects.get(framework=copy, name="Competentie 1").definition == "Zo zeggen wij het in Beekdal."
        )
        assert not Competency.objects.filter(framework=copy, name="Competentie 2").exists()
    except Exception:
        for name, (processes, _process, _url) in servers.items():
            print(f"--- server-{name} ---\n{processes.output(f'server-{name}')}")
        raise
    finally:
        context_a.close()
        context_b.close()
