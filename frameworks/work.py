"""Reads for the "Mijn werk" home page: frameworks that wait for this user (fixed query counts)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from .models import Framework, Reviewer


def drafts_of_author(*, user: AbstractBaseUser) -> QuerySet[Framework]:
    """Unpublished frameworks the user may write, with their open review comments (1 query)."""
    return (
        Framework.objects.drafts_of_author(user)
        .annotate(open_comments=Count("review_comments", filter=Q(review_comments__resolved_at__isnull=True)))
        .order_by("-open_comments", "name", "pk")
    )


def review_requests(*, user: AbstractBaseUser) -> QuerySet[Reviewer]:
    """Unpublished frameworks the user was asked to comment on (1 query)."""
    return (
        Reviewer.objects.filter(user=user, framework__in=Framework.objects.drafts())
        .select_related("framework", "invited_by")
        .order_by("-invited_at")
    )
