"""Identifiers (issue 29): given once, kept for ever, kept by an import, never shared by different content."""

import json

import pytest
from django.db import transaction

from frameworks.interchange.case import framework_to_case
from frameworks.interchange.case_import import framework_import_case
from frameworks.interchange.native import framework_to_dict
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import Framework
from frameworks.services.frameworks import framework_new_version, framework_publish

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def absolute(path: str) -> str:
    return f"https://competentie.example.nl{path}"


def package_of(framework, user) -> dict:
    return framework_to_case(framework_for_export(user=user, pk=framework.pk), absolute=absolute)


def identifiers(package: dict) -> set[str]:
    found = {package["CFDocument"]["identifier"]}
    found |= {item["identifier"] for item in package["CFItems"]}
    found |= {association["identifier"] for association in package["CFAssociations"]}
    return found


class Rollback(Exception):
    pass


def test_two_databases_filled_in_another_order_never_share_an_identifier_and_re_export_the_same(users, org_a):
    def fill(names):
        made = {name: make_framework(org_a, name=name) for name in names}
        exports = {name: package_of(framework, users["hr"]) for name, framework in made.items()}
        again = {name: package_of(framework, users["hr"]) for name, framework in made.items()}
        assert exports == again  # two exports of one version are identical
        return {name: identifiers(package) for name, package in exports.items()}

    first = {}
    try:
        with transaction.atomic():  # the first installation, then thrown away
            first = fill(["Aadorp", "Beekdal"])
            raise Rollback
    except Rollback:
        pass
    second = fill(["Beekdal", "Aadorp"])
    assert first["Aadorp"].isdisjoint(first["Beekdal"])
    assert second["Aadorp"].isdisjoint(second["Beekdal"])
    for name in ("Aadorp", "Beekdal"):
        assert first[name].isdisjoint(second[name]), name


def test_an_import_keeps_the_source_identifiers_and_a_second_import_gets_its_own(users, org_a):
    package = {}
    try:
        with transaction.atomic():  # another installation, then thrown away
            package = package_of(make_framework(org_a, name="Elders gemaakt"), users["hr"])
            raise Rollback
    except Rollback:
        pass
    raw = json.dumps(package).encode()

    kept = framework_import_case(raw=raw, organisation=org_a, user=users["hr"])
    assert str(kept.uuid) == package["CFDocument"]["identifier"]
    item_ids = {item["identifier"] for item in package["CFItems"] if item["CFItemType"] != "Gedragsindicator"}
    re_exported = package_of(kept, users["hr"])
    assert {item["identifier"] for item in re_exported["CFItems"]} == {i["identifier"] for i in package["CFItems"]}
    assert identifiers(re_exported) == identifiers(package)

    twice = framework_import_case(raw=raw, organisation=org_a, user=users["hr"])
    assert twice.uuid != kept.uuid
    assert item_ids.isdisjoint({item["identifier"] for item in package_of(twice, users["hr"])["CFItems"]})


def test_a_new_version_links_to_its_predecessor_and_has_identifiers_of_its_own(users, org_a):
    first = make_framework(org_a, name="Met versies")
    framework_publish(framework=first, user=users["hr"])
    second = framework_new_version(framework=first, user=users["hr"])
    old, new = package_of(first, users["hr"]), package_of(second, users["hr"])
    assert new["extensions"]["nl.competentie"]["predecessor"] == {"identifier": str(first.uuid), "version": "1"}
    assert old["extensions"]["nl.competentie"]["predecessor"] is None
    assert identifiers(old).isdisjoint(identifiers(new))
    native = framework_to_dict(framework_for_export(user=users["hr"], pk=second.pk))
    assert native["framework"]["uuid"] == str(second.uuid)
    assert native["framework"]["predecessor"] == str(first.uuid)


def test_the_seeded_libraries_carry_the_same_identifiers_on_every_installation(seeded):
    from frameworks.seed_fixtures import build_all

    rows = json.loads(build_all()["picompany.json"])
    framework_row = next(row for row in rows if row["model"] == "frameworks.framework")
    assert str(Framework.objects.get(pk=framework_row["pk"]).uuid) == framework_row["fields"]["uuid"]
