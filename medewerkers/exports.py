"""The team overview as CSV (formula-safe through competentie/safecsv.py): required versus agreed level."""

import io

from django.utils.translation import gettext as _

from competentie.safecsv import safe_writer


def team_matrix_csv(matrix) -> str:
    out = io.StringIO()
    writer = safe_writer(out, delimiter=";")
    writer.writerow([_("Medewerker"), _("Competentie"), _("Vereist niveau"), _("Afgesproken niveau"), _("Verschil")])
    names = dict(matrix.competencies)
    for employee, cells in matrix.rows:
        for competency_id, (required, agreed) in sorted(cells.items()):
            gap = "" if agreed is None else required - agreed
            writer.writerow([employee.name, names[competency_id], required, "" if agreed is None else agreed, gap])
    return out.getvalue()
