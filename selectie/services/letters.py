"""The letter to a rejected candidate (issue 28, point 4).

A draft cites, per criterion, the consensus and the observed behaviour it rests on (the indicators
that selecteurs who handed in ticked, and the chair's rationale). It never names a selecteur or
another candidate: the draft leaves such names out, and sending refuses a text that still holds
one. HR edits the draft (autosave, one revision rule) and sends it through the e-mail queue.
"""

import re

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit, revisions
from competentie.notifications import events as notifications

from .. import selectors
from ..models import Candidate, Decision, RejectionLetter

CODE = re.compile(r"\bK-\d{3,}\b")


def _forbidden_names(candidate: Candidate) -> list[str]:
    """Names the letter may not hold: the panel's (full name, surname, login) and other candidates'."""
    names = set()
    for user in selectors.letter_panel(candidate=candidate):
        names |= {user.last_name, f"{user.first_name} {user.last_name}"}
        login = user.get_username()
        if not login.isalpha():  # "j.jansen", "sel-b": a login that is not an ordinary word
            names.add(login)
    names |= set(selectors.letter_other_candidate_names(candidate=candidate))
    return sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True)


def letter_problems(*, candidate: Candidate, body: str) -> list[str]:
    """What must come out before the letter may be sent (empty: it may)."""
    problems = []
    others = sorted({code for code in CODE.findall(body) if code != candidate.code})
    if others:
        problems.append(
            _("De brief noemt een andere kandidaat (%(codes)s). Haal dat weg.") % {"codes": ", ".join(others)}
        )
    found = [name for name in _forbidden_names(candidate) if re.search(rf"\b{re.escape(name)}\b", body, re.I)]
    if found:
        problems.append(
            _("De brief noemt een naam van een selecteur of een andere kandidaat (%(names)s). Haal die weg.")
            % {"names": ", ".join(found)}
        )
    if not body.strip():
        problems.append(_("De brief is leeg."))
    return problems


def _clean(text: str, names: list[str], own_code: str) -> str:
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b", _("een selecteur"), text, flags=re.I)
    return CODE.sub(lambda m: m.group(0) if m.group(0) == own_code else _("een andere kandidaat"), text)


def letter_draft(*, candidate: Candidate) -> str:
    """A first text per criterion: the consensus, what the panel saw, and why (in plain Dutch)."""
    procedure = candidate.procedure
    report = selectors.candidate_report(candidate=candidate)
    seen = selectors.letter_observed_indicators(candidate=candidate)
    names = _forbidden_names(candidate)
    personal = getattr(candidate, "personal_data", None)
    lines = [
        _("Beste %(name)s,") % {"name": personal.name if personal else candidate.code},
        "",
        _(
            "Dank u wel voor uw sollicitatie voor %(procedure)s en voor uw inzet tijdens de selectie. "
            "Wij hebben besloten dat u niet verder gaat in de selectie. Hieronder leest u waarom. Per "
            "competentie staat de score die de selecteurs samen hebben afgesproken, en het gedrag waar die "
            "score op rust."
        )
        % {"procedure": procedure.name},
        "",
    ]
    for item in report["items"]:
        consensus = item["consensus"]
        if consensus is None:
            continue
        label = item["point"].label if item["point"] else ""
        line = _("%(competency)s: score %(value)s%(label)s; gevraagd was %(required)s.") % {
            "competency": item["competency"].name,
            "value": consensus.value,
            "label": f" ({label})" if label else "",
            "required": item["required"],
        }
        lines.append(line)
        observed = seen.get(item["competency"].pk, [])
        if observed:
            lines.append(_("Wat de selecteurs zagen: %(behaviour)s.") % {"behaviour": "; ".join(observed)})
        lines.append(
            _("Toelichting: %(rationale)s") % {"rationale": _clean(consensus.rationale, names, candidate.code)}
        )
        lines.append("")
    lines += [
        _(
            "Hebt u vragen over dit besluit, of wilt u er meer over horen? Neem dan contact met ons op. "
            "Wij lichten het graag toe."
        ),
        "",
        _("Met vriendelijke groet,"),
        str(procedure.organisation),
    ]
    return "\n".join(lines)


def _require_rejected(candidate: Candidate) -> None:
    if selectors.decision_outcome(candidate=candidate) != Decision.Outcome.REJECTED:
        raise ValidationError(
            _("Een afwijzingsbrief kan alleen als het besluit over deze kandidaat “afgewezen” is."),
            code="not_rejected",
        )


@transaction.atomic
def letter_save(
    *, candidate: Candidate, user: AbstractBaseUser, body: str, revision: int | None = None
) -> RejectionLetter:
    """HR's edit of the letter (autosave); a stale edit is refused with the newer text."""
    _require_rejected(candidate)
    letter = RejectionLetter.objects.select_for_update().filter(candidate=candidate).first()
    if letter is not None and letter.sent_at:
        raise ValidationError(_("Deze brief is al verstuurd en kan niet meer veranderen."), code="sent")
    body = (body or "").strip()
    revisions.revision_check(
        instance=letter,
        seen=revision,
        unchanged=letter is not None and letter.body == body,
        current=letter.body if letter else "",
    )
    letter = letter or RejectionLetter(candidate=candidate)
    if letter.pk and letter.body == body:
        return letter
    letter.body = body
    letter.full_clean(exclude=["candidate"])
    revisions.revision_bump(letter)
    revisions.save_new_or_refuse(letter, lookup={"candidate": candidate}, shown="body")
    return letter


@transaction.atomic
def letter_send(*, candidate: Candidate, user: AbstractBaseUser) -> RejectionLetter:
    """Send the letter as HR edited it, through the e-mail queue; refused while it names anyone it must not."""
    _require_rejected(candidate)
    letter = RejectionLetter.objects.select_for_update().filter(candidate=candidate).first()
    if letter is None:
        raise ValidationError(_("Sla de brief eerst op."), code="no_letter")
    if letter.sent_at:
        raise ValidationError(
            _("Deze brief is al verstuurd op %(date)s.")
            % {"date": timezone.localtime(letter.sent_at).strftime("%d-%m-%Y")},
            code="sent",
        )
    personal = getattr(candidate, "personal_data", None)
    if personal is None or not personal.email:
        raise ValidationError(_("Van deze kandidaat is geen e-mailadres bekend."), code="no_email")
    problems = letter_problems(candidate=candidate, body=letter.body)
    if problems:
        raise ValidationError(problems, code="names_in_letter")
    procedure = candidate.procedure
    notifications.rejection_letter(
        to_name=personal.name,
        to_email=personal.email,
        organisation=str(procedure.organisation),
        organisation_id=procedure.organisation_id,
        procedure_name=procedure.name,
        body=letter.body,
    )
    letter.sent_at, letter.sent_by = timezone.now(), user
    letter.save(update_fields=["sent_at", "sent_by", "updated_at"])
    audit.record(user, letter, "letter.sent", within=candidate, code=candidate.code)
    return letter
