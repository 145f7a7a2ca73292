"""Moodle without loss: Moodle's own example file (tool_lpimportcsv) round-trips row for row.

ID numbers, the framework's scale and scale configuration, HTML descriptions (sanitised with nh3),
rules, cross-references and exported ids come back unchanged, so an export of an imported
framework updates that framework in Moodle instead of creating a second one. An edit replaces only
what was edited; a name longer than Moodle's 100 characters keeps its full text in Description.
"""

import csv
import io
from pathlib import Path

import nh3
import pytest

from frameworks.interchange.moodle import SHORTNAME_MAX, framework_import_moodle_csv, framework_to_moodle_csv
from frameworks.interchange.selectors import framework_for_export

from ..factories import make_framework

pytestmark = pytest.mark.django_db
OECD = Path(__file__).parent / "data" / "third_party" / "moodle-lpimportcsv-example.csv"


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def export(framework, users) -> str:
    return framework_to_moodle_csv(framework_for_export(user=users["hr"], pk=framework.pk))


def by_id(text: str) -> dict[str, list[str]]:
    return {row[1]: row for row in table(text)[1:]}


@pytest.fixture
def oecd(org_a):
    return framework_import_moodle_csv(raw=OECD.read_bytes(), organisation=org_a)


def test_the_oecd_example_imports_with_its_levels_clusters_and_full_indicator_texts(oecd):
    assert oecd.name == "OECD"
    assert [level.name for level in oecd.levels.all()] == [f"Level {n}" for n in range(1, 6)]
    assert [cluster.name for cluster in oecd.clusters.all()] == [
        "Competencies › Delivery-related",
        "Competencies › Interpersonal",
        "Competencies › Strategic",
    ]
    assert oecd.competencies.count() == 15
    planning = oecd.competencies.get(name="Managing Resources").indicators.order_by("order")[1]
    # Moodle cut the short name at 100 characters; the description has the whole sentence.
    assert planning.text.endswith("within the given deadlines.")
    assert planning.level.name == "Level 1"


def test_export_of_the_imported_example_gives_back_every_row_with_html_sanitised(oecd, users):
    original = table(OECD.read_text(encoding="utf-8"))
    exported = table(export(oecd, users))
    expected = [[*row[:3], nh3.clean(row[3]), *row[4:]] for row in original[1:]]
    assert sorted(exported[1:]) == sorted(expected)
    rows = by_id(export(oecd, users))
    framework_row = rows["OECD-CORE"]
    assert framework_row[12] == "1"
    assert framework_row[5] == "Not yet competent,Competent"  # the framework's own scale, not the levels
    assert framework_row[6] == '[{"scaleid":"2"},{"id":2,"scaledefault":1,"proficient":1}]'
    assert framework_row[13] == "competency,competency,competency,competency"
    assert rows["analytical-thinking"][3].startswith("<p>Analytical Thinking is the ability")
    assert rows["competencies"][0] == "" and rows["delivery"][0] == "competencies"  # the group of groups


def test_a_second_round_trip_changes_nothing(oecd, users, org_a):
    first = export(oecd, users)
    again = framework_import_moodle_csv(raw=first.encode(), organisation=org_a)
    assert export(again, users) == first


def test_an_edit_replaces_only_what_was_edited_and_keeps_the_id_numbers(oecd, users):
    competency = oecd.competencies.get(name="Negotiating")
    competency.definition = "Werkt naar een uitkomst waar beide partijen mee verder kunnen."
    competency.save()
    indicator = oecd.competencies.get(name="Influencing").indicators.order_by("order").first()
    indicator.level = oecd.levels.get(name="Level 3")
    indicator.save()
    rows = by_id(export(oecd, users))
    assert rows["negotiating"][2:5] == [
        "Negotiating",
        "Werkt naar een uitkomst waar beide partijen mee verder kunnen.",
        "2",
    ]
    assert rows["I-I-1"][10] == "level-3"
    assert rows["I-I-2"][10] == "level-1"
    assert rows["influencing"][3].startswith("<p>Influencing implies")  # untouched: HTML kept


def test_renamed_levels_of_a_scale_made_from_levels_give_a_new_scale(org_a, users):
    header = OECD.read_text(encoding="utf-8").splitlines()[0]
    body = ',VB,Voorbeeld,,2,"Basis,Gevorderd","[{""scaleid"":""7""}]",,,,,,1,\n,c1,Plannen,,2,,,,0,null,,1,,\n'
    framework = framework_import_moodle_csv(raw=f"{header}\n{body}".encode(), organisation=org_a)
    assert by_id(export(framework, users))["VB"][5:7] == ["Basis,Gevorderd", '[{"scaleid":"7"}]']
    level = framework.levels.get(name="Gevorderd")
    level.name = "Expert"
    level.save()
    assert by_id(export(framework, users))["VB"][5] == "Basis,Expert"


def test_hostile_html_is_sanitised_on_import(org_a, users):
    header = OECD.read_text(encoding="utf-8").splitlines()[0]
    body = (
        ',VB,Voorbeeld,,1,"A,B",,,,,,,1,\n'
        ',c1,Plannen,"<p onclick=""steal()"">Maakt een <b>planning</b>.<script>alert(1)</script></p>",1,,,,0,null,,1,,\n'
    )
    framework = framework_import_moodle_csv(raw=f"{header}\n{body}".encode(), organisation=org_a)
    competency = framework.competencies.get()
    assert competency.definition == "Maakt een planning."
    assert by_id(export(framework, users))["c1"][3] == "<p>Maakt een <b>planning</b>.</p>"


def test_a_name_longer_than_moodles_limit_keeps_its_full_text(org_a, users):
    framework = make_framework(org_a, competencies=1)
    competency = framework.competencies.get()
    competency.name = "Werkt samen met inwoners, ketenpartners en collega's " * 3
    competency.name = competency.name.strip()[:190]
    competency.definition = "Zoekt de ander op."
    competency.save()
    text = export(framework, users)
    row = next(row for row in table(text) if row[3].startswith(competency.name))
    assert len(row[2]) == SHORTNAME_MAX and competency.name.startswith(row[2])
    copy = framework_import_moodle_csv(raw=text.encode(), organisation=org_a)
    back = copy.competencies.get()
    assert (back.name, back.definition) == (competency.name, "Zoekt de ander op.")


def test_an_export_of_an_imported_framework_keeps_its_framework_id_number(oecd, users):
    oecd.name = "OECD (gemeente)"
    oecd.save()
    rows = table(export(oecd, users))
    assert rows[1][1] == "OECD-CORE" and rows[1][2] == "OECD (gemeente)"
    ids = [row[1] for row in rows[1:]]
    assert len(ids) == len(set(ids))


def test_the_next_version_of_an_imported_framework_keeps_its_moodle_id_numbers(oecd, users):
    from frameworks import services

    services.framework_publish(framework=oecd, user=users["hr"])
    draft = services.framework_new_version(framework=oecd, user=users["hr"])
    assert draft.version == oecd.version + 1
    assert set(by_id(export(draft, users))) == set(by_id(export(oecd, users)))
    assert table(export(draft, users))[1][1] == "OECD-CORE"
