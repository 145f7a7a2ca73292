from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.module_loading import import_string

from competentie.organisations import selectors as organisations
from competentie.organisations.access import Role, roles_by_organisation
from frameworks import work as frameworks_work
from selectie.selectors import work as selectie_work
from zelfevaluatie import work as zelfevaluatie_work


def home(request):
    """ "Mijn werk": per role what waits for this user; every part is a selector of its app.

    The project's home page is the one place that reads from every app (the URLconf does too).
    """
    user = request.user
    today = timezone.localdate()
    roles = set(roles_by_organisation(user).values())
    work = {
        "roles": roles,
        "scoring": selectie_work.scoring_work(user=user) if roles else [],
        "review_requests": list(frameworks_work.review_requests(user=user)) if roles else [],
        "ratings": zelfevaluatie_work.my_ratings(user=user) if roles else [],
        "peer_invitations": zelfevaluatie_work.peer_invitations(user=user),
    }
    # Apps that competentie must not import add their parts through HOME_WORK (like DEMO_BUILDERS).
    for path in settings.HOME_WORK:
        work |= import_string(path)(user=user, roles=roles, today=today)
    if Role.HR in roles:
        work["drafts"] = list(frameworks_work.drafts_of_author(user=user))
        work["hr_procedures"] = selectie_work.procedures_waiting_for_hr(user=user)
    if Role.MANAGEMENT in roles:
        work["rounds"] = zelfevaluatie_work.rounds_to_lead(user=user)
    if Role.BEHEERDER in roles:
        work["organisations"] = list(organisations.administered_organisations_counted(user=user))
    return render(request, "home.html", {"work": work, "Role": Role, "today": today})


def floor(request):
    """The benchmark's floor: same middleware and session as every page, and one query of its own."""
    return HttpResponse(f"<!DOCTYPE html><title>vloer</title><p>{organisations.organisation_count()}</p>")
