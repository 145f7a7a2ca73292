"""The seeded libraries are the sources, word for word: every text, every count."""

import json
import re

import pytest

from frameworks.models import (
    BehaviouralIndicator,
    Competency,
    Dilemma,
    ExpertiseArea,
    Framework,
    GuidingQuestion,
    GuidingQuestionSet,
    Profile,
    ProfileCompetency,
    ProfileTask,
    RatingScale,
    RoleLevel,
)
from frameworks.seed_fixtures import FIXTURE_DIR, SOURCE_DIR, SOURCE_ORDER, build_all

from ..seedtext import SEED_FILES, SEEDS_DIR, occurs_in_seed

pytestmark = pytest.mark.django_db

# Our own labels for things the sources do not name; every other text must be verbatim.
OWN_LABEL_FIELDS = {
    "frameworks.framework": {"name", "source"},
    "frameworks.ratingscale": {"name"},
    "frameworks.guidingquestionset": {"name"},
}
TEXT_FIELDS = {
    "name",
    "definition",
    "description",
    "text",
    "help_text",
    "note",
    "characteristic",
    "label",
    "label_en",
    "section",
    "target_group",
}


def fixture_rows(name):
    return json.loads((FIXTURE_DIR / f"{name}.json").read_text(encoding="utf-8"))


def seed_of(name):
    return json.loads((SOURCE_DIR / f"{name}.json").read_text(encoding="utf-8"))["seed"]


def test_fixtures_are_built_from_the_current_sources():
    for filename, text in build_all().items():
        assert (FIXTURE_DIR / filename).read_text(encoding="utf-8") == text, f"run `make fixtures`: {filename}"


@pytest.mark.parametrize("name", SOURCE_ORDER)
def test_every_text_stands_verbatim_in_its_seed(name):
    seed = seed_of(name)
    assert seed in SEED_FILES
    missing = []
    for row in fixture_rows(name):
        exempt = OWN_LABEL_FIELDS.get(row["model"], set())
        for field, value in row["fields"].items():
            if field in TEXT_FIELDS and field not in exempt and isinstance(value, str) and value:
                if not occurs_in_seed(value, seed):
                    missing.append(f"{row['model']}#{row['pk']}.{field}: {value[:90]}")
    assert not missing, "\n".join(missing)


def seed_text(key):
    return (SEEDS_DIR / SEED_FILES[key]).read_text(encoding="utf-8")


def section(text, start, end):
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


DIVOSA = "Divosa competentieprofielen WIZ (Werk, Inkomen, Zorg, Management)"


def library(name):
    return Framework.objects.get(organisation__isnull=True, name=name)


class TestPiCompany:
    def test_every_dictionary_entry_of_appendix_d_is_loaded_in_its_cluster(self, seeded):
        appendix = seed_text("divosa")[seed_text("divosa").index("## D Bijlage Competentiewoordenboek") :]
        entries = re.findall(r"^<b>(?:<i>)?([^<]+?)(?:</i>)?</b>\t(\S.*)$", appendix, re.M)
        framework = library("PiCompany competentiewoordenboek")
        assert framework.is_dictionary
        loaded = {c.name: c for c in framework.competencies.select_related("cluster")}
        assert len(entries) == len(loaded) == 43
        for name, definition in entries:
            assert loaded[name].definition == definition.strip()
        clusters = list(framework.clusters.values_list("name", flat=True))
        assert clusters == [
            "Management en leidinggeven",
            "Ondernemen",
            "Analyse en besluitvorming",
            "Communicatie",
            "Persoonlijk gedrag",
            "Motivatie",
        ]
        per_cluster = [framework.competencies.filter(cluster__name=name).count() for name in clusters]
        assert per_cluster == [6, 4, 9, 10, 5, 9]
        assert loaded["Integriteit"].cluster.name == "Motivatie"

    def test_the_hard_to_learn_competencies_of_paragraph_4_3_are_marked(self, seeded):
        framework = library("PiCompany competentiewoordenboek")
        marked = set(framework.competencies.filter(hard_to_learn=True).values_list("name", flat=True))
        # The dictionary spells "Bestuivaardigheid" where paragraph 4.3 says "Besluitvaardigheid"; spelling kept.
        assert marked == {
            "Visie",
            "Creativiteit",
            "Ondernemerschap",
            "Bestuivaardigheid",
            "Initiatief",
            "Oordeelsvorming",
            "Integriteit",
            "Vasthoudendheid",
        }


