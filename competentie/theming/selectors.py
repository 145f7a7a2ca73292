"""Reads of themes: per organisation (e-mails, PDFs, the settings page) and per page (no query)."""

from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404
from django.shortcuts import get_object_or_404

from competentie.organisations.access import organisation_ids, roles_by_organisation
from competentie.organisations.models import Organisation

from .models import Theme
from .tokens import DEFAULT, Tokens


def organisation_get(*, user: AbstractBaseUser, pk: int) -> Organisation:
    """One of the user's own organisations, with its theme; another organisation's is a 404."""
    return get_object_or_404(Organisation.objects.filter(pk__in=organisation_ids(user)), pk=pk)


def theme_for(organisation_id: int | None) -> Theme | None:
    """The organisation's theme, or None for the default (also for the libraries, which have none)."""
    if organisation_id is None:
        return None
    return Theme.objects.filter(organisation_id=organisation_id).first()


def tokens_for(organisation_id: int | None) -> Tokens:
    theme = theme_for(organisation_id)
    return theme.tokens if theme else DEFAULT


def logo_get(*, organisation_pk: int, version: int | None = None) -> Theme:
    """A theme with a logo (public: e-mails show it without logging in); none is a 404."""
    theme = Theme.objects.filter(organisation_id=organisation_pk, logo_content_type__gt="").first()
    if theme is None:
        raise Http404
    return theme


def page_theme(user: AbstractBaseUser) -> dict | None:
    """The theme the user's pages wear: that of their (first) organisation, if it has one.

    Read from the row the role check already fetched (competentie/organisations/access.py), so a
    themed page costs no query of its own. A member of two organisations sees the one they joined
    first (the lowest organisation id).
    """
    roles_by_organisation(user)
    rows = getattr(user, "_organisation_themes", None) or {}
    if not rows:
        return None
    organisation_id = min(rows)
    name, version, logo_content_type = rows[organisation_id]
    if not version:
        return None
    return {
        "organisation_id": organisation_id,
        "organisation_name": name,
        "version": version,
        "has_logo": bool(logo_content_type),
    }
