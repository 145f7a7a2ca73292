"""Candidates: anonymous codes, personal data kept apart, the CSV import."""

import csv
import io
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Candidate, CandidatePersonalData, SelectionProcedure
from .setup import _require_setup

# --- Candidates ---------------------------------------------------------------------------------

MAX_IMPORT_BYTES = 256 * 1024
MAX_IMPORT_ROWS = 1000
HEADER_ALIASES = {
    "name": {"naam", "name", "volledige naam"},
    "email": {"email", "e-mail", "e-mailadres", "emailadres"},
    "notes": {"notities", "notes", "opmerkingen", "notitie"},
}


def _next_number(procedure: SelectionProcedure) -> int:
    return (Candidate.objects.filter(procedure=procedure).aggregate(m=Max("number"))["m"] or 0) + 1


def _candidate_add(procedure: SelectionProcedure, number: int, name: str, email: str, notes: str) -> Candidate:
    candidate = Candidate(procedure=procedure, number=number, code=f"K-{number:03d}")
    candidate.full_clean()
    candidate.save()
    personal = CandidatePersonalData(candidate=candidate, name=name, email=email, notes=notes)
    personal.full_clean()
    personal.save()
    return candidate


@transaction.atomic
def candidate_create(*, procedure: SelectionProcedure, name: str, email: str = "", notes: str = "") -> Candidate:
    _require_setup(procedure)
    # Lock the procedure so two HR colleagues adding at once never get the same code.
    SelectionProcedure.objects.select_for_update().filter(pk=procedure.pk).first()
    if not name.strip():
        raise ValidationError(_("Vul de naam van de kandidaat in."))
    return _candidate_add(procedure, _next_number(procedure), name.strip(), email.strip(), notes.strip())


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _parse_candidates_csv(data: bytes) -> list[tuple[str, str, str]]:
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("Het bestand is groter dan %(kb)s kB. Splits het in kleinere bestanden.")
            % {"kb": MAX_IMPORT_BYTES // 1024}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Het bestand is geen UTF-8-tekst. Sla het in Excel op als “CSV UTF-8”.")) from None
    if not text.strip():
        raise ValidationError(_("Het bestand is leeg."))
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    columns = {}
    for key, aliases in HEADER_ALIASES.items():
        for index, cell in enumerate(header):
            if cell in aliases:
                columns[key] = index
    if "name" not in columns or "email" not in columns:
        raise ValidationError(
            _("Regel 1 moet de kolomnamen bevatten: naam,e-mail (en eventueel notities). Gevonden: %(found)s.")
            % {"found": ", ".join(header) or _("niets")}
        )
    rows, errors, seen = [], [], {}
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_IMPORT_ROWS:
            raise ValidationError(_("Er staan meer dan %(max)s kandidaten in het bestand.") % {"max": MAX_IMPORT_ROWS})

        name, email, notes = (_cell(cells, columns.get(key)) for key in ("name", "email", "notes"))
        if not name:
            errors.append(_("Regel %(line)s: de naam ontbreekt.") % {"line": line_number})
        if email:
            try:
                validate_email(email)
            except ValidationError:
                errors.append(
                    _("Regel %(line)s: “%(email)s” is geen geldig e-mailadres.") % {"line": line_number, "email": email}
                )
            else:
                if email.lower() in seen:
                    errors.append(
                        _("Regel %(line)s: het e-mailadres %(email)s staat ook op regel %(other)s.")
                        % {"line": line_number, "email": email, "other": seen[email.lower()]}
                    )
                seen[email.lower()] = line_number
        if len(name) > 200:
            errors.append(_("Regel %(line)s: de naam is langer dan 200 tekens.") % {"line": line_number})
        rows.append((name, email, notes))
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError(_("Het bestand bevat geen kandidaten onder de kolomnamen."))
    return rows


@transaction.atomic
def candidates_import_csv(*, procedure: SelectionProcedure, data: bytes) -> list[Candidate]:
    """All candidates of the file, or — on any error — none, with the lines that are wrong."""
    _require_setup(procedure)
    rows = _parse_candidates_csv(data)
    SelectionProcedure.objects.select_for_update().filter(pk=procedure.pk).first()
    number = _next_number(procedure)
    return [_candidate_add(procedure, number + offset, *row) for offset, row in enumerate(rows)]


@transaction.atomic
def candidate_personal_data_update(
    *,
    candidate: Candidate,
    user: AbstractBaseUser,
    name: str,
    email: str,
    notes: str,
    consent_until: date | None,
    consent_note: str = "",
) -> None:
    try:
        personal = candidate.personal_data
    except CandidatePersonalData.DoesNotExist:
        raise ValidationError(_("De persoonsgegevens van deze kandidaat zijn al verwijderd.")) from None
    procedure = candidate.procedure
    if consent_until is not None:
        if consent_until > procedure.latest_consent_date():
            raise ValidationError(
                _("Met toestemming mag u gegevens hoogstens een jaar na afronding bewaren: uiterlijk %(date)s.")
                % {"date": procedure.latest_consent_date().strftime("%d-%m-%Y")}
            )
        if not consent_note.strip():
            raise ValidationError(_("Leg vast hoe de kandidaat toestemming gaf (bijvoorbeeld: e-mail van 3 maart)."))
        if consent_until != personal.consent_until:
            personal.consent_recorded_at = timezone.now()
            personal.consent_recorded_by = user
    personal.name, personal.email, personal.notes = name.strip(), email.strip(), notes.strip()
    personal.consent_until, personal.consent_note = consent_until, consent_note.strip()
    personal.full_clean()
    personal.save()
