"""The app's own JSON format: a round trip gives an identical framework; a bad file writes nothing."""

import json

import pytest
from django.db import IntegrityError

from frameworks.interchange import ImportErrors
from frameworks.interchange.native import framework_to_json
from frameworks.interchange.native_import import framework_import_json
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import (
    BehaviouralIndicator,
    Competency,
    Dilemma,
    DilemmaPosition,
    Framework,
    Profile,
    RoleLevel,
)

from ..factories import make_framework

pytestmark = pytest.mark.django_db


def canonical(framework: Framework) -> dict:
    """Everything that makes up a framework, read straight from the ORM, without primary keys."""

    def indicators(queryset):
        return [(i.text, i.level.name if i.level else None, i.order) for i in queryset.order_by("order", "pk")]

    def profile(p: Profile) -> dict:
        return {
            "fields": (
                p.name,
                p.code,
                p.description,
                p.characteristic,
                p.role_level.name if p.role_level else None,
                p.order,
            ),
            "tasks": [(t.text, t.order) for t in p.tasks.order_by("order", "pk")],
            "areas": [(a.name, a.order) for a in p.expertise_areas.order_by("order", "pk")],
            "dilemmas": sorted((d.dilemma.name, d.position) for d in p.dilemma_positions.all()),
            "competencies": [
                (
                    pc.competency.name,
                    pc.required_level.name if pc.required_level else None,
                    pc.note,
                    pc.order,
                    indicators(pc.indicators),
                )
                for pc in p.profile_competencies.order_by("order", "pk")
            ],
            "children": [profile(child) for child in p.children.order_by("order", "pk")],
        }

    return {
        "framework": (
            framework.name,
            framework.description,
            framework.target_group,
            framework.source,
            framework.is_dictionary,
        ),
        "levels": [(x.name, x.description, x.order) for x in framework.levels.order_by("order", "pk")],
        "clusters": [(x.name, x.description, x.order) for x in framework.clusters.order_by("order", "pk")],
        "role_levels": [(x.name, x.description, x.order) for x in framework.role_levels.order_by("order", "pk")],
        "dilemmas": [(x.name, x.description, x.order) for x in framework.dilemmas.order_by("order", "pk")],
        "competencies": [
            (
                c.name,
                c.definition,
                c.kind,
                c.hard_to_learn,
                c.cluster.name if c.cluster else None,
                c.order,
                (c.derived_from.framework.name, c.derived_from.name) if c.derived_from else None,
                indicators(c.indicators),
            )
            for c in framework.competencies.order_by("order", "name", "pk")
        ],
        "profiles": [profile(p) for p in framework.profiles.filter(parent=None).order_by("order", "pk")],
    }


def export(framework: Framework, user) -> bytes:
    return framework_to_json(framework_for_export(user=user, pk=framework.pk)).encode()


def rich_framework(organisation) -> Framework:
    """The factory framework plus what it leaves out: role levels, dilemmas, positions, kinds, notes."""
    framework = make_framework(
        organisation,
        name="Rijk framework",
        competencies=5,
        profiles=2,
        indicators=4,
        description="Doel",
        target_group="Doelgroep",
        source="Bron",
    )
    role_level = RoleLevel.objects.create(framework=framework, name="Interactief", description="Samen", order=3)
    dilemma = Dilemma.objects.create(framework=framework, name="consolideren versus vernieuwen", order=1)
    Competency.objects.filter(framework=framework, order=1).update(kind="attitude", hard_to_learn=True)
    for profile in framework.profiles.all():
        profile.role_level = role_level
        profile.save()
        DilemmaPosition.objects.create(profile=profile, dilemma=dilemma, position=-1)
        profile.profile_competencies.update(note="Vooral in klantcontact.")
    return framework


