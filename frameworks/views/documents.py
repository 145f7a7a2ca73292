"""The PDF and print-friendly views of a profile and of a whole framework (any readable version).

A PDF view first reads the bare row (one query): a published version's stored PDF is then served
without reading the document's content at all. A large framework whose PDF is not kept yet (a
draft, a library, or a published version asked for the first time in this language) is built in
the background (frameworks/tasks.py); its page shows the progress and offers the download when
it is ready.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django_tasks.base import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

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
        result = tasks.framework_pdf_build.enqueue(framework_id=framework.pk, language=get_language() or "nl")
        if result.is_finished:  # a backend that runs tasks at once (TASKS_IMMEDIATE=1, the tests)
            if result.status == TaskResultStatus.SUCCESSFUL:
                return _stored_pdf(framework, result.return_value)
            return _progress(request, framework, result)
        return redirect("frameworks:framework-pdf-build", framework.pk, result.id)
    return pdf.framework_pdf(framework, load=lambda: selectors.framework_document(user=request.user, pk=pk))


def _stored_pdf(framework, name: str) -> FileResponse:
    response = FileResponse(default_storage.open(name, "rb"), content_type="application/pdf")
    state = "" if framework.published_at else "-concept"
    response["Content-Disposition"] = f'inline; filename="framework-{framework.pk}-v{framework.version}{state}.pdf"'
    return response


def framework_pdf_build(request, pk, result_id):
    """Progress of a background PDF build, and the download once it is ready (?download=1)."""
    framework = selectors.framework_head(user=request.user, pk=pk)
    try:
        result = tasks.framework_pdf_build.get_result(result_id)
    except (TaskResultDoesNotExist, ValidationError, ValueError) as exc:
        raise Http404 from exc
    if result.kwargs.get("framework_id") != framework.pk:
        raise Http404
    if result.status == TaskResultStatus.SUCCESSFUL and request.GET.get("download"):
        return _stored_pdf(framework, result.return_value)
    return _progress(request, framework, result)


def _progress(request, framework, result):
    return render(
        request,
        "frameworks/pdf_build.html",
        {"framework": framework, "result": result, "statuses": TaskResultStatus},
    )


def framework_print(request, pk):
    context = pdf.framework_context(selectors.framework_document(user=request.user, pk=pk))
    return render(request, "frameworks/print/framework.html", context)
