"""The PDF and print-friendly views of a profile and of a whole framework (any readable version).

A PDF view first reads the bare row (one query): a published version's stored PDF is then served
without reading the document's content at all. A large framework whose PDF is not kept yet (a
draft, a library, or a published version asked for the first time in this language) is built in
the background (frameworks/tasks.py); its page shows the progress and offers the download when
it is ready.
"""

from django.conf import settings
from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from competentie import pdfbuild

from .. import pdf, selectors, tasks


def profile_pdf(request, pk):
    profile = selectors.profile_head(user=request.user, pk=pk)
    return pdf.profile_pdf(profile, load=lambda: selectors.profile_document(user=request.user, pk=pk))


def profile_print(request, pk):
    context = pdf.profile_context(selectors.profile_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/profile.html", context)


def framework_pdf(request, pk):
    framework = selectors.framework_head(user=request.user, pk=pk)
    large_unstored = (
        not pdf.framework_pdf_stored(framework)
        and selectors.framework_indicator_count(framework=framework) >= settings.BACKGROUND_PDF_INDICATORS
    )
    if large_unstored:
        return pdfbuild.start(
            tasks.framework_pdf_build,
            kwargs={"framework_id": framework.pk, "language": get_language() or "nl"},
            progress_url=lambda result_id: reverse("frameworks:framework-pdf-build", args=[framework.pk, result_id]),
            done=lambda result: _stored_pdf(framework, result.return_value),
            failed=lambda result: _progress(request, framework, result),
        )
    return pdf.framework_pdf(framework, load=lambda: selectors.framework_document(user=request.user, pk=pk))


def _stored_pdf(framework, name: str) -> FileResponse:
    state = "" if framework.published_at else "-concept"
    return pdfbuild.stored_response(name, filename=f"framework-{framework.pk}-v{framework.version}{state}.pdf")


def framework_pdf_build(request, pk, result_id):
    """Progress of a background PDF build, and the download once it is ready (?download=1)."""
    framework = selectors.framework_head(user=request.user, pk=pk)
    result = pdfbuild.result_or_404(tasks.framework_pdf_build, result_id, framework_id=framework.pk)
    if pdfbuild.is_ready(result) and request.GET.get("download"):
        return _stored_pdf(framework, result.return_value)
    return _progress(request, framework, result)


def _progress(request, framework, result):
    return render(
        request,
        "frameworks/pdf_build.html",
        {"framework": framework, "result": result, "statuses": pdfbuild.STATUSES},
    )


def framework_print(request, pk):
    context = pdf.framework_context(selectors.framework_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/framework.html", context)
