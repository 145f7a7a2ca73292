"""/.well-known/security.txt (RFC 9116): where to report a vulnerability (SECURITY.md)."""

from datetime import UTC, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET


def security_txt_text(*, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    if settings.SECURITY_TXT_EXPIRES:
        expires = datetime.combine(datetime.fromisoformat(settings.SECURITY_TXT_EXPIRES).date(), time.max, tzinfo=UTC)
    else:
        expires = now + timedelta(days=180)
    contact = settings.SECURITY_CONTACT
    if "@" in contact and not contact.startswith(("mailto:", "https://")):
        contact = f"mailto:{contact}"
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.replace(microsecond=0).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {settings.SITE_URL.rstrip('/')}/.well-known/security.txt",
    ]
    return "\n".join(lines) + "\n"


@login_not_required
@require_GET
def security_txt(request):
    return HttpResponse(security_txt_text(), content_type="text/plain; charset=utf-8")
