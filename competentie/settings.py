"""Settings read from the environment (see README, "Configuratie").

SQLite by default so that a fresh clone just runs; DATABASE_URL switches to PostgreSQL.
Development defaults (a throw-away SECRET_KEY, localhost hosts) apply only with DEBUG on.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=1 for development).")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
    "competentie.audit",
    "competentie.caching",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "competentie.security",
    "django_tasks",
    "django_tasks_db",
    "competentie.accounts",
    "competentie.organisations",
    "competentie.oidc",
    "competentie.theming",
    "competentie.notifications",
    "frameworks",
    "selectie",
    "zelfevaluatie",
    "ontwikkeling",
    "competentie.people",
    "medewerkers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The headers every response carries, outside every middleware that may answer early (the
    # two-factor and idle-session redirects, the CSRF refusal, WhiteNoise's static files).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "competentie.audit.middleware.AuditOriginMiddleware",  # address and browser on every audit line
    "competentie.middleware.PreferredLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "competentie.security.sessions.IdleSessionMiddleware",  # after messages: it leaves a note
    "competentie.security.twofactor.TwoFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Long work runs off the request on Django's tasks API (the django-tasks backport; the code carries
# over to django.tasks in Django 6). Three backends, chosen from the environment:
# - the database (django-tasks-db), the embedded default: the web process enqueues a row,
#   `manage.py db_worker` runs it (`make run` starts one beside the server);
# - Redis (django-tasks-rq) when REDIS_URL is set, for production: `manage.py rqworker --job-class
#   django_tasks_rq.Job` runs the tasks (README, "Productie");
# - inline, inside the request, with TASKS_IMMEDIATE=1 (no worker at all; the tests' default).
REDIS_URL = os.environ.get("REDIS_URL", "")
if envbool("TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif REDIS_URL:
    INSTALLED_APPS.append("django_rq")  # its rqworker command; it has no tables
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # A large PDF may take minutes. RQ keeps a finished job (and so the download link) 500 seconds.
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 15 * 60}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A framework with at least this many behavioural indicators gets its PDF from a task (about 10 s of work).
BACKGROUND_PDF_INDICATORS = envint("BACKGROUND_PDF_INDICATORS", 1500)

# Every web and worker process must see the same cache, so there is never one per process: Redis
# when REDIS_URL is set, otherwise a table in the database (made by `migrate`: competentie/caching).
# It holds rendered fragments of content that rarely changes (competentie/fragments.py); sessions,
# login throttling and task results live in the database either way.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "competentie_cache",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", 20000)},
    }
}

# `make bench` only: a floor page and a per-request query count header for the load test.
BENCHMARK = envbool("BENCHMARK", False)
if BENCHMARK:
    MIDDLEWARE.insert(0, "competentie.middleware.QueryCountHeaderMiddleware")
if DEBUG or BENCHMARK:
    # The data generator (manage.py generate_municipality) lives in bench/, never in production.
    INSTALLED_APPS.append("bench")

ROOT_URLCONF = "competentie.urls"
WSGI_APPLICATION = "competentie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "competentie.organisations.context_processors.memberships",
                "competentie.theming.context_processors.theme",
                "competentie.security.sessions.session_context",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default must hold a selection day: many selecteurs autosaving at once.
    # WAL lets readers and one writer work side by side; IMMEDIATE takes the write lock when a
    # transaction starts (not halfway, where SQLite can only fail with "database is locked");
    # writers then queue for up to SQLITE_TIMEOUT seconds instead of failing. See README.
    # secure_delete overwrites deleted and replaced rows with zeros, so a purged or corrected name
    # is not left in the free space of its page (Debian's SQLite does so by default, not every
    # build does); competentie.privacy.database_files_scrub empties the -wal file after a purge.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON",
        "transaction_mode": "IMMEDIATE",
        "timeout": envint("SQLITE_TIMEOUT", 20),
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Login through an organisation's own identity provider (per organisation, see README).
    "competentie.oidc.backends.OrganisationOIDCBackend",
]
# mozilla-django-oidc: the provider itself comes from the organisation (competentie.oidc), these
# are the flow's rules. Seconds to wait for a provider; PKCE on; the callback's URL name.
OIDC_TIMEOUT = envint("OIDC_TIMEOUT", 10)
OIDC_USE_PKCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc-callback"
OIDC_CREATE_USER = True
# The ID token stays in the (server-side) session as the hint for the provider's logout.
OIDC_STORE_ID_TOKEN = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Dutch for everyone; English only for whoever chooses it with the switch in the footer
# (remembered in the language cookie). The browser's Accept-Language is not consulted.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# Files the application writes (the stored PDFs of published versions); never served as static files.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Form widgets through Django's own Jinja2 templates (competentie.forms.FormRenderer): the same markup,
# but a select renders its options without an include per option. On the calibration page of one
# candidate (16 widgets) the template time goes from about 19 to 12 ms.
FORM_RENDERER = "competentie.forms.FormRenderer"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: SMTP as soon as EMAIL_HOST is set; in development (no host) messages are printed on the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Competentie <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Links in e-mails point here; without SITE_URL the development address (HOST) is used.
SITE_URL = os.environ.get("SITE_URL", "") or f"http://{os.environ.get('HOST', '127.0.0.1:8000')}"
# Password-reset and invitation links stay valid this long (seconds).
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24 * 3)
# Who tells the daily `send_reminders` command which reminders are due (one function per app).
NOTIFICATION_REMINDERS = [
    "selectie.reminders.selection_day_reminders",
    "selectie.reminders.rejection_letter_reminders",  # NVP Sollicitatiecode: rejected candidates hear back
    "ontwikkeling.reminders.measurement_reminders",
    "medewerkers.reminders.assessment_reminders",  # self, manager and colleague raters before the deadlines
    "competentie.organisations.reminders.access_review_reminders",  # BIO: the yearly access review
]
# Access review (BIO): memberships confirmed yearly, privileged roles quarterly; no login for this
# many days flags an account as unused (competentie/organisations/access_review.py).
ACCESS_REVIEW_DAYS = envint("ACCESS_REVIEW_DAYS", 365)
ACCESS_REVIEW_PRIVILEGED_DAYS = envint("ACCESS_REVIEW_PRIVILEGED_DAYS", 92)
ACCESS_REVIEW_PRIVILEGED_ROLES = envlist("ACCESS_REVIEW_PRIVILEGED_ROLES", ["beheerder", "hr"])
ACCESS_UNUSED_DAYS = envint("ACCESS_UNUSED_DAYS", 90)
SELECTION_REMINDER_DAYS = envint("SELECTION_REMINDER_DAYS", 2)
# Development programmes: a reminder this many days before a measurement's deadline.
MEASUREMENT_REMINDER_DAYS = envint("MEASUREMENT_REMINDER_DAYS", 3)
# Assessment cycles (medewerkers): a reminder this many days before the self, manager and 360° deadlines.
ASSESSMENT_REMINDER_DAYS = envint("ASSESSMENT_REMINDER_DAYS", 3)
# 360° feedback: how many rater invitations (new or sent again) one employee may send per 24 hours.
RATER_INVITATIONS_PER_DAY = envint("RATER_INVITATIONS_PER_DAY", 10)
# Raw 360° responses (who answered what) are deleted this many days after their cycle closed.
FEEDBACK_RETENTION_DAYS = envint("FEEDBACK_RETENTION_DAYS", 90)
# Uploaded evidence (EVC portfolio): private files, never served directly (competentie/uploads.py).
PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")  # empty: MEDIA_ROOT/private
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# A subscription reads another installation's CASE address from this server. Addresses on this
# machine or the internal network (loopback, private, link-local) are refused unless allowed here:
# an author could otherwise make the server probe what only it can reach (development, tests: 1).
SUBSCRIPTIONS_ALLOW_INTERNAL_HOSTS = envbool("SUBSCRIPTIONS_ALLOW_INTERNAL_HOSTS", DEBUG)
# `setup_demo` (development only): each app builds its part of the demo story.
DEMO_BUILDERS = [
    "selectie.demo.demo_build",
    "zelfevaluatie.demo.demo_build",
    "medewerkers.demo.demo_build",
    "medewerkers.feedback_demo.demo_build",  # after the medewerkers demo: its cycle gets 360° feedback
]
# "Mijn werk": apps the project's home view does not import add their parts (user, roles, today → dict).
HOME_WORK = ["ontwikkeling.work.home_work", "medewerkers.work.home_work"]

# Login throttling: 5 failed attempts for one username from one address lock that combination for
# 15 minutes. Colleagues behind the same address, and the same user elsewhere, can still log in;
# an organisation administrator lifts a lockout under "Leden".
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client address: REMOTE_ADDR, or — behind TRUSTED_PROXY_COUNT reverse proxies that each append
# to X-Forwarded-For — the address the outermost trusted proxy saw. Never more than the real count:
# anything further left in the header is written by the client and can be forged.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", envint("AXES_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "competentie.security.lockout.client_ip"

# Two-factor authentication (TOTP app + recovery codes, django-otp) for the roles that see personal
# data or administer, and for platform superusers. On in production, off with DEBUG (the demo);
# REQUIRE_2FA_FOR_ROLES=none switches it off, e.g. REQUIRE_2FA_FOR_ROLES=hr,beheerder,mt widens it.
_roles_2fa = os.environ.get("REQUIRE_2FA_FOR_ROLES", "").strip().lower()
REQUIRE_2FA_FOR_ROLES = (
    []
    if _roles_2fa in {"none", "geen", "0", "off"}
    else envlist("REQUIRE_2FA_FOR_ROLES", [] if DEBUG else ["hr", "beheerder"])
)
REQUIRE_2FA_FOR_SUPERUSERS = envbool("REQUIRE_2FA_FOR_SUPERUSERS", not DEBUG)
OTP_TOTP_ISSUER = "Competentie"

# Retention (SECURITY.md): `manage.py purge_candidates`, run daily, also removes login records
# (axes: username, address, browser) and audit entries once they are this old.
LOGIN_LOG_RETENTION_DAYS = envint("LOGIN_LOG_RETENTION_DAYS", 180)
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", 730)
# Finished tasks of the database queue stay this long (to read why one failed), then go.
TASK_RESULT_RETENTION_DAYS = envint("TASK_RESULT_RETENTION_DAYS", 7)
# Audit stores that name people, with the field that dates an entry.
RETENTION_AUDIT_MODELS = {
    "admin.LogEntry": "action_time",
    "audit.AuditEvent": "at",  # the one audit event log (competentie.audit)
}
# Other personal data past its retention, removed by the same daily command: one function per app,
# taking `today` and returning how many records it cleaned (dotted paths, like NOTIFICATION_REMINDERS).
RETENTION_PURGES = [
    "ontwikkeling.services.participants_anonymise_expired",
    "medewerkers.privacy.medewerkers_purge_expired",
    "medewerkers.services.raters.feedback_purge_expired",  # raw 360° responses after FEEDBACK_RETENTION_DAYS
]
# Development programmes: so long after a cohort's last measurement its participants are kept anonymised.
DEVELOPMENT_RETENTION_DAYS = envint("DEVELOPMENT_RETENTION_DAYS", 730)
# Medewerkers: a departed employee's record and development data go so long after leaving; the agreed
# result of a cycle (conversation and assessments) so long after the cycle's period ends.
EMPLOYEE_RETENTION_DAYS = envint("EMPLOYEE_RETENTION_DAYS", 90)
MEDEWERKERS_RESULT_RETENTION_DAYS = envint("MEDEWERKERS_RESULT_RETENTION_DAYS", 5 * 365)
AXES_VERBOSE = False

# /.well-known/security.txt (RFC 9116, SECURITY.md "Gecoördineerde melding"): where to report a
# vulnerability, and until when that holds (an ISO date; without it always 180 days ahead).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:security@competentie.example")
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "")

# No inline script anywhere; style attributes are allowed (Bootstrap components set them).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Production hardening; every value can be relaxed from the environment where a proxy does the work.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Shared devices (a selecteur's tablet): the session ends when the browser closes and after
# SESSION_IDLE_MINUTES without a request; the page warns two minutes before (see SECURITY.md).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", 30)
# The stored session expires with the idle limit too (refreshed at most once a minute).
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60 + 60
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    # Only a benchmark over plain HTTP on loopback turns these off (SECURE_COOKIES=0).
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if envbool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO; only its warnings are worth reading.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # Every successful login is routine; failed ones and lockouts are logged as warnings.
        "axes": {"level": "WARNING"},
    },
}
