"""Query building blocks shared by every app's selectors."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def subquery_count(queryset: QuerySet, *, on: str, outer: str = "pk") -> Coalesce:
    """How many rows of `queryset` point at the outer row (`on` = outer `outer`), as a subquery.

    Two Count() annotations over different relations join both into one result and multiply
    its rows (20 frameworks × their profiles × their competencies = 60,000 rows to count 24);
    a correlated subquery per count stays proportional to what it counts.
    """
    counted = queryset.filter(**{on: OuterRef(outer)}).order_by().values(on).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
