"""A selection procedure, its exercises, candidates and the selecteurs assigned to them."""

from datetime import date, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from competentie.fragments import FragmentOwner

#: A candidate's consent may keep personal data at most this long after the procedure closed.
MAX_RETENTION = timedelta(days=365)


class SelectionProcedure(FragmentOwner):
    class Status(models.TextChoices):
        PREPARATION = "voorbereiding", _("Voorbereiding")
        OPEN = "open", _("Open")
        SCORING = "scoren", _("Scoren")
        CALIBRATION = "kalibratie", _("Kalibratie")
        CLOSED = "afgerond", _("Afgerond")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="selection_procedures",
    )
    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("vacature of traineeship"), blank=True)
    profile = models.ForeignKey(
        "frameworks.Profile",
        verbose_name=_("competentieprofiel"),
        on_delete=models.PROTECT,
        related_name="selection_procedures",
    )
    scale = models.ForeignKey(
        "frameworks.RatingScale",
        verbose_name=_("beoordelingsschaal"),
        on_delete=models.PROTECT,
        related_name="selection_procedures",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARATION)
    preselection_date = models.DateField(_("datum voorselectie"), null=True, blank=True)
    selection_date = models.DateField(_("datum selectiedag"), null=True, blank=True)
    closed_on = models.DateField(_("afgerond op"), null=True, blank=True, editable=False)
    retention_weeks = models.PositiveSmallIntegerField(
        _("bewaartermijn (weken na afronding)"),
        default=4,
        validators=[MaxValueValidator(52)],
        help_text=_(
            "Persoonsgegevens worden zoveel weken na afronding verwijderd, tenzij de kandidaat "
            "toestemming gaf om ze langer (maximaal een jaar) te bewaren."
        ),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter van de kalibratie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "HR zit de kalibratie altijd voor. Kies hier een selecteur als HR dat aan een selecteur overlaat; "
            "die legt dan ook de consensus vast."
        ),
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("verschil dat besproken moet worden"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("Verschillen selecteurs zoveel punten of meer op een competentie, dan wordt dat gemarkeerd."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("selectieprocedure")
        verbose_name_plural = _("selectieprocedures")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_weeks__lte=52), name="selection_retention_at_most_a_year"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def is_scoring_open(self) -> bool:
        return self.status in {self.Status.OPEN, self.Status.SCORING}

    def retention_end(self) -> date | None:
        """The last day personal data may be kept without consent; None while the procedure runs."""
        if self.closed_on is None:
            return None
        return self.closed_on + timedelta(weeks=self.retention_weeks)

    def latest_consent_date(self) -> date:
        """Consent can extend retention up to one year after closing (or after today while running)."""
        return (self.closed_on or date.today()) + MAX_RETENTION


class Exercise(models.Model):
    class Kind(models.TextChoices):
        INTERVIEW = "interview", _("Interview")
        CASE = "casus", _("Casus")
        GROUP = "groepsopdracht", _("Groepsopdracht")
        ROLE_PLAY = "rollenspel", _("Rollenspel")
        PRESENTATION = "presentatie", _("Presentatie")
        CV = "cv", _("Cv en motivatiebrief")
        OTHER = "overig", _("Overig")

    class Phase(models.TextChoices):
        PRESELECTION = "voorselectie", _("Voorselectie")
        SELECTION_DAY = "selectiedag", _("Selectiedag")

    procedure = models.ForeignKey(SelectionProcedure, on_delete=models.CASCADE, related_name="exercises")
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.INTERVIEW)
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, default=Phase.SELECTION_DAY)
    instructions = models.TextField(_("instructie voor selecteurs"), blank=True)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    competencies = models.ManyToManyField(
        "frameworks.Competency",
        verbose_name=_("geobserveerde competenties"),
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("oefening")
        verbose_name_plural = _("oefeningen")
        ordering = ["procedure_id", "order", "pk"]

    def __str__(self):
        return self.name


class Candidate(models.Model):
    """A candidate as selecteurs know them: an anonymous code. Personal data lives apart."""

    procedure = models.ForeignKey(SelectionProcedure, on_delete=models.CASCADE, related_name="candidates")
    number = models.PositiveIntegerField(_("volgnummer"))
    code = models.CharField(_("code"), max_length=20)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    purged_at = models.DateTimeField(_("persoonsgegevens verwijderd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")
        ordering = ["procedure_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "code"], name="unique_candidate_code_per_procedure"),
            models.UniqueConstraint(fields=["procedure", "number"], name="unique_candidate_number_per_procedure"),
        ]

    def __str__(self):
        return self.code


class CandidatePersonalData(models.Model):
    """Name and contact details, shown to HR only and removed after the retention period."""

    candidate = models.OneToOneField(Candidate, on_delete=models.CASCADE, related_name="personal_data")
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    notes = models.TextField(_("notities"), blank=True)
    consent_until = models.DateField(
        _("toestemming bewaren tot"),
        null=True,
        blank=True,
        help_text=_(
            "Alleen invullen als de kandidaat toestemming gaf om gegevens langer te bewaren (maximaal "
            "een jaar na afronding)."
        ),
    )
    consent_note = models.CharField(
        _("hoe is de toestemming vastgelegd"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: e-mail van de kandidaat van 3 maart."),
    )
    consent_recorded_at = models.DateTimeField(_("toestemming vastgelegd op"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toestemming vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("persoonsgegevens van kandidaat")
        verbose_name_plural = _("persoonsgegevens van kandidaten")
        ordering = ["candidate_id"]

    def __str__(self):
        # Never the name or e-mail: this text ends up in the admin history, which outlives a purge.
        return gettext("%(code)s (persoonsgegevens)") % {"code": self.candidate.code}


class Assignment(models.Model):
    """A selecteur assesses one candidate in one exercise."""

    procedure = models.ForeignKey(SelectionProcedure, on_delete=models.CASCADE, related_name="assignments")
    selecteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("selecteur"),
        on_delete=models.PROTECT,
        related_name="selection_assignments",
    )
    candidate = models.ForeignKey(
        Candidate, verbose_name=_("kandidaat"), on_delete=models.CASCADE, related_name="assignments"
    )
    exercise = models.ForeignKey(
        Exercise, verbose_name=_("oefening"), on_delete=models.CASCADE, related_name="assignments"
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["procedure_id", "candidate_id", "exercise_id", "selecteur_id"]
        constraints = [
            models.UniqueConstraint(fields=["selecteur", "candidate", "exercise"], name="unique_assignment"),
        ]

    def __str__(self):
        return f"{self.selecteur} – {self.candidate} – {self.exercise}"
