"""A new, empty database for a migration test: an installation that stood at an old version.

A migration test used to take the shared test database backwards to the old version and then
forwards again. Going back costs Django about as much as going forward twice (it renders the state
of every migration it unapplies), and the transactional test's flush comes on top. On an empty
database of its own the test migrates forwards only: to the old version, where it writes the old
rows, and on to the newest. The shared test database is not touched.
"""

import contextlib
import os
import tempfile
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection


@contextlib.contextmanager
def fresh_database():
    """Point the default connection at a new, empty database while the block runs; drop it afterwards.

    Needs a transactional test (`django_db(transaction=True)`): the connection is closed and
    reopened, which an open test transaction would not survive."""
    settings = connection.settings_dict
    original = settings["NAME"]
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        name = f"{original}_fresh_{uuid.uuid4().hex[:8]}"
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        handle, name = tempfile.mkstemp(prefix="competentie-fresh-", suffix=".sqlite3")
        os.close(handle)
    connection.close()
    settings["NAME"] = name
    ContentType.objects.clear_cache()  # its ids belong to the shared database
    try:
        yield
    finally:
        connection.close()
        settings["NAME"] = original
        ContentType.objects.clear_cache()
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        else:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.remove(name + suffix)
