"""Criteria frozen from the first saved score (issue 28, point 2).

The criteria of a procedure are its profile (version), its scale, its exercises and which
competencies each observes. The first score saved freezes the current version: its snapshot is
written and the audit log says so. From then on every change is refused unless HR opens a new
version with a written reason; the scores given so far keep pointing at the version they were
given under, whose snapshot stays as it was.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit

from .. import selectors
from ..models import CriteriaVersion, SelectionProcedure

Status = SelectionProcedure.Status


def criteria_snapshot(*, procedure: SelectionProcedure) -> dict:
    """What the criteria are right now, as plain data for the version and the dossier."""
    profile = procedure.profile
    competencies = selectors.procedure_competencies(procedure=procedure)
    return {
        "profile": {
            "id": profile.pk,
            "name": f"{profile.parent.name} – {profile.name}" if profile.parent_id else profile.name,
            "framework": profile.framework.name,
            "framework_version": profile.framework.version,
        },
        "scale": {
            "id": procedure.scale_id,
            "name": procedure.scale.name,
            "points": [[p.value, p.label] for p in procedure.scale.points.order_by("value")],
        },
        "competencies": [{"id": c.pk, "name": c.name} for c in competencies],
        "exercises": [
            {
                "id": e.pk,
                "name": e.name,
                "kind": e.get_kind_display(),
                "phase": e.get_phase_display(),
                "competencies": [{"id": c.pk, "name": c.name} for c in e.competencies.all()],
            }
            for e in selectors.exercises_with_competencies(procedure=procedure)
        ],
    }


def criteria_version_current(*, procedure: SelectionProcedure) -> CriteriaVersion:
    """The version scores are given under now; version 1 is made on first use."""
    version = procedure.criteria_versions.order_by("-number").first()
    if version is None:
        version, _created = CriteriaVersion.objects.get_or_create(procedure=procedure, number=1)
    return version


def _refuse_frozen(version: CriteriaVersion) -> ValidationError:
    return ValidationError(
        _(
            "De criteria liggen vast sinds de eerste score (versie %(number)s, %(date)s). Wilt u toch iets "
            "wijzigen? Maak dan eerst een nieuwe versie van de criteria en schrijf op waarom."
        )
        % {"number": version.number, "date": timezone.localtime(version.frozen_at).strftime("%d-%m-%Y %H:%M")},
        code="criteria_frozen",
    )


def require_criteria_open(
    *, procedure: SelectionProcedure, user: AbstractBaseUser | None = None, change: str = ""
) -> CriteriaVersion:
    """Refuse a change of criteria after the first score; under a new version, record it."""
    version = criteria_version_current(procedure=procedure)
    if version.frozen_at is not None:
        raise _refuse_frozen(version)
    if change and version.number > 1:
        audit.record(user, version, "criteria.changed", within=procedure, number=version.number, change=change)
    return version


def criteria_freeze(*, procedure: SelectionProcedure, version: CriteriaVersion, user: AbstractBaseUser) -> None:
    """The first score under a version: write down the criteria as they are and lock them."""
    updated = CriteriaVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(
        frozen_at=timezone.now(), snapshot=criteria_snapshot(procedure=procedure)
    )
    if updated:
        audit.record(user, version, "criteria.frozen", within=procedure, number=version.number)


@transaction.atomic
def criteria_version_create(*, procedure: SelectionProcedure, user: AbstractBaseUser, reason: str) -> CriteriaVersion:
    """Open a new version of the criteria, with a written reason; earlier scores keep their version."""
    procedure = SelectionProcedure.objects.select_for_update().get(pk=procedure.pk)
    if procedure.is_closed:
        raise ValidationError(_("Deze procedure is afgerond; de criteria liggen vast."), code="closed")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Schrijf op waarom de criteria veranderen. De reden komt in het logboek en in de verantwoording."),
            code="reason_required",
        )
    current = criteria_version_current(procedure=procedure)
    if current.frozen_at is None and procedure.status == Status.PREPARATION:
        raise ValidationError(
            _("Er is nog niet gescoord: u kunt de criteria gewoon wijzigen, zonder nieuwe versie."),
            code="not_frozen",
        )
    if current.frozen_at is None and current.number > 1:
        raise ValidationError(
            _("Versie %(number)s is nog niet in gebruik: wijzig de criteria daarin.") % {"number": current.number},
            code="not_frozen",
        )
    version = CriteriaVersion(procedure=procedure, number=current.number + 1, reason=reason, created_by=user)
    version.full_clean()
    version.save()
    audit.record(user, version, "criteria.versioned", within=procedure, number=version.number, reason=reason)
    return version


def profile_and_scale_open(*, procedure: SelectionProcedure) -> bool:
    """Profile and scale may change in preparation before any score, or under a new, unused version."""
    version = criteria_version_current(procedure=procedure)
    if version.frozen_at is not None:
        return False
    return procedure.status == Status.PREPARATION or version.number > 1
