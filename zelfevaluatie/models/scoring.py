from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class Rating(models.Model):
    """One participant's own holistic score of one profile, with the justification."""

    participant = models.ForeignKey(
        "zelfevaluatie.Participant", verbose_name=_("deelnemer"), on_delete=models.CASCADE, related_name="ratings"
    )
    profile = models.ForeignKey(
        "frameworks.Profile", verbose_name=_("profiel"), on_delete=models.PROTECT, related_name="+"
    )
    score = models.SmallIntegerField(_("score"), null=True, blank=True)
    justification = models.TextField(
        _("toelichting"), blank=True, help_text=_("Hoe kom je tot deze score? Welke onderdelen voldoen wel/niet?")
    )
    submitted_at = models.DateTimeField(
        _("ingeleverd op"),
        null=True,
        blank=True,
        help_text=_("Na het inleveren ziet de deelnemer de scores van collega's voor dit profiel."),
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("individuele score")
        verbose_name_plural = _("individuele scores")
        ordering = ["participant_id", "profile_id"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "profile"], name="unique_rating_per_participant_profile"),
        ]

    def __str__(self):
        return f"{self.participant} – {self.profile}: {self.score}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Answer(Revisioned):
    """Notes on a guiding question.

    Step-1 hulpvragen are answered per participant and per profile; the step-3 conclusion
    questions are answered once by the team (no participant, no profile).
    """

    round = models.ForeignKey("zelfevaluatie.EvaluationRound", on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        "frameworks.GuidingQuestion", verbose_name=_("hulpvraag"), on_delete=models.PROTECT, related_name="+"
    )
    participant = models.ForeignKey(
        "zelfevaluatie.Participant",
        verbose_name=_("deelnemer"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
    )
    profile = models.ForeignKey(
        "frameworks.Profile",
        verbose_name=_("profiel"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("aantekeningen"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gewijzigd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("antwoord op hulpvraag")
        verbose_name_plural = _("antwoorden op hulpvragen")
        ordering = ["round_id", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "question", "participant", "profile"],
                condition=Q(participant__isnull=False, profile__isnull=False),
                name="unique_answer_per_participant_profile",
            ),
            models.UniqueConstraint(
                fields=["round", "question"],
                condition=Q(participant__isnull=True, profile__isnull=True),
                name="unique_team_answer_per_question",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class ProfileConclusion(Revisioned):
    """The score the team agreed on for a profile, with its onderbouwing (meer-ogen-principe)."""

    round = models.ForeignKey("zelfevaluatie.EvaluationRound", on_delete=models.CASCADE, related_name="conclusions")
    profile = models.ForeignKey(
        "frameworks.Profile", verbose_name=_("profiel"), on_delete=models.PROTECT, related_name="+"
    )
    agreed_score = models.SmallIntegerField(_("afgesproken score"))
    justification = models.TextField(_("onderbouwing"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("afgesproken score")
        verbose_name_plural = _("afgesproken scores")
        ordering = ["round_id", "profile_id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "profile"], name="unique_conclusion_per_round_profile"),
        ]

    def __str__(self):
        return f"{self.round} – {self.profile}: {self.agreed_score}"
