"""Candidates: anonymous codes, personal data kept apart, the CSV import."""

import codecs
import csv
import io
import re
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


# Control characters (C0 except tab/line breaks, DEL, C1) and the bidirectional overrides that
# can make a name display as something else: no spreadsheet of candidates legitimately holds them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_FIELD_LENGTHS = {"name": 200, "email": 254, "notes": 2000}
MAX_COLUMNS = 50
MAX_LINE_LENGTH = 5000  # well above a full row, well below the csv module's field limit


def _decode_candidates_csv(data: bytes) -> str:
    if len(data) > MAX_IMPORT_BYTES:
        raise ValidationError(
            _("Het bestand is groter dan %(kb)s kB. Splits het in kleinere bestanden.")
            % {"kb": MAX_IMPORT_BYTES // 1024},
            code="too_large",
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(
            _("Het bestand is UTF-16-tekst, geen UTF-8. Sla het in Excel op als “CSV UTF-8”."), code="encoding"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Het bestand is geen UTF-8-tekst. Sla het in Excel op als “CSV UTF-8”."), code="encoding"
        ) from None
    if "\x00" in text:
        raise ValidationError(
            _("Het bestand bevat nul-tekens en is waarschijnlijk geen CSV-bestand. Sla het op als “CSV UTF-8”."),
            code="control_character",
        )
    # Line numbers as a spreadsheet counts them: str.splitlines() would also break at U+0085 and friends.
    for line_number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_LENGTH:
            raise ValidationError(
                _("Regel %(line)s is langer dan %(max)s tekens.") % {"line": line_number, "max": MAX_LINE_LENGTH},
                code="too_long",
            )
    if match := CONTROL_CHARACTERS.search(text):
        raise ValidationError(
            _("Regel %(line)s bevat onzichtbare stuurtekens. Verwijder die en probeer het opnieuw.")
            % {"line": text.count("\n", 0, match.start()) + 1},
            code="control_character",
        )
    if not text.strip():
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    return text


def _parse_candidates_csv(data: bytes) -> list[tuple[str, str, str]]:
    """The rows of a candidate CSV; any hostile or malformed input ends in a ValidationError with a code."""
    text = _decode_candidates_csv(data)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return _candidate_rows(reader)
    except csv.Error:
        raise ValidationError(
            _("Regel %(line)s is geen geldige CSV-regel (controleer de aanhalingstekens).") % {"line": reader.line_num},
            code="malformed",
        ) from None


def _candidate_rows(reader) -> list[tuple[str, str, str]]:
    header = [cell.strip().lower() for cell in next(reader)]
    if len(header) > MAX_COLUMNS:
        raise ValidationError(
            _("Regel 1 heeft meer dan %(max)s kolommen.") % {"max": MAX_COLUMNS}, code="too_many_columns"
        )
    columns = {}
    for key, aliases in HEADER_ALIASES.items():
        for index, cell in enumerate(header):
            if cell in aliases:
                columns[key] = index
    if "name" not in columns or "email" not in columns:
        raise ValidationError(
            _("Regel 1 moet de kolomnamen bevatten: naam,e-mail (en eventueel notities). Gevonden: %(found)s.")
            % {"found": ", ".join(cell[:40] for cell in header[:10]) or _("niets")},
            code="header",
        )
    rows, errors, seen = [], [], {}
    for cells in reader:
        line_number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_IMPORT_ROWS:
            raise ValidationError(
                _("Er staan meer dan %(max)s kandidaten in het bestand.") % {"max": MAX_IMPORT_ROWS},
                code="too_many_rows",
            )
        if len(cells) > MAX_COLUMNS:
            raise ValidationError(
                _("Regel %(line)s heeft meer dan %(max)s kolommen.") % {"line": line_number, "max": MAX_COLUMNS},
                code="too_many_columns",
            )
        values = {key: _cell(cells, columns.get(key)) for key in ("name", "email", "notes")}
        too_long = [key for key, value in values.items() if len(value) > MAX_FIELD_LENGTHS[key]]
        if too_long:
            labels = {"name": _("de naam"), "email": _("het e-mailadres"), "notes": _("de notitie")}
            for key in too_long:
                errors.append(
                    _("Regel %(line)s: %(field)s is langer dan %(max)s tekens.")
                    % {"line": line_number, "field": labels[key], "max": MAX_FIELD_LENGTHS[key]}
                )
            continue
        name, email, notes = values["name"], values["email"], values["notes"]
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
        rows.append((name, email, notes))
    if errors:
        raise ValidationError([ValidationError(message, code="invalid_row") for message in errors[:50]])
    if not rows:
        raise ValidationError(_("Het bestand bevat geen kandidaten onder de kolomnamen."), code="no_rows")
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
