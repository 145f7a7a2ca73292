"""Moodle competency CSV (tool_lpimportcsv, 14 columns by position): export, import, refusals."""

import csv
import io
from pathlib import Path

import pytest

from frameworks.interchange import ImportErrors
from frameworks.interchange.moodle import COLUMNS, framework_import_moodle_csv, framework_to_moodle_csv
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel

from ..factories import make_framework

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "data" / "moodle_klantcontact.csv"


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def counts():
    return (
        Framework.objects.count(),
        Cluster.objects.count(),
        Competency.objects.count(),
        BehaviouralIndicator.objects.count(),
        ProficiencyLevel.objects.count(),
    )


class TestImportOfMoodleSample:
    def test_sample_file_becomes_a_concept_framework_with_clusters_competencies_and_indicators(self, org_a):
        framework = framework_import_moodle_csv(raw=SAMPLE.read_bytes(), organisation=org_a)
        assert framework.name == "Klantcontact Gemeente Voorbeeld"
        assert framework.description == "Competenties voor medewerkers klantcontact."
        assert framework.status == Framework.Status.CONCEPT and framework.organisation == org_a
        assert [level.name for level in framework.levels.all()] == ["Niet bekwaam", "Bekwaam"]
        assert [cluster.name for cluster in framework.clusters.all()] == ["Samenwerken en communiceren"]
        competencies = {c.name: c for c in framework.competencies.all()}
        assert set(competencies) == {
            "Klantgerichtheid",
            "Mondelinge communicatie",
            "Integriteit",
            "Digitale vaardigheid",
        }
        assert competencies["Klantgerichtheid"].cluster.name == "Samenwerken en communiceren"
        assert competencies["Integriteit"].cluster is None
        # HTML becomes plain text; a line break inside a paragraph is only a space.
        assert competencies["Klantgerichtheid"].definition == (
            "Onderzoekt wensen en behoeften van inwoners en handelt daarnaar."
        )
        assert competencies["Mondelinge communicatie"].definition.startswith("Brengt informatie helder over & checkt")
        assert [i.text for i in competencies["Klantgerichtheid"].indicators.order_by("order")] == [
            "Vraagt door om de vraag achter de vraag te achterhalen.",
            "Vat het antwoord van de inwoner samen.",
        ]
        assert competencies["Digitale vaardigheid"].indicators.count() == 0

    def test_nested_groups_become_clusters_and_a_levels_group_gives_indicator_levels(self, org_a):
        """The shape of Moodle's own example file: a "levels" branch, and groups inside groups."""
        header = ",".join(f'"{column}"' for column in COLUMNS)
        body = """
,VB,Voorbeeld,,2,"Basis,Gevorderd","[{""scaleid"":""1""}]",,,,,,1,
,levels,Niveaus,,2,,,,0,null,,1,,
levels,level-1,"Niveau 1","Startende medewerker",2,,,,0,null,,2,,
levels,level-2,"Niveau 2",,2,,,,0,null,,3,,
,competencies,Competenties,,2,,,,0,null,,4,,
competencies,resultaat,Resultaatgericht,,2,,,,0,null,,5,,
resultaat,plannen,Plannen,"Maakt een planning.",2,,,,0,null,,6,,
plannen,P-1,"Maakt een weekplanning.",,2,,,,0,null,level-1,7,,
plannen,P-2,"Stelt prioriteiten bij.",,2,,,,0,null,"level-2,P-1",8,,
"""
        framework = framework_import_moodle_csv(raw=(header + body).encode(), organisation=org_a)
        assert [(level.name, level.description) for level in framework.levels.all()] == [
            ("Niveau 1", "Startende medewerker"),
            ("Niveau 2", ""),
        ]
        (competency,) = framework.competencies.all()
        assert competency.name == "Plannen" and competency.cluster.name == "Competenties › Resultaatgericht"
        assert [(i.text, i.level.name) for i in competency.indicators.order_by("order")] == [
            ("Maakt een weekplanning.", "Niveau 1"),
            ("Stelt prioriteiten bij.", "Niveau 2"),
        ]


