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


def queued_mail_scrub(*, needles, replacement: str) -> int:
    """A purged person's e-mails leave the task queue (sent or not): the rows held their address,
    name and the message. Registered with competentie.privacy.logs_scrub; returns rows removed."""
    import json

    from django.apps import apps
    from django.db.models import Q, TextField
    from django.db.models.functions import Cast

    try:
        model = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return 0
    mentions = Q(pk__in=[])
    for needle in needles:
        mentions |= Q(text__icontains=needle) | Q(text__icontains=json.dumps(needle)[1:-1])
    rows = model.objects.annotate(text=Cast("args_kwargs", TextField())).filter(mentions)
    if not needles:
        return 0
    return model.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).delete()[0]
