"""Files people upload (the EVC portfolio's evidence): one place that refuses, stores and hands them out.

- Refused unless the type is on the allow-list, and the content agrees with the extension (a PDF
  starts with %PDF-, a PNG with its signature, …), and the size is within UPLOAD_MAX_BYTES.
- Stored in a private storage: PRIVATE_MEDIA_ROOT (default MEDIA_ROOT/private), which nothing serves
  (no MEDIA_URL, not under STATIC_ROOT, so neither whitenoise nor the web server reaches it), under a
  random name; the uploader's file name is kept only in the database.
- Handed out only by a view that checked who may see it, always as an attachment with the type from
  the allow-list (never the browser's claim) and `X-Content-Type-Options: nosniff`.
"""

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    signatures: tuple[bytes, ...]  # the file starts with one of these; empty: plain UTF-8 text


ZIP = (b"PK\x03\x04",)
ALLOWED = {
    "pdf": FileType("application/pdf", (b"%PDF-",)),
    "png": FileType("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    "docx": FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    "xlsx": FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    "pptx": FileType("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    "odt": FileType("application/vnd.oasis.opendocument.text", ZIP),
    "txt": FileType("text/plain; charset=utf-8", ()),
}


class PrivateStorage(FileSystemStorage):
    """A file system storage outside anything that is served; its folder follows the settings."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(getattr(settings, "PRIVATE_MEDIA_ROOT", "") or Path(settings.MEDIA_ROOT) / "private")

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Private files have no URL; a view hands them out.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


def extension_of(name: str) -> str:
    return Path(name or "").suffix.lower().lstrip(".")


def upload_check(upload) -> FileType:
    """The allowed type of an uploaded file, or a ValidationError that says why it is refused."""
    limit = settings.UPLOAD_MAX_BYTES
    allowed = ", ".join(sorted({ext for ext in ALLOWED if ext != "jpeg"}))
    kind = ALLOWED.get(extension_of(upload.name))
    if kind is None:
        raise ValidationError(_("Dit soort bestand kan niet. Toegestaan: %(allowed)s.") % {"allowed": allowed})
    if upload.size > limit:
        raise ValidationError(
            _("Het bestand is te groot (meer dan %(mb)s MB).") % {"mb": round(limit / 1024 / 1024, 1)}, code="too_big"
        )
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if kind.signatures:
        if not any(head.startswith(signature) for signature in kind.signatures):
            raise ValidationError(
                _("De inhoud van het bestand past niet bij de extensie .%(ext)s.") % {"ext": extension_of(upload.name)},
                code="mismatch",
            )
    else:
        content = upload.read()
        upload.seek(0)
        if b"\x00" in content:
            raise ValidationError(_("Een tekstbestand mag geen nul-tekens bevatten."), code="mismatch")
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(_("Een tekstbestand moet in UTF-8 zijn opgeslagen."), code="mismatch") from error
    return kind


def stored_name(original: str) -> str:
    """A random name on disk: the uploader's file name (which can name a person) stays in the database."""
    return f"{secrets.token_hex(16)}.{extension_of(original)}"


def attachment_response(field_file, *, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
