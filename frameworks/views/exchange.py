"""Exports (JSON, Moodle CSV, CASE 1.1), imports (JSON, Moodle CSV, CASE; a CASE package over 2 MB on the
task queue, see interchange/jobs.py) and the indicator writing assistant."""

import base64
import secrets
import time

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from competentie.organisations.selectors import organisation_choices

from .. import access
from ..indicator_hints import indicator_hints as hints_for
from ..interchange import ImportErrors, case, case_import, jobs, moodle, native, native_import
from ..interchange.access import can_import_framework, import_organisation_ids
from ..interchange.errors import MAX_UPLOAD_BYTES
from ..interchange.forms import FrameworkImportForm
from ..interchange.selectors import case_import_job_for, framework_for_export
from ..models import CaseImportJob


def _filename(framework, extension: str) -> str:
    return f"{slugify(framework.name)[:80] or 'framework'}-v{framework.version}.{extension}"


def _download(content: str, content_type: str, filename: str, started: float) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # How long building the export took, for whoever wonders (visible in the browser's dev tools).
    response["Server-Timing"] = f"export;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


@require_GET
def framework_export_json(request, pk):
    started = time.perf_counter()
    framework = framework_for_export(user=request.user, pk=pk)
    return _download(
        native.framework_to_json(framework), "application/json; charset=utf-8", _filename(framework, "json"), started
    )


@require_GET
def framework_export_csv(request, pk):
    started = time.perf_counter()
    framework = framework_for_export(user=request.user, pk=pk)
    return _download(
        moodle.framework_to_moodle_csv(framework), "text/csv; charset=utf-8", _filename(framework, "csv"), started
    )


@require_GET
def framework_export_case(request, pk):
    started = time.perf_counter()
    framework = framework_for_export(user=request.user, pk=pk)
    content = case.framework_to_case_json(framework, absolute=request.build_absolute_uri)
    return _download(content, "application/json; charset=utf-8", _filename(framework, "case.json"), started)


IMPORTERS = {
    "json": native_import.framework_import_json,
    "moodle": moodle.framework_import_moodle_csv,
    "case": case_import.framework_import_case,
}


# A CASE package waiting for the user's confirmation, in the session (at most the 2 MB upload limit).
PENDING_CASE = "frameworks_case_import"


def _confirm_case_import(request, organisations):
    """The second step of a CASE import: the user saw the summary and confirms; the file is in the session."""
    pending = request.session.pop(PENDING_CASE, None)
    organisation = None
    if pending and secrets.compare_digest(str(pending.get("token")), request.POST.get("bevestigen", "")):
        organisation = next((o for o in organisations if o.pk == pending.get("organisation")), None)
    if organisation is None:
        messages.error(request, _("Deze import is verlopen of al uitgevoerd. Kies het bestand opnieuw."))
        return redirect("frameworks:framework-import")
    try:
        framework = case_import.framework_import_case(
            raw=base64.b64decode(pending["raw"]), organisation=organisation, user=request.user, filename=pending["name"]
        )
    except ImportErrors as errors:
        form = FrameworkImportForm(organisations=organisations)
        return render(
            request,
            "frameworks/exchange/import_form.html",
            {"form": form, "import_errors": errors.messages},
            status=400,
        )
    messages.success(request, _("“%(name)s” is geïmporteerd als concept.") % {"name": framework.name})
    return redirect("frameworks:framework-detail", framework.pk)


@require_http_methods(["GET", "POST"])
def framework_import(request):
    access.require(can_import_framework(request.user))
    organisations = organisation_choices(ids=import_organisation_ids(request.user))
    if request.method == "POST" and "bevestigen" in request.POST:
        return _confirm_case_import(request, organisations)
    form = FrameworkImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    import_errors = []
    if request.method == "POST" and form.is_valid():
        file_format = form.cleaned_data["file_format"]
        upload = form.cleaned_data["file"]
        if file_format == "case" and upload.size > MAX_UPLOAD_BYTES:
            # Too large for one request: stored as uploaded (in chunks), read by the task queue.
            job = jobs.case_import_job_start(
                upload=upload,
                organisation=form.cleaned_data["organisation"],
                user=request.user,
                language=get_language() or "nl",
            )
            return redirect("frameworks:case-import-job", job.uuid)
        raw = upload.read()
        try:
            if file_format == "case":
                # CASE first shows what the import keeps, maps and changes; nothing is written yet.
                summary = case_import.case_import_summary(raw)
            else:
                framework = IMPORTERS[file_format](
                    raw=raw, organisation=form.cleaned_data["organisation"], user=request.user, filename=upload.name
                )
        except ImportErrors as errors:
            import_errors = errors.messages
            form.add_error("file", _("Het bestand is niet geïmporteerd; er is niets opgeslagen."))
        else:
            if file_format == "case":
                token = secrets.token_urlsafe(16)
                request.session[PENDING_CASE] = {
                    "token": token,
                    "raw": base64.b64encode(raw).decode("ascii"),
                    "name": upload.name,
                    "organisation": form.cleaned_data["organisation"].pk,
                }
                context = {"summary": summary, "token": token, "filename": upload.name}
                context["organisation"] = form.cleaned_data["organisation"]
                return render(request, "frameworks/exchange/import_summary.html", context)
            messages.success(request, _("“%(name)s” is geïmporteerd als concept.") % {"name": framework.name})
            return redirect("frameworks:framework-detail", framework.pk)
    return render(
        request,
        "frameworks/exchange/import_form.html",
        {"form": form, "import_errors": import_errors},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def case_import_job(request, job_id):
    """A CASE package read on the task queue: its progress (the page refreshes itself), then the
    import summary to confirm, then the writing's progress and the new framework or why not."""
    job = case_import_job_for(user=request.user, job_id=job_id)  # another's import is a 404
    access.require(can_import_framework(request.user))
    if request.method == "POST" and "bevestigen" in request.POST:
        if not jobs.case_import_job_confirm(job=job, language=get_language() or "nl"):
            messages.error(request, _("Deze import is al bevestigd of niet meer te bevestigen."))
        return redirect("frameworks:case-import-job", job.uuid)
    context = {"job": job, "statuses": CaseImportJob.Status}
    return render(request, "frameworks/exchange/import_job.html", context)


@require_GET
def indicator_hints(request):
    """The writing hints for one indicator text, as an HTML fragment (htmx or fetch).

    Rendered without the request, so no context processor adds a query: it runs on every keystroke pause.
    Reads ?text=…, or a prefixed form field such as ?ind-3-text=… (hx-get on the field itself sends that).
    """
    text = request.GET.get("text")
    if text is None:
        text = next((value for key, value in request.GET.items() if key.endswith("text")), "")
    text = text[:2000]
    html = render_to_string("frameworks/exchange/indicator_hint_list.html", {"hints": hints_for(text), "text": text})
    return HttpResponse(html)
