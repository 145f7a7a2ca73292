"""A framework's lineage for self-evaluation: library → own copy → its versions count as one line.

Rounds on one lineage are comparable (growth chart, per-profile history, what changed) and only one
of them is open at a time per organisation.
"""

from frameworks.models import Framework


def lineage_root_id(framework: Framework) -> int:
    """The framework every version and copy in this line descends from (one small query per step)."""
    seen: set[int] = set()
    current = framework
    while current.pk not in seen:
        seen.add(current.pk)
        if current.first_version_id and current.first_version_id != current.pk:
            next_id = current.first_version_id
        elif current.based_on_id:
            next_id = current.based_on_id
        else:
            return current.pk
        found = Framework.objects.filter(pk=next_id).only("pk", "first_version_id", "based_on_id").first()
        if found is None:
            return current.pk
        current = found
    return current.pk
