"""A cohort's aggregated results as plain data for CSV and JSON. Never a single participant's answers."""

import io

from django.utils.translation import gettext as _

from competentie.safecsv import safe_writer

from .questionnaire import LEVERS, SOURCE


def results_data(cohort, results, competencies) -> dict:
    moments = []
    for moment in results.moments:
        item = {"moment": moment.code, "label": moment.label, "responses": moment.responses, "shown": moment.shown}
        if moment.shown:
            item["levels"] = moment.per_level
            item["levers"] = {
                lever.code: {"name": str(lever.name), "mean": moment.per_lever.get(lever.code)} for lever in LEVERS
            }
            item["learning_goals"] = moment.learning_goals
            item["competencies"] = {c.name: moment.per_competency.get(c.pk) for c in competencies}
        moments.append(item)
    return {
        "programme": cohort.programme.name,
        "cohort": cohort.name,
        "participants": results.participants,
        "min_group_size": results.min_group_size,
        "scale": _("Gemiddelde op onze schaal van 1 (helemaal oneens) tot 5 (helemaal eens)"),
        "competency_scale": _("Gemiddelde plaats op de niveaus van het framework (1 = laagste niveau)"),
        "lever_source": SOURCE,
        "moments": moments,
    }


def results_csv(data: dict) -> str:
    buffer = io.StringIO()
    writer = safe_writer(buffer, delimiter=";")
    writer.writerow([_("meetmoment"), _("ingevuld"), _("soort"), _("naam"), _("gemiddelde")])
    for moment in data["moments"]:
        if not moment["shown"]:
            writer.writerow(
                [
                    moment["label"],
                    moment["responses"],
                    _("geen resultaten"),
                    _("minder dan %(n)s ingevuld") % {"n": data["min_group_size"]},
                    "",
                ]
            )
            continue
        for level, value in moment["levels"].items():
            writer.writerow([moment["label"], moment["responses"], _("niveau"), level, value])
        for lever in moment["levers"].values():
            writer.writerow([moment["label"], moment["responses"], _("hefboom"), lever["name"], lever["mean"]])
        writer.writerow([moment["label"], moment["responses"], _("leerdoelen"), "", moment["learning_goals"]])
        for name, value in moment["competencies"].items():
            writer.writerow([moment["label"], moment["responses"], _("competentie"), name, value])
    return buffer.getvalue()
