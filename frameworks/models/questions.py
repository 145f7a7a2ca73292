from django.db import models
from django.utils.translation import gettext_lazy as _


class GuidingQuestionSet(models.Model):
    """An ordered set of questions, such as the VTH hulpvragen for one step of the self-evaluation."""

    class Purpose(models.TextChoices):
        SCORE_FORM = "score_form", _("Scoreformulier")
        SELF_EVALUATION = "self_evaluation", _("Zelfevaluatie")
        PEER_REVIEW = "peer_review", _("Collegiale toetsing")
        CONCLUSIONS = "conclusions", _("Conclusies en actieplan")
        OTHER = "other", _("Overig")

    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="question_sets",
    )
    name = models.CharField(_("naam"), max_length=200)
    purpose = models.CharField(_("doel"), max_length=20, choices=Purpose.choices, default=Purpose.OTHER)
    description = models.TextField(_("toelichting"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("set hulpvragen")
        verbose_name_plural = _("sets hulpvragen")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class GuidingQuestion(models.Model):
    question_set = models.ForeignKey(GuidingQuestionSet, on_delete=models.CASCADE, related_name="questions")
    section = models.CharField(_("onderdeel"), max_length=200, blank=True)
    text = models.TextField(_("vraag"))
    help_text = models.TextField(_("toelichting"), blank=True)
    profile = models.ForeignKey(
        "frameworks.Profile",
        verbose_name=_("profiel"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="guiding_questions",
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        ordering = ["question_set_id", "order", "pk"]

    def __str__(self):
        return self.text[:80]
