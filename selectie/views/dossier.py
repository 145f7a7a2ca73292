"""The dossier ("verantwoording") of a procedure, built in the background like a large framework's
PDF (competentie/pdfbuild.py): for HR and the chair; HR's copy also holds the fairness figures."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from competentie import pdfbuild
from competentie.audit.reads import logs_read

from .. import tasks
from .chair import chair_procedure


def _download(procedure, name):
    return pdfbuild.stored_response(name, filename=f"verantwoording-{procedure.pk}.pdf")


def _progress(request, procedure, result):
    return render(
        request,
        "selectie/accountability/dossier_build.html",
        {"procedure": procedure, "result": result, "statuses": pdfbuild.STATUSES},
    )


@logs_read("selectie.SelectionProcedure", purpose="selection")
def dossier(request, pk):
    procedure, is_hr = chair_procedure(request, pk)
    return pdfbuild.start(
        tasks.dossier_pdf_build,
        kwargs={"procedure_id": procedure.pk, "with_fairness": is_hr, "language": get_language() or "nl"},
        progress_url=lambda result_id: reverse("selectie:dossier-build", args=[procedure.pk, result_id]),
        done=lambda result: _download(procedure, result.return_value),
        failed=lambda result: _progress(request, procedure, result),
    )


def _downloaded_procedure(request, pk, build_id):
    """Only the download shows the dossier; the progress page (polled every few seconds) shows no one."""
    return pk if request.GET.get("download") else None


@logs_read("selectie.SelectionProcedure", kwarg=_downloaded_procedure, purpose="selection")
def dossier_build(request, pk, build_id):
    """Progress of the build, and the download once it is ready (?download=1). Someone else's
    build (another procedure, or HR's copy for a chair who is no HR) is not found."""
    procedure, is_hr = chair_procedure(request, pk)
    result = pdfbuild.result_or_404(tasks.dossier_pdf_build, build_id, procedure_id=procedure.pk, with_fairness=is_hr)
    if pdfbuild.is_ready(result) and request.GET.get("download"):
        return _download(procedure, result.return_value)
    return _progress(request, procedure, result)
