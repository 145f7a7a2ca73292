"""Two-factor authentication (TOTP app plus one-time recovery codes) with django-otp.

Who must use it is a setting: REQUIRE_2FA_FOR_ROLES (membership roles, e.g. hr and beheerder, who
see candidates' personal data or administer members) and REQUIRE_2FA_FOR_SUPERUSERS (platform
operators in /beheer/). Both are off in the demo and in the tests, on in production by default.
After the password, such a user first sets up an authenticator app (once) or enters its code;
until then every page leads to that step.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "herstelcodes"
# Pages a user who still owes the second step may open.
OPEN_URL_NAMES = {
    "twofactor-setup",
    "twofactor-verify",
    "logout",
    "login",
    "set_language",
    "session-keepalive",
    "session-expire",
    "oidc-start",
    "oidc-callback",
}


# Set at a login through the organisation's identity provider when its `amr`/`acr` claim shows MFA
# (competentie.oidc): that login's second step was the provider's, so ours is not asked again.
PROVIDER_MFA_SESSION_KEY = "provider_mfa"


def second_step_done(request) -> bool:
    return request.user.is_verified() or bool(request.session.get(PROVIDER_MFA_SESSION_KEY))


def requires_two_factor(user: AbstractBaseUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.REQUIRE_2FA_FOR_SUPERUSERS:
        return True
    roles = set(settings.REQUIRE_2FA_FOR_ROLES)
    if not roles:
        return False
    # The roles per organisation are read once per request and cached on the user; every page
    # needs them anyway (navigation, access checks), so asking here costs no extra query.
    from competentie.organisations.access import roles_by_organisation

    return bool(roles & set(roles_by_organisation(user).values()))


def has_app(user: AbstractBaseUser) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class TwoFactorMiddleware:
    """Send a user who must use two factors, and has not yet in this session, to set up or verify."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not second_step_done(request) and requires_two_factor(user):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            if match is None or match.url_name not in OPEN_URL_NAMES:
                target = "twofactor-verify" if has_app(user) else "twofactor-setup"
                return redirect_to_login(request.get_full_path(), reverse(target))
        return self.get_response(request)


# --- services ---------------------------------------------------------------------------------


def app_device_pending(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed app device of this user, made once and reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=APP_DEVICE_NAME).first()
    return device or TOTPDevice.objects.create(user=user, confirmed=False, name=APP_DEVICE_NAME)


@transaction.atomic
def recovery_codes_create(user: AbstractBaseUser) -> list[str]:
    """New recovery codes; the old ones stop working. Shown once, stored as django-otp keeps them."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def app_device_confirm(*, user: AbstractBaseUser, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the app with its first code; returns the recovery codes, or None for a wrong code."""
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_create(user)


def recovery_codes_left(user: AbstractBaseUser) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


# --- views -------------------------------------------------------------------------------------


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("De zes cijfers uit uw authenticator-app, of een van uw herstelcodes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _secret(device: TOTPDevice) -> str:
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def twofactor_setup(request):
    """Set up an authenticator app: scan the QR code (or type the key), confirm with a code."""
    if has_app(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('twofactor-verify')}?next={_next(request)}")
    device = app_device_pending(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = app_device_confirm(user=request.user, device=device, token=form.cleaned_data["code"])
        if codes is None:
            form.add_error(
                "code", _("Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwste code.")
            )
        else:
            otp_login(request, device)
            return render(request, "twofactor/recovery_codes.html", {"codes": codes, "next": _next(request)})
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "twofactor/setup.html",
        {"form": form, "qr": qr.svg_data_uri(scale=5), "secret": _secret(device), "next": _next(request)},
        status=400 if request.method == "POST" else 200,
    )


def twofactor_verify(request):
    """The second step after the password: a code from the app or a recovery code."""
    if not has_app(request.user):
        return redirect(f"{reverse('twofactor-setup')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("Deze code klopt niet of is al gebruikt."))
        else:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "U heeft een herstelcode gebruikt; er zijn er nog %(count)s. Maak nieuwe codes aan als u er weinig over heeft."
                    )
                    % {"count": recovery_codes_left(request.user)},
                )
            return redirect(_next(request))
    return render(
        request,
        "twofactor/verify.html",
        {"form": form, "next": _next(request)},
        status=400 if request.method == "POST" else 200,
    )


def twofactor_recovery_codes(request):
    """New recovery codes for a verified user (POST); GET shows how many are left."""
    if not request.user.is_verified():
        return redirect_to_login(request.get_full_path(), reverse("twofactor-verify"))
    if request.method == "POST":
        return render(
            request,
            "twofactor/recovery_codes.html",
            {"codes": recovery_codes_create(request.user), "next": reverse("home")},
        )
    return render(request, "twofactor/recovery_status.html", {"left": recovery_codes_left(request.user)})
