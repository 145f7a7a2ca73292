"""The one place that turns a template into a PDF (WeasyPrint).

Stylesheets and images under /static/ are read from disk instead of over HTTP, so a PDF
renders the same offline, under gunicorn and in tests, and never reaches the network.
"""

import gc
import mimetypes
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://pdf.invalid/"


def _page_references(pdf) -> tuple:
    """pydyf's PDF.page_references, computed once per page count instead of on every access.

    pydyf 0.13 builds the tuple of all page references on every access, and WeasyPrint's PDF/UA
    tagging reads it once per tagged element: rendering time grew with pages × elements (12 of 80
    seconds for a 270-page framework). Pages are only ever appended, so the page count is a
    correct cache key.
    """
    kids = pdf.pages["Kids"]
    cached = getattr(pdf, "_competentie_page_references", None)
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf._competentie_page_references = cached
    return cached[1]


if isinstance(getattr(pydyf.PDF, "page_references", None), property):
    pydyf.PDF.page_references = property(_page_references)


def _static_file(url: str) -> Path | None:
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return None
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    return Path(found) if found else None


class StaticFilesFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        static = _static_file(url)
        if static is None:
            raise ValueError(f"A PDF may only load static files, not {url}")
        mime_type = mimetypes.guess_type(static.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=static.read_bytes(), headers={"Content-Type": mime_type})


# While a PDF is laid out, the youngest generation is collected after this many new objects
# instead of Python's 700 (see _fewer_collections).
RENDER_GC_THRESHOLD = 50_000
_collections_lock = threading.Lock()
_renders_running = 0
_normal_threshold = gc.get_threshold()


@contextmanager
def _fewer_collections():
    """Let the cyclic garbage collector run less often while WeasyPrint works.

    A render builds hundreds of thousands of boxes that all live until the PDF is written, so
    the collector's frequent passes over them find nothing to free: they cost about 12 % of a
    render (Divosa's framework 1.58 → 1.39 s CPU, best of three). Objects are still collected,
    only in larger batches. The threshold is process-wide, so concurrent renders (threads) share
    one counter and the last one to finish restores the normal setting.
    """
    global _renders_running, _normal_threshold
    with _collections_lock:
        if _renders_running == 0:
            _normal_threshold = gc.get_threshold()
            gc.set_threshold(RENDER_GC_THRESHOLD, *_normal_threshold[1:])
        _renders_running += 1
    try:
        yield
    finally:
        with _collections_lock:
            _renders_running -= 1
            if _renders_running == 0:
                gc.set_threshold(*_normal_threshold)


def _theme_stylesheets(organisation_id: int | None) -> list:
    """The organisation's house style (competentie/theming) as a stylesheet over the document's own."""
    from competentie.theming.render import pdf_css
    from competentie.theming.selectors import theme_for

    theme = theme_for(organisation_id)
    return [CSS(string=pdf_css(theme), url_fetcher=StaticFilesFetcher())] if theme else []


def render_pdf(template_name: str, context: dict, *, request=None, organisation_id: int | None = None) -> bytes:
    """Render a template to a tagged PDF (PDF/UA-1, so screen readers can follow it), in the house
    style of the organisation it belongs to (none: the default)."""
    html = render_to_string(template_name, context, request=request)
    stylesheets = _theme_stylesheets(organisation_id)
    with _fewer_collections():
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
        return document.write_pdf(pdf_variant="pdf/ua-1", stylesheets=stylesheets)


def pdf_response(
    template_name: str, context: dict, *, filename: str, request=None, organisation_id: int | None = None
) -> HttpResponse:
    content = render_pdf(template_name, context, request=request, organisation_id=organisation_id)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
