"""Background work of the selectie app (django-tasks): the dossier of a procedure.

The same mechanism as a framework's large PDF (competentie/pdfbuild.py): the view enqueues, this
task renders and keeps the file under the task's own id, the progress page hands it out.
"""

from django.utils import timezone, translation
from django_tasks import task

from competentie import pdfbuild
from competentie.pdf import render_pdf

from . import selectors

DOSSIER_FOLDER = "pdf/verantwoording"


def dossier_name(result_id: str) -> str:
    return f"{DOSSIER_FOLDER}/procedure-{result_id}.pdf"


@task(takes_context=True)
def dossier_pdf_build(context, *, procedure_id: int, with_fairness: bool = False, language: str = "nl") -> str:
    """Render the dossier of a procedure (with the fairness figures for HR only) and keep it."""
    with translation.override(language):
        procedure = selectors.procedure_unscoped(pk=procedure_id)
        data = selectors.dossier(procedure=procedure)
        if with_fairness:
            data["fairness"] = selectors.fairness_report(procedure=procedure)
        data["generated_at"] = timezone.localtime()
        content = render_pdf("selectie/pdf/dossier.html", data, organisation_id=procedure.organisation_id)
    return pdfbuild.store(dossier_name(str(context.task_result.id)), content)