class TestVTH:
    PROFILES = {
        # name: (expertise areas, {competency: bullets})
        "Casemanager": (
            1,
            {
                "Omgevingsbewust": 1,
                "Verbinden": 3,
                "Bestuurlijke sensitiviteit": 3,
                "Integraal (samen)werken": 2,
                "Verantwoordelijkheid": 3,
            },
        ),
        "Vergunningverlener": (
            2,
            {
                "Omgevingsbewust": 3,
                "Verbinden": 2,
                "Integraal (samen)werken": 3,
                "Verantwoordelijkheid": 2,
                "Oordeelsvorming": 4,
            },
        ),
        "Toezichthouder en handhaver": (
            4,
            {
                "Omgevingsbewust": 3,
                "Verbinden": 2,
                "Integraal (samen)werken": 3,
                "Verantwoordelijkheid": 1,
                "Assertiviteit": 2,
            },
        ),
        "Juridisch adviseur": (
            1,
            {
                "Omgevingsbewust": 2,
                "Verbinden": 3,
                "Bestuurlijke sensitiviteit": 2,
                "Integraal (samen)werken": 2,
                "Verantwoordelijkheid": 2,
            },
        ),
        "Specialistisch adviseur": (
            1,
            {
                "Omgevingsbewust": 1,
                "Verbinden": 3,
                "Bestuurlijke sensitiviteit": 2,
                "Integraal (samen)werken": 3,
                "Verantwoordelijkheid": 2,
            },
        ),
    }

    def test_five_role_profiles_with_every_expertise_area_competency_and_bullet(self, seeded):
        framework = library("VTH competentieprofielen")
        profiles = framework.profiles.prefetch_related(
            "expertise_areas", "profile_competencies__competency", "profile_competencies__indicators"
        )
        assert [p.name for p in profiles] == list(self.PROFILES)
        for profile in profiles:
            areas, competencies = self.PROFILES[profile.name]
            assert profile.expertise_areas.count() == areas
            assert profile.description
            assert profile.role_level is None  # a picture in the original: left unset
            assert {
                pc.competency.name: pc.indicators.count() for pc in profile.profile_competencies.all()
            } == competencies

    def test_bullet_count_matches_the_source(self, seeded):
        text = seed_text("vth")
        profiles_part = section(text, "\nDeskundigheidsgebieden\n\n- Casemanagen", "Stappenplan “inzicht")
        bullets_in_source = len(re.findall(r"^- ", profiles_part, re.M))
        framework = library("VTH competentieprofielen")
        loaded = (
            BehaviouralIndicator.objects.filter(profile_competency__profile__framework=framework).count()
            + ExpertiseArea.objects.filter(profile__framework=framework).count()
        )
        assert loaded == bullets_in_source == 68

    def test_sample_texts_are_exact(self, seeded):
        profile = Profile.objects.get(framework__name="VTH competentieprofielen", name="Juridisch adviseur")
        bullets = list(
            BehaviouralIndicator.objects.filter(
                profile_competency__profile=profile, profile_competency__competency__name="Verbinden"
            ).values_list("text", flat=True)
        )
        assert (
            bullets[2]
            == "In staat zijn om de juridische expertise over te kunnen brengen in begrijpelijke taal voor niet-juristen."
        )
        assert profile.description.startswith(
            "De medewerker in de rol van juridisch adviseur houdt zich bezig met het (procedureel) beoordelen van vergunningaanvragen, handavingsverzoeken"
        )

    def test_dilemmas_and_role_levels(self, seeded):
        framework = library("VTH competentieprofielen")
        assert list(Dilemma.objects.filter(framework=framework).values_list("name", flat=True)) == [
            "consolideren versus vernieuwen",
            "taakgericht versus mensgericht",
            "ondersteunen versus sturen",
        ]
        levels = list(RoleLevel.objects.filter(framework=framework))
        assert [level.name for level in levels] == ["Intra-persoonlijk", "Interpersoonlijk", "Interactief", "Iteratief"]
        assert levels[3].description.endswith("Het level iteratief komt overeen met een rol op strategisch niveau.")

    def test_the_1_to_5_scale_has_dutch_and_english_names(self, seeded):
        scale = RatingScale.objects.get(framework__name="VTH competentieprofielen")
        points = list(scale.points.values_list("value", "label", "label_en"))
        assert points == [
            (1, "onvoldoende", "unsatisfactory"),
            (2, "verbetering nodig", "improvement needed"),
            (3, "voldoet aan de verwachtingen", "meets expectations"),
            (4, "overtreft verwachtingen", "exceeds expectations"),
            (5, "uitzonderlijk", "exceptional"),
        ]
        assert scale.points.get(value=5).description.startswith("De organisatie voldoet ruimschoots")

    def test_score_form_and_hulpvragen_of_steps_1_2_and_3(self, seeded):
        sets = GuidingQuestionSet.objects.filter(framework__name="VTH competentieprofielen")
        counts = {s.purpose: s.questions.count() for s in sets}
        assert counts == {"score_form": 12, "self_evaluation": 9, "peer_review": 7, "conclusions": 6}
        text = seed_text("vth")
        step1 = section(text, "STAP 1: HULPVRAGEN", "STAP 2")
        in_source = [
            line.rstrip("\t") for line in step1.splitlines() if line.endswith("\t") and "Hulpvragen" not in line
        ]
        loaded = list(
            GuidingQuestion.objects.filter(
                question_set__purpose="self_evaluation", question_set__framework__name="VTH competentieprofielen"
            ).values_list("text", flat=True)
        )
        assert loaded == in_source
        actieplan = GuidingQuestion.objects.get(section="Actieplan")
        assert actieplan.text == (
            "Wat gaan we als organisatie de komende twee jaar concreet oppakken? "
            "(formuleer dit zo SMART mogelijk per competentieprofiel)"
        )
        score_questions = GuidingQuestion.objects.filter(
            question_set__purpose="score_form", profile__name="Casemanager"
        )
        assert score_questions.count() == 2


