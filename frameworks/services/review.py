"""Review (stap 4 of "Ontwikkel gedragsindicatoren": valideer): invite, comment, resolve."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from competentie import audit
from competentie.accounts.names import display_name
from competentie.notifications import events as notifications
from competentie.organisations.models import Membership

from .. import access
from ..models import BehaviouralIndicator, Competency, Framework, ReviewComment, Reviewer
from ._common import ensure_can_change, framework_lock


@transaction.atomic
def reviewer_invite(*, framework: Framework, user: AbstractBaseUser, reviewer: AbstractBaseUser) -> Reviewer:
    """Invite a colleague of the same organisation; a concept framework moves to "in review"."""
    framework = ensure_can_change(user=user, framework_id=framework.pk)
    if not Membership.objects.filter(user=reviewer, organisation_id=framework.organisation_id).exists():
        raise ValidationError(_("Alleen collega’s van %(org)s kunnen reviewer zijn.") % {"org": framework.organisation})
    if Reviewer.objects.filter(framework=framework, user=reviewer).exists():
        raise ValidationError(_("%(name)s is al uitgenodigd.") % {"name": display_name(reviewer)})
    invitation = Reviewer.objects.create(framework=framework, user=reviewer, invited_by=user)
    if framework.status == Framework.Status.CONCEPT:
        framework.status = Framework.Status.REVIEW
        framework.save(update_fields=["status", "updated_at"])
    audit.record(user, framework, "framework.reviewer_invite", name=display_name(reviewer))
    notifications.framework_reviewer_invited(reviewer=invitation)
    return invitation


@transaction.atomic
def review_comment_add(
    *,
    framework: Framework,
    user: AbstractBaseUser,
    text: str,
    competency: Competency | None = None,
    indicator: BehaviouralIndicator | None = None,
) -> ReviewComment:
    framework = framework_lock(framework_id=framework.pk)
    reviewer_ids = framework.reviewers.values_list("user_id", flat=True)
    if not access.can_comment_on_framework(user, framework, reviewer_ids):
        raise PermissionDenied
    if framework.published_at is not None:
        raise ValidationError(_("Deze versie is vastgesteld; opmerkingen horen bij een conceptversie."))
    if (competency is None) == (indicator is None):
        raise ValidationError(_("Kies een competentie of een gedragsindicator om op te reageren."))
    if competency is not None and competency.framework_id != framework.pk:
        raise ValidationError(_("Kies een competentie van dit framework."))
    if indicator is not None:
        owner = indicator.competency or indicator.profile_competency.competency
        if owner.framework_id != framework.pk:
            raise ValidationError(_("Kies een gedragsindicator van dit framework."))
    text = text.strip()
    if not text:
        raise ValidationError(_("Schrijf een opmerking."))
    comment = ReviewComment.objects.create(
        framework=framework, competency=competency, indicator=indicator, author=user, text=text
    )
    subject = competency.name if competency else f"“{indicator.text[:60]}”"
    audit.record(user, framework, "framework.comment_add", subject=subject)
    return comment


@transaction.atomic
def review_comment_resolve(*, comment: ReviewComment, user: AbstractBaseUser) -> ReviewComment:
    framework = framework_lock(framework_id=comment.framework_id)
    if not access.can_edit_framework(user, framework):
        raise PermissionDenied
    comment = ReviewComment.objects.select_for_update().get(pk=comment.pk)
    if comment.resolved_at is not None:
        return comment
    comment.resolved_at, comment.resolved_by = timezone.now(), user
    comment.save(update_fields=["resolved_at", "resolved_by"])
    audit.record(user, framework, "framework.comment_resolve", text=comment.text[:80])
    return comment


def review_carry_over(*, source: Framework, target: Framework, maps: dict[str, dict[int, int]]) -> int:
    """A new version inherits the reviewers and the open comments of the version it was copied from.

    Each open comment is re-attached to the copy of its competency or indicator, keeping its author,
    text and date; resolved comments stay with the version they belonged to. Returns how many
    comments came along.
    """
    Reviewer.objects.bulk_create(
        [Reviewer(framework=target, user_id=r.user_id, invited_by_id=r.invited_by_id) for r in source.reviewers.all()]
    )
    open_comments = list(ReviewComment.objects.filter(framework=source, resolved_at__isnull=True))
    copies = ReviewComment.objects.bulk_create(
        [
            ReviewComment(
                framework=target,
                competency_id=maps["competency"].get(comment.competency_id),
                indicator_id=maps["indicator"].get(comment.indicator_id),
                author_id=comment.author_id,
                text=comment.text,
            )
            for comment in open_comments
        ]
    )
    for comment, copy in zip(open_comments, copies):
        copy.created_at = comment.created_at
    ReviewComment.objects.bulk_update(copies, ["created_at"])
    return len(copies)
