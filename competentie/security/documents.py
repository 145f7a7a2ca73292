"""Drafts of the documents a municipality's privacy officer asks for, generated from what we keep in step.

- the processing-register entry (verwerkingsregister, AVG art. 30) and the DPIA pre-scan, from the
  data table "Wat we opslaan" in SECURITY.md (which tests/privacy/test_security_md.py keeps equal to
  the database) and the purposes of the Logboek Dataverwerkingen (competentie/audit/reads.py);
- the accessibility statement (toegankelijkheidsverklaring), from the JSON summaries the browser
  sweep writes (tests/e2e/test_every_page.py → test-artifacts/accessibility/sweep-*.json).

Every draft says it is a draft in our own wording: the organisation completes and adopts it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

OURS = (
    "> *Concept, automatisch gemaakt door Competentie. De tekst is onze eigen formulering, geen "
    "overgenomen brontekst; de organisatie vult aan, controleert en stelt vast.*"
)


@dataclass
class Store:
    what: str
    tables: list[str]
    period: str
    who: str


def data_table(text: str) -> list[Store]:
    """The rows of "Wat we opslaan" in SECURITY.md."""
    section = text.split("## Wat we opslaan", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in {"gegevens", ""} or set(cells[0]) <= {"-", ":"}:
            continue
        what, tables, period, who = cells
        rows.append(Store(what, re.findall(r"`([a-z0-9_]+)`", tables), period, who))
    return rows


def _security_md() -> str:
    return (Path(settings.BASE_DIR) / "SECURITY.md").read_text(encoding="utf-8")


def _purposes() -> list[str]:
    from competentie.audit.reads import PURPOSES

    return [f"- {text} (`{code}`)" for code, text in PURPOSES.items()]


def verwerkingsregister() -> str:
    stores = data_table(_security_md())
    lines = [
        "# Verwerkingsregister: Competentie (concept)",
        "",
        OURS,
        "",
        "- **Verwerkingsverantwoordelijke:** [naam van de organisatie, contactgegevens, FG]",
        "- **Doelen van de verwerking:**",
        *_purposes(),
        "- **Grondslag:** [in te vullen per doel, bijvoorbeeld uitvoering van de arbeidsovereenkomst of "
        "een taak van algemeen belang]",
        "- **Betrokkenen:** medewerkers, kandidaten, deelnemers aan ontwikkelprogramma's, collegiale toetsers",
        "- **Ontvangers:** alleen gebruikers van de eigen organisatie met een rol; geen derden",
        "- **Doorgifte buiten de EER:** geen (de applicatie laadt niets van buiten)",
        "- **Beveiliging:** zie SECURITY.md, \u201cHoe we het beschermen\u201d en \u201cLogboek Dataverwerkingen\u201d",
        "",
        "## Categorieën persoonsgegevens, bewaartermijn en wie ze ziet",
        "",
        "| gegevens | tabellen | bewaartermijn | wie ziet het |",
        "|---|---|---|---|",
    ]
    for store in stores:
        tables = ", ".join(f"`{table}`" for table in store.tables)
        lines.append(f"| {store.what} | {tables} | {store.period} | {store.who} |")
    return "\n".join(lines) + "\n"


DPIA_QUESTIONS = [
    "Worden mensen beoordeeld of geselecteerd op basis van de gegevens? Ja: selectie en zelfevaluatie.",
    "Gaat het om gegevens van kwetsbare betrokkenen (sollicitanten, medewerkers tegenover werkgever)? Ja.",
    "Worden bijzondere persoonsgegevens verwerkt? Alleen vrijwillige antwoorden over gelijke kansen, "
    "getoond als groepen van vijf of meer.",
    "Worden gegevens op grote schaal verwerkt? [in te vullen: aantal medewerkers en kandidaten per jaar]",
    "Is er geautomatiseerde besluitvorming? Nee: besluiten neemt HR, met een onderbouwing.",
    "Worden gegevens gecombineerd uit verschillende bronnen? Nee; selectie gebruikt nooit ontwikkelgegevens.",
]


def dpia() -> str:
    stores = data_table(_security_md())
    lines = [
        "# DPIA-voortoets: Competentie (concept)",
        "",
        OURS,
        "",
        "## Vragen van de voortoets",
        "",
        *[f"- {question}" for question in DPIA_QUESTIONS],
        "",
        "## Gegevens per verwerking",
        "",
        "| gegevens | bewaartermijn | wie ziet het | risico (in te vullen) | maatregel (in te vullen) |",
        "|---|---|---|---|---|",
    ]
    for store in stores:
        lines.append(f"| {store.what} | {store.period} | {store.who} | | |")
    lines += [
        "",
        "## Conclusie",
        "",
        "[In te vullen door de FG: is een volledige DPIA nodig?]",
    ]
    return "\n".join(lines) + "\n"


def sweep_results_dir() -> Path:
    return Path(settings.BASE_DIR) / "test-artifacts" / "accessibility"


class NoSweepResults(Exception):
    pass


def toegankelijkheid() -> str:
    files = sorted(sweep_results_dir().glob("sweep-*.json"))
    if not files:
        raise NoSweepResults(
            f"Geen resultaten van de toegankelijkheidstest in {sweep_results_dir()}. Draai eerst "
            "`pytest tests/e2e/test_every_page.py` (die schrijft daar een samenvatting)."
        )
    results = [json.loads(path.read_text(encoding="utf-8")) for path in files]
    routes = sum(result["routes"] for result in results)
    pages = sum(result["pages"] for result in results)
    violations = [problem for result in results for problem in result["axe_violations"]]
    dates = sorted(result["date"] for result in results)
    status = "voldoet volledig" if not violations else "voldoet gedeeltelijk"
    lines = [
        "# Toegankelijkheidsverklaring: Competentie (concept)",
        "",
        OURS,
        "",
        f"[Naam van de organisatie] streeft ernaar Competentie toegankelijk te maken volgens de "
        f"Web Content Accessibility Guidelines (WCAG) 2.1, niveau AA (EN 301 549). Status: **{status}**.",
        "",
        "## Hoe dit is onderzocht",
        "",
        f"- Automatische test met axe-core ({results[0]['standard']}) op {routes} pagina's "
        f"({pages} bezoeken in verschillende rollen), op {dates[-1]}.",
        "- Daarnaast bij elke pagina: geen horizontaal scrollen op 320 px (reflow), geldige HTML "
        "(Nu Html Checker) en bediening met het toetsenbord in de belangrijkste taken.",
        "- Een onderzoek door een deskundige met een handmatige evaluatie (WCAG-EM): [in te vullen].",
        "",
        "## Gevonden problemen",
        "",
    ]
    lines += [f"- {problem}" for problem in violations] or ["- De automatische test vond geen problemen."]
    lines += [
        "",
        "## Contact",
        "",
        "[Hoe meldt iemand een toegankelijkheidsprobleem, en binnen welke termijn reageert de organisatie?]",
    ]
    return "\n".join(lines) + "\n"


DRAFTS = {"verwerkingsregister": verwerkingsregister, "dpia": dpia, "toegankelijkheid": toegankelijkheid}
