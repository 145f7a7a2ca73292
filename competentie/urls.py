from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from . import views
from .notifications.forms import PasswordResetForm
from .oidc import views as oidc_views
from .security import twofactor
from .security.sessions import session_expire, session_keepalive
from .securitytxt import security_txt

admin.site.site_header = _("Competentie – beheer")
admin.site.site_title = _("Competentie")

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", oidc_views.LoginPage.as_view(), name="login"),
    # Login through the organisation's identity provider (OpenID Connect): start and callback.
    path("inloggen/organisatie/", oidc_views.ProviderLoginStart.as_view(), name="oidc-start"),
    path("inloggen/organisatie/terug/", oidc_views.ProviderLoginCallback.as_view(), name="oidc-callback"),
    # Logging out; after a provider login also at the provider (competentie/oidc/views.py).
    path("uitloggen/", oidc_views.LogoutView.as_view(), name="logout"),
    # Password reset (Django's flow, Dutch templates under templates/registration/).
    path(
        "wachtwoord-vergeten/",
        # The e-mail goes through the notification queue in the house style (notifications/forms.py).
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-instellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("wachtwoord-instellen/klaar/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("taal/", login_not_required(set_language), name="set_language"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("tweestapsverificatie/instellen/", twofactor.twofactor_setup, name="twofactor-setup"),
    path("tweestapsverificatie/controleren/", twofactor.twofactor_verify, name="twofactor-verify"),
    path("tweestapsverificatie/herstelcodes/", twofactor.twofactor_recovery_codes, name="twofactor-recovery-codes"),
    path("sessie/verlengen/", session_keepalive, name="session-keepalive"),
    path("sessie/verlopen/", session_expire, name="session-expire"),
    path("", include("competentie.organisations.urls")),
    path("", include("competentie.theming.urls")),
    path("frameworks/", include("frameworks.urls")),
    path("ims/case/v1p1/", include("frameworks.urls_case")),
    # The same binding for older CASE 1.0 clients (OpenSALT and others speak only v1p0).
    path("ims/case/v1p0/", include(("frameworks.urls_case", "case"), namespace="case-v1p0")),
    path("selectie/", include("selectie.urls")),
    path("zelfevaluatie/", include("zelfevaluatie.urls")),
    path("ontwikkeling/", include("ontwikkeling.urls")),
    path("medewerkers/", include("medewerkers.urls")),
    path("medewerkers/360/", include("medewerkers.urls_feedback")),
    path("beheer/", admin.site.urls),
]

if settings.BENCHMARK:
    urlpatterns.append(path("meting/vloer/", views.floor, name="benchmark-floor"))

# A database that cannot be reached answers 503 with Retry-After; every other error Django's 500.
handler500 = "competentie.outage.server_error"
