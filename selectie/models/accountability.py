"""What makes a selection defensible afterwards: frozen criteria, practice before scoring, the
letter to a rejected candidate and voluntary fairness monitoring (issue 28)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from competentie.revisions import Revisioned


class CriteriaVersion(models.Model):
    """The criteria of a procedure (profile, scale, exercises and what each observes), frozen from
    the first saved score. A change after that opens a new version with a written reason; every
    score keeps the version it was given under."""

    procedure = models.ForeignKey(
        "selectie.SelectionProcedure", on_delete=models.CASCADE, related_name="criteria_versions"
    )
    number = models.PositiveSmallIntegerField(_("versie"))
    reason = models.TextField(_("reden van de nieuwe versie"), blank=True)
    snapshot = models.JSONField(_("criteria"), default=dict, blank=True)
    frozen_at = models.DateTimeField(_("vastgelegd op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("versie van de criteria")
        verbose_name_plural = _("versies van de criteria")
        ordering = ["procedure_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"], name="unique_criteria_version"),
        ]

    def __str__(self):
        return f"{self.procedure_id} v{self.number}"


class PracticeCase(models.Model):
    """What a candidate did in an exercise (made up or anonymised), with an expert's scores: a
    selecteur rates it before the selection day and compares (frame-of-reference practice)."""

    procedure = models.ForeignKey(
        "selectie.SelectionProcedure", on_delete=models.CASCADE, related_name="practice_cases"
    )
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("wat de kandidaat deed"))
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("oefencasus")
        verbose_name_plural = _("oefencasussen")
        ordering = ["procedure_id", "order", "pk"]

    def __str__(self):
        return self.title


class PracticeExpertScore(models.Model):
    case = models.ForeignKey(PracticeCase, on_delete=models.CASCADE, related_name="expert_scores")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("score van de expert"))
    indicators = models.ManyToManyField(
        "frameworks.BehaviouralIndicator", verbose_name=_("gedrag dat de expert zag"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("score van de expert")
        verbose_name_plural = _("scores van de expert")
        ordering = ["case_id", "competency_id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "competency"], name="unique_expert_score"),
        ]

    def __str__(self):
        return f"{self.case}: {self.competency} = {self.value}"


class PracticeAttempt(models.Model):
    """One selecteur's practice on one case. Never a Score: it reaches no calibration, insight or decision."""

    case = models.ForeignKey(PracticeCase, on_delete=models.CASCADE, related_name="attempts")
    selecteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("selecteur"), on_delete=models.CASCADE, related_name="+"
    )
    submitted_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    created_at = models.DateTimeField(_("begonnen"), auto_now_add=True)

    class Meta:
        verbose_name = _("oefening van een selecteur")
        verbose_name_plural = _("oefeningen van selecteurs")
        ordering = ["case_id", "selecteur_id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "selecteur"], name="unique_practice_attempt"),
        ]

    def __str__(self):
        return f"{self.case} – {self.selecteur_id}"


class PracticeRating(models.Model):
    attempt = models.ForeignKey(PracticeAttempt, on_delete=models.CASCADE, related_name="ratings")
    competency = models.ForeignKey(
        "frameworks.Competency", verbose_name=_("competentie"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.SmallIntegerField(_("score"))
    observed_indicators = models.ManyToManyField(
        "frameworks.BehaviouralIndicator", verbose_name=_("waargenomen gedrag"), blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("oefenscore")
        verbose_name_plural = _("oefenscores")
        ordering = ["attempt_id", "competency_id"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "competency"], name="unique_practice_rating"),
        ]

    def __str__(self):
        return f"{self.attempt}: {self.competency} = {self.value}"


class RejectionLetter(Revisioned):
    """The letter to a rejected candidate: drafted from the consensus, edited by HR, sent through
    the e-mail queue. Personal: it goes when the candidate's personal data goes."""

    candidate = models.OneToOneField("selectie.Candidate", on_delete=models.CASCADE, related_name="rejection_letter")
    body = models.TextField(_("tekst van de brief"))
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("afwijzingsbrief")
        verbose_name_plural = _("afwijzingsbrieven")
        ordering = ["candidate_id"]

    def __str__(self):
        return f"{self.candidate} ({_('afwijzingsbrief')})"


class FairnessSetup(models.Model):
    """Which characteristics an organisation asks candidates about, from the fixed list in selectie.fairness."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="fairness_setup"
    )
    characteristics = models.JSONField(_("kenmerken"), default=list, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("instelling gelijke kansen")
        verbose_name_plural = _("instellingen gelijke kansen")

    def __str__(self):
        return str(self.organisation)


class FairnessInvitation(models.Model):
    """The link a candidate gets to state characteristics, voluntarily. Only a hash of the token is kept."""

    candidate = models.OneToOneField("selectie.Candidate", on_delete=models.CASCADE, related_name="fairness_invitation")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField(_("verstuurd op"), auto_now_add=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging gelijke kansen")
        verbose_name_plural = _("uitnodigingen gelijke kansen")
        ordering = ["candidate_id"]

    def __str__(self):
        return str(self.candidate)


class FairnessAnswer(models.Model):
    """One characteristic a candidate chose to state. Kept apart from the candidate record, shown to
    nobody per person (only counts of groups of 5 or more), removed when the candidate is purged."""

    candidate = models.ForeignKey("selectie.Candidate", on_delete=models.CASCADE, related_name="fairness_answers")
    characteristic = models.CharField(_("kenmerk"), max_length=40)
    answer = models.CharField(_("antwoord"), max_length=40)

    class Meta:
        verbose_name = _("antwoord gelijke kansen")
        verbose_name_plural = _("antwoorden gelijke kansen")
        ordering = ["candidate_id", "characteristic"]
        constraints = [
            models.UniqueConstraint(fields=["candidate", "characteristic"], name="unique_fairness_answer"),
        ]

    def __str__(self):
        return self.characteristic  # never the answer: it would show in logs