class TestExport:
    def test_export_has_fourteen_columns_a_framework_row_and_indicators_as_child_rows(self, users, org_a):
        framework = make_framework(org_a, name="Export, met komma", competencies=3, indicators=2)
        text = framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=framework.pk))
        table = rows(text)
        assert table[0] == COLUMNS
        assert all(len(row) == 14 for row in table)
        framework_row = table[1]
        assert framework_row[12] == "1" and framework_row[2] == "Export, met komma"
        assert framework_row[5] == "beginner,gevorderd,expert"
        competency_rows = [row for row in table[2:] if row[1].startswith("competentie-") and "-gi-" not in row[1]]
        # Clustered competencies come first, under their cluster row; then those without a cluster.
        assert [row[2] for row in competency_rows] == ["Competentie 1", "Competentie 0", "Competentie 2"]
        clustered = next(row for row in competency_rows if row[2] == "Competentie 1")
        assert clustered[0] == "cluster-1"
        indicator_rows = [row for row in table if "-gi-" in row[1]]
        assert len(indicator_rows) == 6
        assert all(row[0] in {r[1] for r in competency_rows} for row in indicator_rows)
        assert indicator_rows[1][10] == "niveau-2"  # the level, as Moodle's cross-reference
        ids = [row[1] for row in table[1:]]
        assert len(ids) == len(set(ids))

    def test_csv_round_trip_keeps_clusters_competencies_indicators_and_their_levels(self, users, org_a):
        original = make_framework(org_a, name="Heen en terug", competencies=4, indicators=3)
        text = framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=original.pk))
        copy = framework_import_moodle_csv(raw=text.encode(), organisation=org_a)

        def shape(framework):
            return sorted(
                (
                    c.name,
                    c.definition,
                    c.cluster.name if c.cluster else None,
                    [(i.text, i.level.name if i.level else None) for i in c.indicators.order_by("order", "pk")],
                )
                for c in framework.competencies.all()
            )

        assert shape(copy) == shape(original)
        assert [level.name for level in copy.levels.all()] == ["beginner", "gevorderd", "expert"]

    def test_an_empty_cluster_survives_the_csv_round_trip(self, users, org_a):
        original = make_framework(org_a, competencies=2)
        original.clusters.create(name="Nog leeg", order=5)
        text = framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=original.pk))
        copy = framework_import_moodle_csv(raw=text.encode(), organisation=org_a)
        assert [c.name for c in copy.clusters.all()] == ["Cluster", "Nog leeg"]

    @pytest.mark.parametrize("name_part", ["Divosa", "VTH", "PiCompany", "Rotterdam"])
    def test_seeded_library_exports_and_imports_again(self, seeded, users, org_a, name_part):
        """Competencies, clusters and generic indicators survive; profiles are not part of Moodle's format."""
        library = Framework.objects.get(organisation=None, name__icontains=name_part)
        text = framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=library.pk))
        copy = framework_import_moodle_csv(raw=text.encode(), organisation=org_a)

        def shape(framework):
            return sorted(
                (
                    c.name,
                    c.definition,
                    c.cluster.name if c.cluster else None,
                    [(i.text, i.level.name if i.level else None) for i in c.indicators.order_by("order", "pk")],
                )
                for c in framework.competencies.all()
            )

        assert shape(copy) == shape(library)
        assert copy.competencies.count() > 0


def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


class TestRefusedImports:
    def refused(self, raw: bytes, org) -> list[str]:
        before = counts()
        with pytest.raises(ImportErrors) as refused:
            framework_import_moodle_csv(raw=raw, organisation=org)
        assert counts() == before, "a refused import wrote something"
        return refused.value.messages

    def test_row_with_wrong_column_count_names_its_line(self, org_a):
        lines = sample_lines()
        lines[10] = "integriteit,INT-2,Te kort"
        messages = self.refused("\n".join(lines).encode(), org_a)
        assert messages == ["Regel 11: 3 kolommen gevonden, 14 verwacht."]

    def test_unknown_parent_names_line_and_parent(self, org_a):
        text = SAMPLE.read_text(encoding="utf-8").replace("integriteit,INT-1", "integrteit,INT-1")
        messages = self.refused(text.encode(), org_a)
        assert messages == ["Regel 11: de bovenliggende competentie “integrteit” (kolom 1) staat niet in het bestand."]

    def test_duplicate_id_number_names_both_lines(self, org_a):
        text = SAMPLE.read_text(encoding="utf-8").replace(",KG-2,", ",KG-1,")
        messages = self.refused(text.encode(), org_a)
        assert messages == ["Regel 7: het ID number “KG-1” komt al voor op regel 6."]

    def test_missing_framework_row_is_refused(self, org_a):
        lines = sample_lines()
        del lines[1]
        messages = self.refused("\n".join(lines).encode(), org_a)
        assert messages[0].startswith("Er is geen frameworkregel")

    def test_file_that_is_not_utf8_is_refused(self, org_a):
        text = SAMPLE.read_text(encoding="utf-8").replace("Integriteit,", "Integriteit café,")
        messages = self.refused(text.encode("latin-1"), org_a)
        assert messages[0].startswith("Regel 10, kolom 29: het bestand is geen UTF-8-tekst")

    def test_too_large_file_is_refused_before_it_is_read(self, org_a):
        raw = SAMPLE.read_bytes() + b"\n" * (2 * 1024 * 1024)
        messages = self.refused(raw, org_a)
        assert messages == [f"Het bestand is {-(-len(raw) // 1024)} kB; het maximum is 2048 kB (2 MB)."]

    def test_a_file_of_another_kind_is_refused_at_the_header(self, org_a):
        messages = self.refused(b"naam;email\nPiet;piet@example.org\n", org_a)
        assert messages[0].startswith("Regel 1: de kopregel heeft 2 kolommen")

    def test_a_loop_of_parents_is_refused(self, org_a):
        text = (
            SAMPLE.read_text(encoding="utf-8")
            .replace(",digitaal,", ",digitaal2,")
            .replace("\n,digitaal2,", "\ndigitaal3,digitaal2,")
            + 'digitaal2,digitaal3,"Lus",,1,,,,0,null,,10,,\n'
        )
        messages = self.refused(text.encode(), org_a)
        assert any("kring" in message for message in messages)

    def test_semicolon_separated_file_from_dutch_excel_is_read(self, org_a):
        table = rows(SAMPLE.read_text(encoding="utf-8"))
        out = io.StringIO()
        csv.writer(out, delimiter=";").writerows(table)
        framework = framework_import_moodle_csv(raw=out.getvalue().encode("utf-8-sig"), organisation=org_a)
        assert framework.competencies.count() == 4
