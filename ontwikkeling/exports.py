"""A cohort's aggregated results as plain data for CSV and JSON. Never a single participant's answers."""

import io

from django.utils.translation import gettext as _

from competentie.safecsv import safe_writer

from .questionnaire import LEVERS, SOURCE


def _effect_data(row) -> dict:
    comparisons = []
    for comparison in row.comparisons:
        item = {"from": comparison.before, "to": comparison.after, "pairs": comparison.n, "shown": comparison.shown}
        if comparison.shown:
            effect = comparison.effect
            item |= {
                "mean_before": round(effect.mean_before, 3),
                "mean_after": round(effect.mean_after, 3),
                "mean_difference": round(effect.mean_difference, 3),
                "sd_difference": round(effect.sd_difference, 3),
                "d_z": _rounded(effect.d_z),
                "d_z_ci95": [_rounded(effect.d_z_low), _rounded(effect.d_z_high)],
                "d_av": _rounded(effect.d_av),
                "p": _rounded(effect.p_value, 4),
                "reading": effect.reading(),
            }
        comparisons.append(item)
    data = {"name": row.name, "comparisons": comparisons}
    if row.manager is not None:
        data["manager_follow_up"] = {"managers": row.manager.n, "shown": row.manager.shown}
        if row.manager.shown:
            data["manager_follow_up"] |= {"mean": row.manager.mean, "sd": row.manager.sd}
    return data


def _rounded(value, digits=3):
    return round(value, digits) if value is not None else None


def results_data(cohort, results, competencies, effects=None) -> dict:
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
        **(_effects_data(effects) if effects is not None else {}),
    }


def _effects_data(effects) -> dict:
    return {
        "effect_size": _(
            "Cohen's d_z: gemiddeld verschil gedeeld door de standaardafwijking van de verschillen; 95%-interval "
            "via de niet-centrale t-verdeling; d_av: verschil gedeeld door de gemiddelde standaardafwijking"
        ),
        "effects": [_effect_data(row) for row in effects.competencies],
        "effects_per_level": [_effect_data(row) for row in effects.levels],
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
    if "effects" in data:
        writer.writerow([])
        writer.writerow(
            [_("effect"), _("vergelijking"), _("paren"), _("gemiddelde voor"), _("gemiddelde na"), _("verschil")]
            + ["d_z", _("d_z ondergrens 95%"), _("d_z bovengrens 95%"), "d_av", "p", _("betekenis")]
        )
        for row in data["effects"] + data["effects_per_level"]:
            for item in row["comparisons"]:
                label = f"{item['from']} → {item['to']}"
                if not item["shown"]:
                    hidden = _("niet getoond: minder dan %(n)s paren") % {"n": data["min_group_size"]}
                    writer.writerow([row["name"], label, item["pairs"], hidden])
                    continue
                writer.writerow(
                    [row["name"], label, item["pairs"], item["mean_before"], item["mean_after"]]
                    + [item["mean_difference"], item["d_z"], *item["d_z_ci95"], item["d_av"], item["p"]]
                    + [item["reading"]]
                )
    return buffer.getvalue()
