"""Setting an organisation's theme: every rule checked before anything is written."""

import io

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from competentie import audit
from competentie.organisations.models import Organisation

from .access import can_edit_theme, require
from .models import Theme
from .tokens import FONT_STACKS, MIN_CONTRAST, WHITE, Tokens, contrast, format_ratio, normalise_colour

LOGO_MAX_BYTES = 200 * 1024
LOGO_MAX_PIXELS = 2000
# Pillow's name for the format → the type the logo is served with. No SVG: it can carry script.
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
COLOUR_FIELDS = ("primary_color", "header_background_color", "header_text_color")
TOKEN_FIELDS = (*COLOUR_FIELDS, "font", "heading_font")


def theme_tokens_check(values: dict) -> Tokens:
    """The tokens from a form's values, or a ValidationError per field in plain Dutch."""
    errors = {}
    colours = {}
    for field in COLOUR_FIELDS:
        colour = normalise_colour(values.get(field, ""))
        if colour is None:
            errors[field] = _("Vul een kleur in als #, gevolgd door zes cijfers of letters a–f, bijvoorbeeld #0b5394.")
        colours[field] = colour
    for field in ("font", "heading_font"):
        if values.get(field) not in FONT_STACKS:
            errors[field] = _("Kies een lettertype uit de lijst.")
    if colours["primary_color"]:
        ratio = contrast(colours["primary_color"], WHITE)
        if ratio < MIN_CONTRAST:
            errors["primary_color"] = _(
                "De hoofdkleur heeft te weinig contrast met wit: %(ratio)s:1, en er is minstens 4,5:1 nodig. "
                "Links op de witte pagina en witte tekst op knoppen zijn dan slecht te lezen. Kies een donkerdere kleur."
            ) % {"ratio": format_ratio(ratio)}
    if colours["header_background_color"] and colours["header_text_color"]:
        ratio = contrast(colours["header_background_color"], colours["header_text_color"])
        if ratio < MIN_CONTRAST:
            errors["header_text_color"] = _(
                "De tekst in de kopbalk heeft te weinig contrast met de achtergrond: %(ratio)s:1, en er is minstens "
                "4,5:1 nodig. Kies een lichtere of donkerdere kleur voor de tekst of de achtergrond."
            ) % {"ratio": format_ratio(ratio)}
    if errors:
        raise ValidationError(errors)
    return Tokens(**colours, font=values["font"], heading_font=values["heading_font"])


def logo_check(upload) -> tuple[bytes, str]:
    """The bytes and type of an uploaded logo: a real PNG or JPEG of at most 200 kB and 2000 pixels."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            {"logo": _("Het logo is te groot: maximaal 200 kB. Maak het bestand kleiner en probeer het opnieuw.")}
        )
    data = upload.read(LOGO_MAX_BYTES + 1)
    if len(data) > LOGO_MAX_BYTES:
        raise ValidationError({"logo": _("Het logo is te groot: maximaal 200 kB.")})
    refused = ValidationError({"logo": _("Het logo moet een PNG- of JPEG-afbeelding zijn.")})
    try:
        with Image.open(io.BytesIO(data)) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise refused from None
    if image_format not in LOGO_TYPES:
        raise refused
    if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
        raise ValidationError({"logo": _("Het logo is te groot: maximaal 2000 bij 2000 pixels.")})
    return data, LOGO_TYPES[image_format]


@transaction.atomic
def theme_save(
    *,
    organisation: Organisation,
    actor: AbstractBaseUser,
    values: dict,
    logo=None,
    remove_logo: bool = False,
) -> Theme:
    """Set the organisation's tokens and logo; a refused value or logo writes nothing at all."""
    require(can_edit_theme(actor, organisation.pk))
    tokens = theme_tokens_check(values)
    logo_data = logo_check(logo) if logo else None
    theme = Theme.objects.select_for_update().filter(organisation=organisation).first()
    if theme is None:
        theme = Theme(organisation=organisation, version=0)
    for field in (*COLOUR_FIELDS, "font", "heading_font"):
        setattr(theme, field, getattr(tokens, field))
    if logo_data:
        theme.logo, theme.logo_content_type = logo_data
    elif remove_logo:
        theme.logo, theme.logo_content_type = None, ""
    theme.version += 1
    theme.full_clean()
    theme.save()
    audit.record(
        actor,
        organisation,
        "theme.saved",
        **{field: getattr(tokens, field) for field in (*COLOUR_FIELDS, "font", "heading_font")},
        logo="new" if logo_data else ("removed" if remove_logo else ""),
    )
    return theme
