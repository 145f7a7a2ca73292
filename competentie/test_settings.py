"""Test settings: the real settings with speed-ups that change no behaviour under test."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghijklmnop")
os.environ.setdefault("DEBUG", "0")

from competentie.settings import *  # noqa: E402,F403

# The test client's login() passes no request, which django-axes' backend refuses;
# tests/test_security.py puts the axes backend back to test throttling itself.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "competentie.oidc.backends.OrganisationOIDCBackend",  # it needs no request for anything but its callback
]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {  # noqa: F405
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # tests serve static files from the finders; nothing is collected
WHITENOISE_USE_FINDERS = True
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
SUBSCRIPTIONS_ALLOW_INTERNAL_HOSTS = True  # the subscription tests serve CASE from 127.0.0.1
# The test client and the live server speak plain HTTP; production settings are checked
# separately (tests/test_settings.py runs check --deploy).
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The generators in bench/ are tested too (they are development-only in the real settings).
if "bench" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
# Tasks run inline, inside the request (Django's advice for tests), unless TASKS_IMMEDIATE says
# otherwise: the tests of the queues choose the database or Redis backend themselves, and the
# two-process test's servers set TASKS_IMMEDIATE=0 beside a real `db_worker`.
if "TASKS_IMMEDIATE" not in os.environ:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Two-factor authentication is off in tests, except in tests/security/test_twofactor.py, which proves it.
REQUIRE_2FA_FOR_ROLES = []
REQUIRE_2FA_FOR_SUPERUSERS = False

# On SQLite the test database is a file, not Django's shared in-memory database: the live server
# then answers from its own threads with their own connections, as `make run` does, so browser
# and concurrency tests see real SQLite locking (tests/selectie/test_live_concurrency.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test run (in the temporary directory), so two runs at once never share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"competentie-test-{os.getpid()}.sqlite3")
    }
    # A throw-away database needs no flush to disk after every transaction (the locking is the same).
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"  # noqa: F405

# On PostgreSQL the flush after each transactional test deletes rows instead of truncating
# tables: the same empty database, twenty times faster (tests/db/postgresql/base.py).
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["ENGINE"] = "tests.db.postgresql"  # noqa: F405
    # As SQLite's synchronous=OFF above: a commit does not wait for the WAL to reach the disk
    # (1.6–2.8 ms an fsync on the CI machine, pg_test_fsync). Locking and visibility are unchanged;
    # only a crash of the server could lose the last commits of a throw-away database.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
