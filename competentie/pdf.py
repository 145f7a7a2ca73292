"""The one place that turns a template into a PDF (WeasyPrint).

Stylesheets and images under /static/ are read from disk instead of over HTTP, so a PDF
renders the same offline, under gunicorn and in tests, and never reaches the network.
"""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://pdf.invalid/"


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
