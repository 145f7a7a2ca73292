"""A theme as CSS: a stylesheet for pages, inline styles for e-mails, a user stylesheet for PDFs."""

import base64

from .tokens import Tokens


def page_css(tokens: Tokens) -> str:
    """The organisation's stylesheet: only our custom properties (static/css/nlds.css maps them)."""
    lines = "".join(f"  {name}: {value};\n" for name, value in tokens.css_properties().items())
    return f"/* Huisstijl van de organisatie (competentie/theming). */\n:root {{\n{lines}}}\n"


def logo_data_url(theme) -> str:
    if theme is None or not theme.logo_content_type:
        return ""
    return f"data:{theme.logo_content_type};base64,{base64.b64encode(bytes(theme.logo)).decode('ascii')}"


def pdf_css(theme) -> str:
    """Applied as a user stylesheet; !important so it wins over each document's own colours and fonts."""
    tokens = theme.tokens
    css = (
        f"html, body {{ font-family: {tokens.font_stack} !important; }}\n"
        f"h1, h2, h3, .cluster-name {{ font-family: {tokens.heading_font_stack} !important; }}\n"
        f"h1, h2, .cluster-name {{ color: {tokens.primary_color} !important; }}\n"
    )
    logo = logo_data_url(theme)
    if logo:
        # A logo in the top right corner of every page: a background, so it is an artefact to
        # screen readers (PDF/UA); the organisation's name is in the document's text.
        css += (
            "@page { @top-right { content: ''; width: 40mm; height: 12mm; "
            f"background: url({logo}) no-repeat right center; background-size: contain; }} }}\n"
        )
    return css
