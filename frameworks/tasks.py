"""Background work of the frameworks app (django-tasks): building the PDF of a large draft.

A draft changes, so its PDF is built per request; for a large one the request enqueues this task
and the page shows its progress (frameworks/views/documents.py). The file lands in the default
storage under the task's own id, so only that build's page can hand it out.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from competentie.pdf import render_pdf

from . import selectors


def draft_pdf_name(result_id: str) -> str:
    return f"pdf/concept/framework-{result_id}.pdf"


@task(takes_context=True)
def framework_pdf_build(context, *, framework_id: int) -> str:
    """Render a framework's PDF and store it; returns the stored name."""
    from .pdf import framework_context

    framework = selectors.framework_document_unscoped(pk=framework_id)
    content = render_pdf("frameworks/pdf/framework.html", framework_context(framework))
    return default_storage.save(draft_pdf_name(str(context.task_result.id)), ContentFile(content))
