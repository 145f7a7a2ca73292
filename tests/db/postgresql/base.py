"""PostgreSQL for the test run: Django's backend, with a flush that empties tables by DELETE.

After every transactional test (the browser journeys and the live-server tests) Django flushes
the whole database. Its PostgreSQL flush is one TRUNCATE of all tables, which gives each of the
~85 tables, their indexes and TOAST tables a new file on disk: measured 1.8–2.6 s per flush on
the CI machine, against 0.1 s for a DELETE of every table (the tables of a test hold a few rows).
The outcome is the same: every table empty, sequences untouched (Django's TRUNCATE does not
restart them either). Foreign keys are DEFERRABLE INITIALLY DEFERRED in Django's schema, so the
order of the deletes does not matter within the flush's transaction.
"""

from django.db.backends.postgresql import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            # A partial flush must cascade to tables outside it, and a sequence reset is
            # TRUNCATE's job: Django's own statement for both.
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables
        ]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
