"""The start of a provider login (from the e-mail domain or the choice list) and its callback."""

from urllib.parse import parse_qs, urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from competentie.security.twofactor import PROVIDER_MFA_SESSION_KEY

from . import discovery, selectors, services

UNAVAILABLE = "unavailable"
# The provider this session logged in through (its primary key), for the logout.
PROVIDER_SESSION_KEY = "oidc_login_provider"


def _refusal_message(code: str | None) -> str:
    if code == UNAVAILABLE:
        return _("De identiteitsprovider van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.")
    if code in services.REFUSALS:
        return str(services.REFUSALS[code])
    return _("Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.")


@method_decorator(login_not_required, name="dispatch")
class ProviderLoginStart(OIDCAuthenticationRequestView):
    """GET ?organisatie=<id> (the choice list) or POST email=… (the domain decides)."""

    http_method_names = ["get", "post"]

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the provider is chosen per request, not from settings
        self.provider = None

    def get_settings(self, attr, *args):
        if attr == "OIDC_RP_SCOPES" and self.provider is not None:
            return self.provider.scopes
        return import_from_settings(attr, *args)

    def get(self, request):
        return self._start(request, selectors.provider_get(pk=request.GET.get("organisatie")), request.GET)

    def post(self, request):
        provider = selectors.provider_for_email(email=request.POST.get("email", ""))
        if provider is None:
            messages.error(
                request,
                _(
                    "Voor dit e-mailadres is geen inloggen via een organisatie ingesteld. Log in met uw gebruikersnaam en wachtwoord."
                ),
            )
            return redirect("login")
        return self._start(request, provider, request.POST)

    def _start(self, request, provider, data):
        if provider is None:
            messages.error(request, _("Kies een organisatie uit de lijst."))
            return redirect("login")
        try:
            config = discovery.configuration(provider.issuer)
        except discovery.ProviderUnavailable:
            messages.error(request, _refusal_message(UNAVAILABLE))
            return redirect("login")
        self.provider = provider
        self.OIDC_OP_AUTH_ENDPOINT = config["authorization_endpoint"]
        self.OIDC_RP_CLIENT_ID = provider.client_id
        response = super().get(request)
        # The chosen organisation travels with this flow's state, so parallel logins stay apart and
        # the callback never takes the provider from the browser's word.
        state = parse_qs(urlsplit(response.url).query)["state"][0]
        request.session["oidc_states"][state]["provider"] = provider.pk
        next_url = data.get("next", "")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            request.session["oidc_login_next"] = next_url
        request.session.modified = True
        return response


@method_decorator(login_not_required, name="dispatch")
class ProviderLoginCallback(OIDCAuthenticationCallbackView):
    def get(self, request):
        entry = request.session.get("oidc_states", {}).get(request.GET.get("state", ""), {})
        request.oidc_provider_pk = entry.get("provider")
        return super().get(request)

    def login_failure(self):
        messages.error(self.request, _refusal_message(getattr(self.request, "oidc_refusal", None)))
        return redirect("login")

    def login_success(self):
        response = super().login_success()
        outcome = getattr(self.request, "oidc_outcome", None)
        # The provider's MFA is this session's second step (competentie.security.twofactor).
        self.request.session[PROVIDER_MFA_SESSION_KEY] = bool(outcome and outcome.mfa)
        # Logging out here also ends the session at this provider (LogoutView below).
        self.request.session[PROVIDER_SESSION_KEY] = self.request.oidc_provider_pk
        return response


def provider_logout_url(request) -> str:
    """Where to end the session at the provider this session logged in through (OpenID Connect
    RP-Initiated Logout): its end_session_endpoint with the ID token as hint and the login page as
    the way back; "" for a password login, a provider that does not offer it, or one set not to."""
    provider = selectors.provider_get(pk=request.session.get(PROVIDER_SESSION_KEY))
    if provider is None or not provider.logout_at_provider:
        return ""
    try:
        endpoint = discovery.configuration(provider.issuer).get("end_session_endpoint")
    except discovery.ProviderUnavailable:
        return ""  # logging out here must never wait for, or fail on, the provider
    if not endpoint:
        return ""
    params = {"client_id": provider.client_id, "post_logout_redirect_uri": request.build_absolute_uri(reverse("login"))}
    if request.session.get("oidc_id_token"):
        params["id_token_hint"] = request.session["oidc_id_token"]
    return endpoint + ("&" if "?" in endpoint else "?") + urlencode(params)


class LogoutView(auth_views.LogoutView):
    """Django's logout; after a provider login the person is sent on to the provider to log out there.

    The logout form's answer is a page that goes on at once (a meta refresh, and a link), not a
    redirect: CSP's form-action would refuse a redirect of the form to another origin."""

    def post(self, request, *args, **kwargs):
        provider_url = provider_logout_url(request)  # read before the session ends
        response = super().post(request, *args, **kwargs)
        if not provider_url:
            return response
        return render(request, "registration/provider_logout.html", {"provider_url": provider_url})


class PasswordLoginForm(AuthenticationForm):
    """Django's login form, refusing members of an organisation that allows its provider only."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if selectors.password_login_refused(user=user):
            raise ValidationError(
                _(
                    "Uw organisatie laat inloggen met een wachtwoord niet toe. Log in via uw organisatie: vul hieronder uw e-mailadres van het werk in."
                ),
                code="password_login_off",
            )


class LoginPage(LoginView):
    """The login page: the password form and, for organisations with a provider, login through it."""

    form_class = PasswordLoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["identity_providers"] = list(selectors.provider_list())
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        # The e-mail form is answered with a redirect to the provider; CSP's form-action covers the
        # redirects of a form submission, so the providers' origins are allowed on this page.
        origins = sorted({_origin(provider.issuer) for provider in context["identity_providers"]})
        if origins:
            response._csp_update = {"form-action": origins}
        return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
