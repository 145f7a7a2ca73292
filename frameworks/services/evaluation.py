"""The rating scale and the guiding-question sets of a framework version.

They belong to the version: a copy ("vertrekpunt", "nieuwe versie") carries them (copying.py), and
an author changes them only while the version is a draft. A published version is what a
self-evaluation round rests on.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.utils.translation import gettext as _

from competentie import audit

from ..models import Framework, GuidingQuestion, GuidingQuestionSet, RatingScale, ScalePoint
from ._common import ensure_can_change

OWN_SCALE_SIZES = range(2, 11)


def _drop_scales(framework: Framework) -> None:
    for scale in RatingScale.objects.filter(framework=framework):
        try:
            with transaction.atomic():
                scale.delete()
        except ProtectedError:  # something already rests on it: keep it, but not as this framework's scale
            RatingScale.objects.filter(pk=scale.pk).update(framework=None)


@transaction.atomic
def framework_scale_choose(
    *, framework: Framework, user: AbstractBaseUser, source: RatingScale | None = None, points: int | None = None
) -> RatingScale:
    """Give the draft a copy of a readable scale (VTH 1–5, Divosa 1–6, …) or a new own scale of `points` points."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if source is None and points not in OWN_SCALE_SIZES:
        raise ValidationError(_("Kies een schaal, of een eigen schaal van 2 tot 10 punten."), code="scale_choice")
    if source is not None and source.organisation_id not in (None, framework.organisation_id):
        raise ValidationError(_("Deze schaal hoort bij een andere organisatie."), code="other_organisation")
    _drop_scales(framework)
    if source is not None:
        scale = RatingScale.objects.create(
            framework=framework, organisation=framework.organisation, name=source.name, description=source.description
        )
        ScalePoint.objects.bulk_create(
            ScalePoint(scale=scale, value=p.value, label=p.label, label_en=p.label_en, description=p.description)
            for p in source.points.order_by("value")
        )
    else:
        scale = RatingScale.objects.create(
            framework=framework,
            organisation=framework.organisation,
            name=_("Eigen schaal (1–%(points)s)") % {"points": points},
        )
        ScalePoint.objects.bulk_create(ScalePoint(scale=scale, value=value) for value in range(1, points + 1))
    audit.record(user, framework, "framework.scale_choose", name=scale.name)
    return scale


@transaction.atomic
def scale_points_update(*, framework: Framework, user: AbstractBaseUser, points: dict[int, tuple[str, str]]) -> None:
    """Name and describe the points of the draft's scale: {point pk: (label, description)}."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    rows = {p.pk: p for p in ScalePoint.objects.filter(scale__framework=framework, pk__in=list(points))}
    if set(rows) != set(points):
        raise ValidationError(_("Dit schaalpunt hoort niet bij dit framework."), code="not_in_framework")
    for pk, (label, description) in points.items():
        row = rows[pk]
        row.label, row.description = label.strip(), description.strip()
        row.full_clean()
        row.save()


@transaction.atomic
def question_set_save(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    name: str,
    purpose: str,
    description: str = "",
    question_set: GuidingQuestionSet | None = None,
) -> GuidingQuestionSet:
    """Add or edit a set of guiding questions with its step (zelfevaluatie, collegiale toetsing, conclusies)."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if question_set is None:
        last = GuidingQuestionSet.objects.filter(framework=framework).order_by("-order").first()
        question_set = GuidingQuestionSet(framework=framework, order=(last.order + 1) if last else 1)
    elif question_set.framework_id != framework.pk:
        raise ValidationError(_("Deze set hoort niet bij dit framework."), code="not_in_framework")
    question_set.name = name.strip()
    question_set.purpose = purpose
    question_set.description = description.strip()
    question_set.full_clean()
    question_set.save()
    audit.record(user, framework, "framework.question_set_save", name=question_set.name)
    return question_set


@transaction.atomic
def question_set_delete(*, question_set: GuidingQuestionSet, user: AbstractBaseUser) -> None:
    ensure_can_change(user=user, framework_id=question_set.framework_id)
    try:
        question_set.delete()
    except ProtectedError:
        raise ValidationError(
            _("Er zijn al antwoorden op deze hulpvragen; de set blijft bestaan."), code="in_use"
        ) from None


@transaction.atomic
def question_save(
    *,
    question_set: GuidingQuestionSet,
    user: AbstractBaseUser,
    text: str,
    help_text: str = "",
    section: str = "",
    question: GuidingQuestion | None = None,
) -> GuidingQuestion:
    ensure_can_change(user=user, framework_id=question_set.framework_id)
    if question is None:
        last = question_set.questions.order_by("-order").first()
        question = GuidingQuestion(question_set=question_set, order=(last.order + 1) if last else 1)
    elif question.question_set_id != question_set.pk:
        raise ValidationError(_("Deze vraag hoort niet bij deze set."), code="not_in_set")
    question.text = text.strip()
    question.help_text = help_text.strip()
    question.section = section.strip()
    question.full_clean()
    question.save()
    audit.record(
        user, question_set.framework, "framework.question_save", set=question_set.name, text=question.text[:80]
    )
    return question


@transaction.atomic
def question_delete(*, question: GuidingQuestion, user: AbstractBaseUser) -> None:
    ensure_can_change(user=user, framework_id=question.question_set.framework_id)
    try:
        question.delete()
    except ProtectedError:
        raise ValidationError(
            _("Er zijn al antwoorden op deze vraag; de vraag blijft bestaan."), code="in_use"
        ) from None
