"""The pages the benchmark measures, named from a generated municipality's manifest.

One list for every measurement (service times, EXPLAIN plans), so they always speak of the same
pages as the same users. A page is a GET unless it carries form data (the score autosave).
"""

import re
from dataclasses import dataclass

from django.urls import reverse

# A logged-in visitor's 404: the whole stack (session, user, middleware, the base template with
# its menu) around no work of its own. Every page is measured as a multiple of it.
FLOOR = "floor-404"
FLOOR_URL = "/meting/bestaat-niet/"
HTML_TARGET = 3.0
SAVE_TARGET = 2.0


@dataclass(frozen=True)
class Page:
    name: str
    username: str
    url: str
    data: dict | None = None
    target: float = HTML_TARGET


def pages(manifest: dict) -> list[Page]:
    selectie, rounds = manifest["selectie"], manifest["zelfevaluatie"]
    hr = manifest["users"]["hr"][0]
    selecteur, work = next((name, items) for name, items in selectie["scoring"].items() if items)
    calibration = selectie["calibration"][0]
    found = [
        Page(FLOOR, hr, FLOOR_URL),
        Page("home-selecteur", selecteur, "/"),
        Page("framework-list", hr, reverse("frameworks:framework-list")),
        Page("framework-detail", hr, reverse("frameworks:framework-detail", args=[manifest["frameworks"][0]])),
        Page("profile-detail", hr, reverse("frameworks:profile-detail", args=[manifest["profiles"][0]])),
        Page("dictionary-search", hr, reverse("frameworks:dictionary") + "?q=klant"),
        Page("procedure-list", selecteur, reverse("selectie:procedure-list")),
        Page("score-screen", selecteur, work[0]["screen"]),
        Page("score-save", selecteur, work[0]["save"], data=_evidence_body(work[0]["save_data"]), target=SAVE_TARGET),
        Page("calibration-matrix", calibration["username"], calibration["url"]),
    ]
    procedure_id = int(re.search(r"/(\d+)/", calibration["url"]).group(1))
    candidate_id = _candidate_with_revisions(procedure_id)
    for name, route in (
        ("calibration-candidate", "selectie:calibration-candidate"),
        ("candidate-detail", "selectie:candidate-detail"),
    ):
        found.append(Page(name, calibration["username"], reverse(route, args=[procedure_id, candidate_id])))
    for key in ("overview", "round", "team"):
        entry = rounds[key][0]
        found.append(Page(f"round-{key}", entry["username"], entry["url"]))
    # Issue 26: the team overview of 50 employees × 12 competencies, and the team overview per VTH role.
    employees = manifest["medewerkers"]
    found.append(Page("team-overview", employees["team"][0]["username"], employees["team"][0]["url"]))
    found.append(Page("role-overview", employees["roles"][0]["username"], employees["roles"][0]["url"]))
    return found


def _evidence_body(bodies: list[dict]) -> dict:
    """The autosave a selecteur sends most: evidence typed under a competency."""
    return next((body for body in bodies if body["field"].startswith("evidence-")), bodies[0])


def _candidate_with_revisions(procedure_id: int) -> int:
    from competentie.audit.models import AuditEvent
    from selectie.models import Candidate

    revised = AuditEvent.objects.filter(action="score.revised", within_type__model="candidate")
    candidate = (
        Candidate.objects.filter(procedure_id=procedure_id, pk__in=revised.values("within_id")).first()
        or Candidate.objects.filter(procedure_id=procedure_id).first()
    )
    return candidate.pk
