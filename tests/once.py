"""Data built once for all the tests of a module, as Django's TestCase.setUpTestData does.

The data is written inside one transaction that stays open while the module's tests run; each
test's own transaction (pytest-django's `db`) nests in it as a savepoint and is rolled back as
usual, so a test still cannot see what another test wrote. After the module's last test the outer
transaction is rolled back too. Only for tests that use `db`, never `transactional_db`.
"""

from contextlib import contextmanager

from django.db import transaction

from frameworks.seeding import seed_libraries_load
from ontwikkeling.guide import guide_texts_load
from ontwikkeling.models import GuideText


@contextmanager
def built_once(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        # The seeded libraries, as the `seeded` fixture gives them (after a transactional test's flush).
        seed_libraries_load()
        if not GuideText.objects.exists():
            guide_texts_load()
        try:
            yield
        finally:
            transaction.set_rollback(True)
