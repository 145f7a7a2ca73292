"""Sending one Dutch e-mail (plain text + HTML) per recipient, rendered from templates.

Every message is rendered from `notifications/email/<name>.subject.txt`, `<name>.txt` and
`<name>.html`, in Dutch whatever language the sender chose for the interface. A message goes out
after the surrounding transaction commits, so a write that is rolled back tells nobody anything.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from competentie.accounts.names import display_name

logger = logging.getLogger(__name__)


def absolute_url(viewname: str, *args, **kwargs) -> str:
    """A link for an e-mail: SITE_URL (from the environment) plus the path."""
    return settings.SITE_URL.rstrip("/") + reverse(viewname, args=args, kwargs=kwargs)


def render_message(name: str, recipient: AbstractBaseUser, context: dict) -> EmailMultiAlternatives:
    context = {"recipient_name": display_name(recipient), "site_url": settings.SITE_URL, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"notifications/email/{name}.subject.txt", context).split())
        context["subject"] = subject
        text = render_to_string(f"notifications/email/{name}.txt", context)
        html = render_to_string(f"notifications/email/{name}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[recipient.email])
    message.attach_alternative(html, "text/html")
    return message


def send_now(name: str, recipients: Iterable[AbstractBaseUser], context: dict) -> int:
    """Send one message per recipient with an e-mail address; returns how many went out."""
    messages = [render_message(name, user, context) for user in recipients if user.email and user.is_active]
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def send_on_commit(name: str, recipients: Iterable[AbstractBaseUser], context: dict) -> None:
    """Queue the message until the current transaction commits (or send now outside one)."""
    recipients = list(recipients)

    def deliver():
        try:
            send_now(name, recipients, context)
        except OSError:
            # The mail server is down: the write stands, the message is logged as not sent.
            logger.exception("E-mail %s kon niet worden verstuurd", name)

    transaction.on_commit(deliver)
