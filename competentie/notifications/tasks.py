"""Sending e-mail off the request: the web process renders the messages, a task worker sends them.

The SMTP conversation (up to EMAIL_TIMEOUT seconds per attempt when the mail server is slow) is the
part that must not hold a request; rendering is quick and happens where the language and the data
are at hand, so the task gets plain, JSON-ready messages.
"""

from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task

from .models import SentReminder


def message_data(message: EmailMultiAlternatives) -> dict:
    html = next((content for content, kind in message.alternatives if kind == "text/html"), "")
    return {"subject": message.subject, "body": message.body, "html": html, "to": list(message.to)}


def message_from(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(subject=data["subject"], body=data["body"], to=data["to"])
    if data["html"]:
        message.attach_alternative(data["html"], "text/html")
    return message


@task()
def mail_send(*, messages: list[dict], reminder_ids: list[int] | None = None) -> int:
    """Send rendered messages; returns how many went out.

    A reminder is claimed (SentReminder) before it is queued; if the mail server fails, the claim is
    released so that the next daily run tries again, and the task fails with the server's error.
    """
    try:
        with get_connection() as connection:
            return connection.send_messages([message_from(data) for data in messages]) or 0
    except OSError:
        SentReminder.objects.filter(pk__in=reminder_ids or []).delete()
        raise
