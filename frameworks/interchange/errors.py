from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from competentie import audit

from ..models import Framework

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class ImportErrors(ValidationError):
    """An import that was refused: every problem found, each naming where it is. Nothing was written."""

    def __init__(self, messages: list[str]):
        super().__init__(messages)


def too_large_message(size: int) -> str:
    return f"Het bestand is {-(-size // 1024)} kB; het maximum is {MAX_UPLOAD_BYTES // 1024} kB (2 MB)."


def check_size(raw: bytes) -> None:
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ImportErrors([too_large_message(len(raw))])


def log_import(*, framework: Framework, user: AbstractBaseUser | None, source: str, filename: str) -> None:
    """The first line of the new framework's change history: where it came from."""
    audit.record(user, framework, "framework.import", source=source, filename=filename)
