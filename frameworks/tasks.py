"""Background work of the frameworks app (django-tasks): building the PDF of a large framework.

A large framework's PDF takes longer than a request should wait, so the request enqueues this task
and the page shows its progress (frameworks/views/documents.py). A draft changes, so its file lands
in the default storage under the task's own id and only that build's page hands it out; a
published version's file is the one kept for that version (frameworks/pdf.py), which every later
request then streams.
"""

from django.utils import translation
from django_tasks import task

from competentie import pdfbuild

from . import pdf, selectors


def draft_pdf_name(result_id: str) -> str:
    return f"pdf/concept/framework-{result_id}.pdf"


@task(takes_context=True)
def framework_pdf_build(context, *, framework_id: int, language: str = "nl") -> str:
    """Render a framework's PDF in the language of whoever asked, and store it; returns the stored name."""
    with translation.override(language):
        framework = selectors.framework_document_unscoped(pk=framework_id)
        name = pdf.stored_name("framework", framework.pk, framework)
        if name is None:
            content = pdf.render_framework(framework)
            return pdfbuild.store(draft_pdf_name(str(context.task_result.id)), content)
        pdf.framework_pdf_bytes(framework)  # renders and keeps it, unless an earlier build did
        return name


@task()
def subscriptions_check_all() -> int:
    """Look for a new version of every subscription's source (cron: manage.py check_subscriptions).

    A source that cannot be read keeps its Dutch message on the subscription, for its page; returns
    how many subscriptions have a version waiting to be adopted.
    """
    from django.core.exceptions import ValidationError

    from . import subscriptions

    waiting = 0
    for subscription in subscriptions.subscriptions_all():
        try:
            subscriptions.subscription_check(subscription=subscription)
        except ValidationError:
            continue
        waiting += bool(subscription.pending)
    return waiting
