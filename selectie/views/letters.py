"""The letter to a rejected candidate: draft, edit (autosave), PDF, send through the e-mail queue (HR only)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from competentie import autosave, revisions
from competentie.audit.reads import logs_read
from competentie.pdf import pdf_response

from .. import selectors, services
from ..models import Decision
from .common import hr_procedure


def _letter(request, pk, candidate_pk):
    procedure = hr_procedure(request, pk)
    candidate = selectors.candidate_get(procedure=procedure, pk=candidate_pk)
    rejected = selectors.decision_outcome(candidate=candidate) == Decision.Outcome.REJECTED
    letter = selectors.letter_of(candidate=candidate)
    body = letter.body if letter else (services.letter_draft(candidate=candidate) if rejected else "")
    return procedure, candidate, rejected, letter, body


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def letter(request, pk, candidate_pk):
    procedure, candidate, rejected, letter, body = _letter(request, pk, candidate_pk)
    if request.method == "POST":
        as_json = autosave.wants_json(request)
        text = request.POST.get("value" if as_json else "body", "")
        try:
            letter = services.letter_save(
                candidate=candidate,
                user=request.user,
                body=text,
                revision=revisions.parse_revision(request.POST.get("revision") or request.POST.get("revision-body")),
            )
        except revisions.StaleEdit as error:
            if as_json:
                return autosave.stale_response(error, fields={"body": error.current})
            messages.error(request, f"{error.messages[0]} {error.current}")
        except ValidationError as error:
            if as_json:
                return autosave.refused_response(" ".join(error.messages))
            for message in error.messages:
                messages.error(request, message)
        else:
            if as_json:
                return autosave.saved_response(revision=letter.revision)
            messages.success(request, _("De brief is opgeslagen."))
        return redirect("selectie:letter", procedure.pk, candidate.pk)
    return render(
        request,
        "selectie/accountability/letter.html",
        {
            "procedure": procedure,
            "candidate": candidate,
            "rejected": rejected,
            "letter": letter,
            "body": body,
            "revision": revisions.revision_of(letter),
            "problems": services.letter_problems(candidate=candidate, body=body) if rejected else [],
            "has_email": bool(getattr(getattr(candidate, "personal_data", None), "email", "")),
        },
    )


@require_POST
def letter_send(request, pk, candidate_pk):
    procedure, candidate, _rejected, _letter_row, _body = _letter(request, pk, candidate_pk)
    try:
        services.letter_send(candidate=candidate, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("De brief aan %(code)s staat in de wachtrij en wordt verstuurd.") % {"code": candidate.code}
        )
    return redirect("selectie:letter", procedure.pk, candidate.pk)


@logs_read("selectie.Candidate", kwarg="candidate_pk", purpose="selection")
def letter_pdf(request, pk, candidate_pk):
    procedure, candidate, _rejected, _letter_row, body = _letter(request, pk, candidate_pk)
    context = {
        "procedure": procedure,
        "organisation": procedure.organisation,
        "candidate": candidate,
        "body": body,
        "generated_at": timezone.localtime(),
    }
    return pdf_response("selectie/pdf/letter.html", context, filename=f"afwijzingsbrief-{candidate.code}.pdf")
