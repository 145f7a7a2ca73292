"""The test run's own database machinery does what Django's would (tests/db/postgresql/base.py)."""

import pytest
from django.core.management import call_command
from django.db import connection

from competentie.organisations.models import Membership

from .factories import make_user


@pytest.mark.django_db(transaction=True)
def test_the_flush_between_transactional_tests_leaves_every_table_empty(org_a):
    make_user("hr_flush", organisation=org_a, role=Membership.Role.HR)
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    tables = [table for table in connection.introspection.django_table_names(include_views=False)]
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    assert len(tables) > 50
    assert {table: count for table, count in counts.items() if count} == {}
