"""The generated rounds are the same for the same seed.

In a module of its own: tests/zelfevaluatie/test_generate.py keeps one generation for all its tests,
and this test generates two in an empty database.
"""

from django.db import transaction

from zelfevaluatie.models import ProfileConclusion

from .test_generate import run, signature


def test_the_same_seed_gives_the_same_data(seeded):
    signatures = []
    for _attempt in range(2):
        with transaction.atomic():
            base, _summary, _manifest = run(seed=11)
            signatures.append(signature(base))
            transaction.set_rollback(True)
    assert signatures[0] == signatures[1]
    assert len(signatures[0]) == 8
    assert ProfileConclusion.objects.count() == 0  # both runs were rolled back
