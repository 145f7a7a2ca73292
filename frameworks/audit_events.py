"""What the frameworks app writes to the audit log, in words (rendered when read)."""

from django.utils.translation import gettext_lazy as _

from competentie import audit


def _imported(params: dict) -> str:
    if params.get("filename"):
        return _("Framework geïmporteerd uit %(source)s “%(filename)s”.") % params
    return _("Framework geïmporteerd uit %(source)s.") % params


audit.register(
    {
        "framework.scale_choose": _("Beoordelingsschaal gekozen: %(name)s."),
        "framework.question_set_save": _("Set hulpvragen “%(name)s” opgeslagen."),
        "framework.question_save": _("Hulpvraag in “%(set)s” opgeslagen: %(text)s"),
        "framework.create": _("Framework “%(name)s” aangemaakt."),
        "framework.update": _("Gegevens van het framework gewijzigd: %(fields)s."),
        "framework.import": _imported,
        "framework.derive": _("Aangemaakt met %(origin)s als vertrekpunt."),
        "framework.step_done": _("%(step)s afgevinkt."),
        "framework.step_update": _("%(step)s bijgewerkt (nog niet af)."),
        "framework.publish": _("Versie %(version)s vastgesteld en gepubliceerd."),
        "framework.archive": _("Gearchiveerd: versie %(version)s is vastgesteld."),
        "framework.new_version": _("Versie %(version)s gemaakt als concept op basis van vastgestelde versie %(old)s."),
        "framework.cluster_create": _("Cluster “%(name)s” toegevoegd."),
        "framework.cluster_update": _("Cluster “%(old)s” gewijzigd in “%(name)s”."),
        "framework.cluster_delete": _("Cluster “%(name)s” verwijderd; de competenties blijven."),
        "framework.level_create": _("Niveau “%(name)s” toegevoegd."),
        "framework.level_update": _("Niveau “%(old)s” gewijzigd in “%(name)s”."),
        "framework.level_move": _("Volgorde van niveau “%(name)s” gewijzigd."),
        "framework.level_delete": _("Niveau “%(name)s” verwijderd."),
        "framework.competency_create": _("Competentie “%(name)s” toegevoegd."),
        "framework.competency_update": _("Competentie “%(name)s” gewijzigd."),
        "framework.competency_pick": _("Competentie “%(name)s” overgenomen uit %(origin)s."),
        "framework.competency_move": _("Volgorde van competentie “%(name)s” gewijzigd."),
        "framework.competency_delete": _("Competentie “%(name)s” verwijderd."),
        "framework.indicator_create": _("Gedragsindicator toegevoegd bij %(owner)s: “%(text)s”."),
        "framework.indicator_update": _("Gedragsindicator bij %(owner)s gewijzigd van “%(old)s” in “%(text)s”."),
        "framework.indicator_move": _("Volgorde van gedragsindicatoren bij %(owner)s gewijzigd."),
        "framework.indicator_delete": _("Gedragsindicator bij %(owner)s verwijderd: “%(text)s”."),
        "framework.profile_create": _("Profiel “%(name)s” toegevoegd."),
        "framework.profile_update": _("Profiel “%(name)s” gewijzigd."),
        "framework.profile_delete": _("Profiel “%(name)s” verwijderd (met zijn hoofdtaken)."),
        "framework.profile_competency_add": _("Competentie “%(competency)s” toegevoegd aan profiel “%(profile)s”."),
        "framework.profile_competency_update": _(
            "Vereist niveau of toelichting van “%(competency)s” in profiel “%(profile)s” gewijzigd."
        ),
        "framework.profile_competency_move": _("Volgorde van de competenties in profiel “%(profile)s” gewijzigd."),
        "framework.profile_competency_remove": _("Competentie “%(competency)s” uit profiel “%(profile)s” gehaald."),
        "framework.reviewer_invite": _("%(name)s uitgenodigd om mee te lezen."),
        "framework.comment_add": _("Opmerking van een meelezer geplaatst bij %(subject)s."),
        "framework.subscription_create": _("Abonnement genomen op “%(source)s” (versie %(version)s)."),
        "framework.subscription_adopt": _(
            "Versie %(version)s van “%(source)s” overgenomen: %(added)s toegevoegd, %(removed)s verwijderd, "
            "%(reworded)s gewijzigd, %(kept)s eigen wijzigingen behouden."
        ),
        "framework.share": _("“%(name)s” gedeeld: andere organisaties kunnen zich erop abonneren."),
        "framework.unshare": _("“%(name)s” wordt niet meer gedeeld."),
        "framework.comment_resolve": _("Opmerking van een meelezer afgehandeld: “%(text)s”."),
    }
)