class TestRotterdamExample:
    def test_ontwikkelingsgericht_vermogen_with_its_four_indicators(self, seeded):
        competency = Competency.objects.get(name="Ontwikkelingsgericht vermogen")
        assert competency.framework.is_library
        assert competency.definition.startswith(
            "Als je een ontwikkelingsgericht vermogen hebt, heb je inzicht in je eigen talenten en ontwikkelpunten"
        )
        assert competency.definition.endswith("Je weet hoe je het meeste uit je persoonlijke ontwikkeling kunt halen.")
        assert list(competency.indicators.values_list("text", flat=True)) == [
            "Is in staat voor zichzelf sterke en ontwikkelpunten te benoemen.",
            "Meldt zich aan voor projecten en activiteiten om van te leren.",
            "Vraagt geregeld feedback ten behoeve van persoonlijke ontwikkeling.",
            "Geeft geregeld feedback voor eigen en andermans persoonlijke ontwikkeling.",
        ]
        assert list(competency.framework.levels.values_list("name", flat=True)) == ["Beginner", "Gevorderd", "Expert"]


class TestDivosa:
    def appendix_b(self):
        return section(seed_text("divosa"), "## BASISCOMPETENTIES", "## C. Bijlage")

    def test_every_gedragsvoorbeeld_and_deeltaak_of_appendix_b_is_loaded(self, seeded):
        appendix = self.appendix_b()
        framework = library(DIVOSA)
        examples = BehaviouralIndicator.objects.filter(profile_competency__profile__framework=framework).count()
        tasks = ProfileTask.objects.filter(profile__framework=framework).count()
        assert examples == len(re.findall(r"<li>\s*\d+\.", appendix)) == 240
        assert tasks == len(re.findall(r"<li>\s*•", appendix)) == 103

    def test_four_profiles_with_their_hoofdtaken_and_the_basiscompetenties(self, seeded):
        framework = library(DIVOSA)
        top = framework.profiles.filter(parent__isnull=True)
        assert list(top.values_list("name", flat=True)) == [
            "Basiscompetenties",
            "Werk",
            "Inkomen",
            "Zorg",
            "Management",
        ]
        hoofdtaken = {p.name: p.children.count() for p in top}
        assert hoofdtaken == {"Basiscompetenties": 0, "Werk": 3, "Inkomen": 3, "Zorg": 3, "Management": 4}
        basis = top.get(name="Basiscompetenties")
        assert [(pc.competency.name, pc.indicators.count()) for pc in basis.profile_competencies.all()] == [
            ("Klantgerichtheid", 4),
            ("Resultaatgerichtheid", 5),
            ("Samenwerken", 5),
            ("Ondernemerschap", 5),
        ]
        assert set(framework.clusters.get(name="Basiscompetenties").competencies.values_list("name", flat=True)) == {
            "Klantgerichtheid",
            "Resultaatgerichtheid",
            "Samenwerken",
            "Ondernemerschap",
        }

    def test_every_hoofdtaak_has_its_kenmerk_deeltaken_and_competencies(self, seeded):
        appendix = self.appendix_b()
        kenmerken = re.findall(r"\(kenmerk hoofdtak \d\s*=\s*(.+?)\)", appendix)
        hoofdtaken = Profile.objects.filter(framework__name=DIVOSA, parent__isnull=False).order_by(
            "parent__order", "order"
        )
        assert [h.characteristic for h in hoofdtaken] == [k.strip() for k in kenmerken]
        for hoofdtaak in hoofdtaken:
            assert hoofdtaak.tasks.exists(), hoofdtaak
            assert hoofdtaak.profile_competencies.count() >= 2, hoofdtaak
            for pc in hoofdtaak.profile_competencies.all():
                assert pc.indicators.exists(), pc

    def test_sample_texts_are_exact(self, seeded):
        werk_1 = Profile.objects.get(framework__name=DIVOSA, parent__name="Werk", code="1")
        assert werk_1.name == "Begeleiden van cliënten naar werk of re-integratiedienstverlening"
        assert werk_1.characteristic == "contact/interactie met klant"
        luisteren = ProfileCompetency.objects.get(profile=werk_1, competency__name="Luisteren")
        assert list(luisteren.indicators.values_list("text", flat=True))[1] == (
            "Vat de boodschap van een klant correct en begrijpelijk samen."
        )
        markt = ProfileCompetency.objects.get(
            profile__parent__name="Werk", profile__code="2", competency__name="Marktgerichtheid"
        )
        assert markt.note == "Dient gecombineerd te worden met in- en extern ondernemerschap (zie basiscompetenties)"
        resultaat = ProfileCompetency.objects.get(
            profile__name="Basiscompetenties", competency__name="Resultaatgerichtheid"
        )
        assert resultaat.indicators.first().text == "Formuleert systematisch SMART doelstellingen en afspraken."

    def test_competencies_link_to_the_dictionary_and_hard_to_learn_ones_are_marked(self, seeded):
        framework = library(DIVOSA)
        probleemanalyse = framework.competencies.get(name="Probleemanalyse")
        assert probleemanalyse.derived_from.framework.name == "PiCompany competentiewoordenboek"
        assert probleemanalyse.definition == probleemanalyse.derived_from.definition
        hard = set(framework.competencies.filter(hard_to_learn=True).values_list("name", flat=True))
        assert {"Ondernemerschap", "Oordeelsvorming"} <= hard
        assert hard <= {
            "Visie",
            "Creativiteit",
            "Ondernemerschap",
            "Besluitvaardigheid",
            "Initiatief",
            "Oordeelsvorming",
            "Integriteit",
            "Vasthoudendheid",
        }

    def test_the_six_point_beoordelingsschema(self, seeded):
        scale = RatingScale.objects.get(framework__name=DIVOSA)
        descriptions = dict(scale.points.values_list("value", "description"))
        assert sorted(descriptions) == [1, 2, 3, 4, 5, 6]
        assert descriptions[6] == "Vertoont altijd het gewenste gedrag en functioneert als voorbeeld voor anderen."
        assert descriptions[1].startswith("Toont zich niet geïnteresseerd in het gevraagde 'gedrag'")