class TestRoundTrip:
    def test_generated_framework_round_trips_to_an_identical_framework(self, users, org_a):
        original = rich_framework(org_a)
        copy = framework_import_json(raw=export(original, users["hr"]), organisation=org_a)
        assert copy.pk != original.pk
        assert canonical(copy) == canonical(original)
        assert copy.status == Framework.Status.CONCEPT
        assert copy.organisation == org_a

    @pytest.mark.parametrize("name_part", ["Divosa", "VTH", "PiCompany", "Rotterdam"])
    def test_seeded_library_round_trips_to_an_identical_framework(self, seeded, users, org_a, name_part):
        library = Framework.objects.get(organisation=None, name__icontains=name_part)
        copy = framework_import_json(raw=export(library, users["hr"]), organisation=org_a)
        assert canonical(copy) == canonical(library)
        assert copy.competencies.count() == library.competencies.count() > 0

    def test_round_trip_keeps_the_link_to_the_dictionary_entry(self, seeded, users, org_a):
        derived = Competency.objects.filter(framework__organisation=None, derived_from__isnull=False).first()
        if derived is None:
            pytest.skip("no seeded competency derives from the dictionary")
        copy = framework_import_json(raw=export(derived.framework, users["hr"]), organisation=org_a)
        assert copy.competencies.get(name=derived.name).derived_from == derived.derived_from

    def test_export_names_the_format_and_version(self, users, framework_a):
        document = json.loads(export(framework_a, users["hr"]))
        assert document["format"] == "competentie-framework"
        assert document["version"] == 1
        assert document["framework"]["name"] == "Framework Aadorp"
        assert "pk" not in json.dumps(document) and '"id"' not in json.dumps(document)


class TestRefusedImports:
    def counts(self):
        return (
            Framework.objects.count(),
            Competency.objects.count(),
            BehaviouralIndicator.objects.count(),
            Profile.objects.count(),
        )

    def refused(self, raw: bytes, org) -> list[str]:
        before = self.counts()
        with pytest.raises(ImportErrors) as refused:
            framework_import_json(raw=raw, organisation=org)
        assert self.counts() == before, "a refused import wrote something"
        return refused.value.messages

    def test_broken_json_names_line_and_column(self, org_a):
        messages = self.refused(b'{\n  "format": "competentie-framework",\n  "version": 1,\n  oeps\n}', org_a)
        assert messages[0].startswith("Regel 4, kolom 3:")

    def test_another_format_is_refused(self, org_a):
        messages = self.refused(json.dumps({"CFDocument": {}}).encode(), org_a)
        assert "competentie-framework" in messages[0]

    def test_unknown_version_is_refused(self, org_a):
        messages = self.refused(json.dumps({"format": "competentie-framework", "version": 7}).encode(), org_a)
        assert "Versie 7" in messages[0]

    def test_not_utf8_is_refused(self, org_a):
        messages = self.refused('{"format": "caf\u00e9"}'.encode("latin-1"), org_a)
        assert "UTF-8" in messages[0]

    def test_every_problem_is_named_and_nothing_is_written(self, users, org_a, framework_a):
        document = json.loads(export(framework_a, users["hr"]))
        document["competencies"][1]["name"] = ""
        document["competencies"][2]["indicators"][0]["level"] = "N99"
        document["profiles"][0]["children"][0]["competencies"][0]["competency"] = "K42"
        document["profiles"][0]["dilemma_positions"] = [{"dilemma": "D1", "position": 5}]
        messages = self.refused(json.dumps(document).encode(), org_a)
        text = "\n".join(messages)
        assert "competentie 2: “name” ontbreekt of is leeg." in text
        assert "gedragsindicator 1: “level” verwijst naar “N99”" in text
        assert "“K42”" in text
        assert "deelprofiel 1" in text
        assert len(messages) >= 4

    def test_a_value_too_long_for_the_database_is_named(self, users, org_a, framework_a):
        document = json.loads(export(framework_a, users["hr"]))
        document["profiles"][0]["code"] = "y" * 30
        messages = self.refused(json.dumps(document).encode(), org_a)
        assert messages == ["profiel 1 (“Profiel 0”): “code” is 30 tekens lang; het maximum is 20."]

    def test_a_failure_half_way_through_the_writes_rolls_everything_back(self, monkeypatch, users, org_a, framework_a):
        raw = export(framework_a, users["hr"])
        before = self.counts()

        def fail(*args, **kwargs):
            raise IntegrityError("schijf vol")

        # The indicators are written last: everything before them must be rolled back.
        monkeypatch.setattr(BehaviouralIndicator.objects, "bulk_create", fail)
        with pytest.raises(IntegrityError):
            framework_import_json(raw=raw, organisation=org_a)
        assert self.counts() == before
