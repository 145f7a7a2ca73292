"""Sending one Dutch e-mail (plain text + HTML) per recipient, rendered from templates.

Every message is rendered from `notifications/email/<name>.subject.txt`, `<name>.txt` and
`<name>.html`, in Dutch whatever language the sender chose for the interface. A message is queued
after the surrounding transaction commits, so a write that is rolled back tells nobody anything; a
task worker sends it (competentie/notifications/tasks.py), so a slow mail server never holds a request.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from competentie.accounts.names import display_name


def absolute_url(viewname: str, *args, **kwargs) -> str:
    """A link for an e-mail: SITE_URL (from the environment) plus the path."""
    return settings.SITE_URL.rstrip("/") + reverse(viewname, args=args, kwargs=kwargs)


def render_message(name: str, recipient: AbstractBaseUser, context: dict) -> EmailMultiAlternatives:
    """One message in the house style of the organisation it is about.

    Every context names that organisation as `organisation_id` (None: no organisation, the default
    style), so that no e-mail leaves without the theme by someone forgetting to pass it."""
    if "organisation_id" not in context:
        raise ValueError(f"e-mail {name!r}: the context must name its organisation_id (None for none)")
    context = {"recipient_name": display_name(recipient), "site_url": settings.SITE_URL, **context}
    context.setdefault("theme", email_theme(context["organisation_id"]))
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"notifications/email/{name}.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string(f"notifications/email/{name}.txt", context)
        html = render_to_string(f"notifications/email/{name}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    return message


def email_theme(organisation_id: int | None) -> dict:
    """The organisation's house style for an e-mail (competentie/theming): colours, font, logo URL.

    An event that knows its organisation passes `organisation_id` in its context; without one, or
    without a theme, the default tokens apply."""
    from competentie.theming.selectors import theme_for
    from competentie.theming.tokens import DEFAULT

    theme = theme_for(organisation_id)
    tokens = theme.tokens if theme else DEFAULT
    logo_url = ""
    if theme and theme.logo_content_type:
        logo_url = absolute_url("theme-logo", theme.organisation_id) + f"?v={theme.version}"
    return {
        "primary": tokens.primary_color,
        "header_background": tokens.header_background_color,
        "header_text": tokens.header_text_color,
        "font": tokens.font_stack.replace('"', "'"),
        "heading_font": tokens.heading_font_stack.replace('"', "'"),
        "logo_url": logo_url,
        "organisation_name": str(theme.organisation) if theme else "",
    }


def render_messages(name: str, recipients: Iterable[AbstractBaseUser], context: dict) -> list[EmailMultiAlternatives]:
    """One message per active recipient with an e-mail address (the theme is read once for all)."""
    if "organisation_id" in context:
        context = {**context, "theme": email_theme(context["organisation_id"])}
    return [render_message(name, user, context) for user in recipients if user.email and user.is_active]


def send_on_commit(name: str, recipients: Iterable[AbstractBaseUser], context: dict) -> None:
    """Queue one message per recipient once the current transaction commits (at once outside one)."""
    from .tasks import mail_send, message_data

    recipients = list(recipients)

    def enqueue():
        messages = [message_data(message) for message in render_messages(name, recipients, context)]
        if messages:
            mail_send.enqueue(messages=messages)

    # robust: if the queue cannot be reached, the write stands and the failure is logged.
    transaction.on_commit(enqueue, robust=True)
