"""The read API of the shared model: what "visible", "frozen", "library" and "evaluable" mean.

Each rule is written once here, as a chainable QuerySet method, and every app reads through it:

    Framework.objects.visible_to(user).frozen()
    Profile.objects.visible_to(user).frozen().exclude_dictionaries()
    Competency.objects.readable_in(organisation)

No module outside this one filters frameworks, profiles, competencies or scales by organisation
by hand; ``tests/test_read_api.py`` scans the source and fails when one does.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.db.models import Exists, OuterRef, Q

from competentie.organisations.access import Role, organisation_ids


class FrameworkQuerySet(models.QuerySet):
    def libraries(self):
        """Seeded libraries (PiCompany, Divosa, VTH): no owner, readable by everyone, never changed."""
        return self.filter(organisation__isnull=True)

    def visible_to(self, user: AbstractBaseUser):
        """Libraries and the frameworks of the user's organisations."""
        return self.filter(Q(organisation__isnull=True) | Q(organisation__in=organisation_ids(user)))

    def readable_in(self, organisation):
        """What members of one organisation may read: libraries and that organisation's frameworks."""
        organisation_id = getattr(organisation, "pk", organisation)
        return self.filter(Q(organisation__isnull=True) | Q(organisation=organisation_id))

    def frozen(self):
        """Versions that never change again (the query twin of ``Framework.is_frozen``)."""
        return self.filter(Q(organisation__isnull=True) | Q(published_at__isnull=False))

    def published(self):
        return self.filter(published_at__isnull=False)

    def owned_by(self, organisation_ids):
        """The frameworks of these organisations (an access module's ids), libraries not included."""
        return self.filter(organisation__in=organisation_ids)

    def shared(self):
        """Published versions of frameworks their organisation shares for subscription (FrameworkShare)."""
        return self.published().filter(
            Q(first_version__isnull=True, share__isnull=False) | Q(first_version__share__isnull=False)
        )

    def open_to_all(self):
        """What anyone may read, also another organisation or a CASE reader elsewhere: libraries and shared versions."""
        return self.filter(Q(organisation__isnull=True) | Q(pk__in=self.model.objects.shared().values("pk")))

    def drafts(self):
        """Versions that can still change: an organisation's unpublished frameworks."""
        return self.filter(organisation__isnull=False, published_at__isnull=True)

    def drafts_of_author(self, user: AbstractBaseUser):
        """Drafts in the organisations where the user writes frameworks (HR)."""
        return self.drafts().filter(organisation__in=organisation_ids(user, Role.HR))

    def dictionaries(self):
        return self.filter(is_dictionary=True)

    def versions_of(self, framework):
        """All versions of the same framework (they share the first version)."""
        return self.filter(Q(pk=framework.lineage_id) | Q(first_version_id=framework.lineage_id))

    def evaluable(self):
        """Frozen frameworks a management team can evaluate itself against.

        A property of the framework, not of its name: it has role profiles, a rating scale and a
        set of guiding questions for the self-evaluation.
        """
        from .profiles import Profile
        from .questions import GuidingQuestionSet
        from .scales import RatingScale

        return self.frozen().filter(
            Exists(Profile.objects.filter(framework=OuterRef("pk"), parent__isnull=True)),
            Exists(RatingScale.objects.filter(framework=OuterRef("pk"))),
            Exists(
                GuidingQuestionSet.objects.filter(
                    framework=OuterRef("pk"), purpose=GuidingQuestionSet.Purpose.SELF_EVALUATION
                )
            ),
        )


class FrameworkPartQuerySet(models.QuerySet):
    """Rows that belong to a framework; visibility and freezing follow the framework's.

    ``framework_path`` is the lookup from the row to its framework.
    """

    framework_path = "framework"

    def _frameworks(self):
        from .frameworks import Framework

        return Framework.objects.all()

    def _in(self, frameworks):
        return self.filter(**{f"{self.framework_path}__in": frameworks})

    def visible_to(self, user: AbstractBaseUser):
        return self._in(self._frameworks().visible_to(user))

    def readable_in(self, organisation):
        return self._in(self._frameworks().readable_in(organisation))

    def libraries(self):
        return self._in(self._frameworks().libraries())

    def frozen(self):
        return self._in(self._frameworks().frozen())

    def dictionaries(self):
        return self._in(self._frameworks().dictionaries())

    def exclude_dictionaries(self):
        return self.filter(**{f"{self.framework_path}__is_dictionary": False})


class ProfileCompetencyQuerySet(FrameworkPartQuerySet):
    framework_path = "profile__framework"


class RatingScaleQuerySet(models.QuerySet):
    def libraries(self):
        """Public scales, readable by everyone."""
        return self.filter(organisation__isnull=True)

    def visible_to(self, user: AbstractBaseUser):
        return self.filter(Q(organisation__isnull=True) | Q(organisation__in=organisation_ids(user)))

    def readable_in(self, organisation):
        organisation_id = getattr(organisation, "pk", organisation)
        return self.filter(Q(organisation__isnull=True) | Q(organisation=organisation_id))

    def of_framework(self, framework):
        """The scale a framework brings along (the VTH 1–5 beoordelingsschaal), first one wins."""
        return self.filter(framework=framework).order_by("pk")
