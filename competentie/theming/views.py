"""The beheerder's house-style page, and the stylesheet and logo that pages and e-mails load."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from competentie.pdf import pdf_response

from . import access, selectors, services
from .forms import ThemeForm
from .render import page_css
from .tokens import DEFAULT

YEAR = 60 * 60 * 24 * 365


def theme_edit(request, organisation_pk):
    organisation = selectors.organisation_get(user=request.user, pk=organisation_pk)
    access.require(access.can_edit_theme(request.user, organisation.pk))
    theme = selectors.theme_for(organisation.pk)
    tokens = theme.tokens if theme else DEFAULT
    if request.method == "POST":
        form = ThemeForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.theme_save(
                    organisation=organisation,
                    actor=request.user,
                    values=form.cleaned_data,
                    logo=form.cleaned_data["logo"],
                    remove_logo=form.cleaned_data["remove_logo"],
                )
            except ValidationError as error:
                for field, field_errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                messages.success(request, _("De huisstijl van %(name)s is opgeslagen.") % {"name": organisation})
                return redirect("theme-edit", organisation_pk=organisation.pk)
        status = 400
    else:
        form = ThemeForm(initial={field: getattr(tokens, field) for field in services.TOKEN_FIELDS})
        status = 200
    return render(
        request,
        "theming/theme_form.html",
        {"organisation": organisation, "form": form, "theme": theme},
        status=status,
    )


@require_GET
def theme_css(request, organisation_pk):
    """The organisation's tokens as a stylesheet; the URL carries the version, so it may be cached."""
    organisation = selectors.organisation_get(user=request.user, pk=organisation_pk)
    access.require(access.can_use_theme(request.user, organisation.pk))
    theme = selectors.theme_for(organisation.pk)
    response = HttpResponse(page_css(theme.tokens if theme else DEFAULT), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = f"private, max-age={YEAR}, immutable"
    return response


@login_not_required
@require_GET
def theme_logo(request, organisation_pk):
    """Public: an e-mail shows the logo without logging in. A logo is no secret and no personal data."""
    theme = selectors.logo_get(organisation_pk=organisation_pk)
    response = HttpResponse(bytes(theme.logo), content_type=theme.logo_content_type)
    response["Cache-Control"] = "public, max-age=86400"
    response["Content-Disposition"] = "inline"
    return response


@require_GET
def theme_sample_pdf(request, organisation_pk):
    """A one-page PDF in the organisation's house style, to check it before it reaches a report."""
    organisation = selectors.organisation_get(user=request.user, pk=organisation_pk)
    access.require(access.can_edit_theme(request.user, organisation.pk))
    return pdf_response(
        "theming/pdf/sample.html",
        {"organisation": organisation},
        filename="huisstijl-voorbeeld.pdf",
        request=request,
        organisation_id=organisation.pk,
    )
