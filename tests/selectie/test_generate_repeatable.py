"""The generated municipality's selectie part gives the same data for the same seed, and other data for another.

In a module of its own: tests/selectie/test_generate.py keeps one generated municipality for all its
tests, and this test generates three in an empty database.
"""

from django.db import transaction

from .test_generate import digest, run


def test_the_same_seed_gives_the_same_data(db):
    fingerprints = []
    for _run in range(2):
        with transaction.atomic():
            run(seed=7)
            fingerprints.append(digest())
            transaction.set_rollback(True)
    with transaction.atomic():
        run(seed=8)
        other = digest()
        transaction.set_rollback(True)
    assert fingerprints[0] == fingerprints[1]
    assert other != fingerprints[0]
