"""The one place that turns a template into a PDF (WeasyPrint).

Stylesheets and images under /static/ are read from disk instead of over HTTP, so a PDF
renders the same offline, under gunicorn and in tests, and never reaches the network.
"""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
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


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render a template to a tagged PDF (PDF/UA-1, so screen readers can follow it)."""
    html = render_to_string(template_name, context, request=request)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(template_name: str, context: dict, *, filename: str, request=None) -> HttpResponse:
    response = HttpResponse(render_pdf(template_name, context, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
