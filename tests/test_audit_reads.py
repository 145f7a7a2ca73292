"""Logboek Dataverwerkingen: every page that shows personal data writes one read line, with ids only."""

import pytest
from django.urls import resolve

from competentie.audit import reads
from competentie.audit.chain import chain_verify
from competentie.audit.models import AuditEvent
from ontwikkeling.models import Participant as DevelopmentParticipant
from zelfevaluatie.models import PeerReview

from .routes import READS_PERSONAL_DATA, READS_PERSONAL_DATA_ELSEWHERE, ROUTES, url_for

pytestmark = pytest.mark.django_db


def _reader(persona, users, world):
    if persona == "anonymous":
        return None
    if persona == "participant_user":
        return DevelopmentParticipant.objects.get(pk=world["development_participant"]).user
    if persona == "peer_reviewer":
        return PeerReview.objects.get(pk=world["peer_review"]).reviewer
    return users[persona]


def test_every_listed_route_exists_and_every_decorated_view_is_listed():
    names = dict(ROUTES)
    assert set(READS_PERSONAL_DATA) | set(READS_PERSONAL_DATA_ELSEWHERE) <= set(names)
    assert not set(READS_PERSONAL_DATA) & set(READS_PERSONAL_DATA_ELSEWHERE)
    decorated = {name for name, route in ROUTES if hasattr(resolve_view(name, route), "logs_read")}
    assert decorated == set(READS_PERSONAL_DATA) | set(READS_PERSONAL_DATA_ELSEWHERE)


def resolve_view(name, route):
    from django.urls import get_resolver

    for pattern_name, callback in _callbacks(get_resolver()):
        if pattern_name == name:
            return callback
    raise AssertionError(name)


def _callbacks(resolver, namespace=None):
    from django.urls import URLPattern, URLResolver

    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _callbacks(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern.callback


def test_each_page_with_personal_data_writes_exactly_one_read_line(client, world, users):
    routes = dict(ROUTES)
    for name, persona in READS_PERSONAL_DATA.items():
        reader = _reader(persona, users, world)
        if reader is None:
            client.logout()
        else:
            client.force_login(reader)
        url = url_for(name, routes[name], world)
        before = AuditEvent.objects.filter(action=reads.READ).count()
        response = client.get(url, HTTP_USER_AGENT="Testbrowser/1.0", REMOTE_ADDR="192.0.2.7")
        assert response.status_code == 200, (name, persona, url, response.status_code)
        lines = list(AuditEvent.objects.filter(action=reads.READ).order_by("-seq")[: 1 + 1])
        assert AuditEvent.objects.filter(action=reads.READ).count() == before + 1, name
        line = lines[0]
        expected = resolve(url).func.logs_read
        assert (line.purpose, line.result, line.actor) == (expected["purpose"], "ok", reader), name
        assert f"{line.content_type.app_label}.{line.content_type.model}" == expected["model"].lower(), name
        assert (line.ip_address, line.user_agent) == ("192.0.2.7", "Testbrowser/1.0"), name
        assert line.params == {"view": name}, name
    assert chain_verify().ok


def test_a_refused_read_is_logged_as_refused(client, world, users):
    client.force_login(users["selecteur"])
    url = url_for("selectie:candidate-detail", dict(ROUTES)["selectie:candidate-detail"], world)
    assert client.get(url).status_code == 403
    line = AuditEvent.objects.filter(action=reads.READ).latest("seq")
    assert (line.result, line.content_id, line.actor) == ("refused", world["candidate"], users["selecteur"])


def test_a_post_is_not_a_read(client, world, users):
    client.force_login(users["beheerder"])
    before = AuditEvent.objects.filter(action=reads.READ).count()
    client.post(url_for("member-invite", dict(ROUTES)["member-invite"], world), {})
    assert AuditEvent.objects.filter(action=reads.READ).count() == before


def test_an_unknown_purpose_is_refused_when_the_view_is_defined():
    with pytest.raises(ValueError, match="unknown purpose"):
        reads.logs_read("selectie.Candidate", purpose="curiosity")


def test_read_lines_stay_out_of_an_objects_history(client, world, users):
    from competentie import audit
    from selectie.models import Candidate

    client.force_login(users["hr"])
    url = url_for("selectie:candidate-detail", dict(ROUTES)["selectie:candidate-detail"], world)
    assert client.get(url).status_code == 200
    candidate = Candidate.objects.get(pk=world["candidate"])
    assert AuditEvent.objects.about(candidate).filter(action=reads.READ).exists()
    assert not [event for event in audit.history_for(candidate) if event.action == reads.READ]
