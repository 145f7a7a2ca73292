"""What every import shares: refusing a file with Dutch messages that say where, and reading hostile input safely.

Every import (JSON, Moodle CSV, CASE) goes through `decode_text` and, for JSON, `load_json`;
their checks (size, encoding with line and column, NUL and other control characters, nesting
depth, field length) answer with an ImportErrors, never with a server error.
"""

import json
import re

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from competentie import audit

from ..models import Framework

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # what one request imports by itself
MAX_QUEUED_BYTES = 50 * 1024 * 1024  # a CASE package read by the task queue (frameworks/interchange/jobs.py)
MAX_DEPTH = 40  # the deepest real export (profiles with hoofdtaken) nests about 12 levels
MAX_FIELD_CHARS = 20_000  # longer than any definition or description in the seeded libraries
# Control characters other than tab, line feed and carriage return (NUL included).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ImportErrors(ValidationError):
    """An import that was refused: every problem found, each naming where it is. Nothing was written."""

    def __init__(self, messages: list[str], code: str = "import_refused"):
        super().__init__(messages, code=code)
        self.code = code


def too_large_message(size: int, limit: int = MAX_UPLOAD_BYTES) -> str:
    return _("Het bestand is %(size)s kB; het maximum is %(maximum)s kB (%(mb)s MB).") % {
        "size": -(-size // 1024),
        "maximum": limit // 1024,
        "mb": limit // (1024 * 1024),
    }


def check_size(raw: bytes, limit: int = MAX_UPLOAD_BYTES) -> None:
    if len(raw) > limit:
        raise ImportErrors([too_large_message(len(raw), limit)], code="too_large")


def position_of(text: str, index: int) -> tuple[int, int]:
    """Line and column (both from 1) of a character index in a text."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode_text(raw: bytes, *, advice: str = "", limit: int = MAX_UPLOAD_BYTES) -> str:
    """The file as text (UTF-8, with or without BOM), or a message with the line and column of the first bad byte."""
    check_size(raw, limit)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        line = raw.count(b"\n", 0, start) + 1
        line_start = raw.rfind(b"\n", 0, start) + 1
        column = len(raw[line_start:start].decode("utf-8", errors="replace")) + 1
        message = _("Regel %(line)s, kolom %(column)s: het bestand is geen UTF-8-tekst.") % {
            "line": line,
            "column": column,
        }
        raise ImportErrors([f"{message} {advice}".strip()], code="encoding") from exc
    match = CONTROL.search(text)
    if match:
        line, column = position_of(text, match.start())
        raise ImportErrors([control_message(line, column)], code="control_character")
    return text


def control_message(line: int, column: int) -> str:
    return _(
        "Regel %(line)s, kolom %(column)s: het bestand bevat een onzichtbaar stuurteken (zoals een NUL-teken). "
        "Haal het weg en probeer het opnieuw."
    ) % {"line": line, "column": column}


# The messages of Python's JSON parser, in Dutch (the parser's English never reaches the user).
JSON_PROBLEMS = {
    "Expecting value": gettext_lazy("hier wordt een waarde verwacht"),
    "Expecting property name enclosed in double quotes": gettext_lazy(
        "hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht"
    ),
    "Expecting ':' delimiter": gettext_lazy("hier wordt een dubbele punt verwacht"),
    "Expecting ',' delimiter": gettext_lazy("hier wordt een komma verwacht"),
    "Unterminated string starting at": gettext_lazy(
        "hier begint een tekst die niet wordt afgesloten met een aanhalingsteken"
    ),
    "Invalid control character at": gettext_lazy("hier staat een stuurteken in een tekst"),
    "Invalid \\escape": gettext_lazy("hier staat een ongeldige backslash-reeks"),
    "Invalid \\uXXXX escape": gettext_lazy("hier staat een ongeldige \\u-reeks"),
    "Extra data": gettext_lazy("na het einde van de JSON staat nog meer tekst"),
}


def load_json(raw: bytes, *, limit: int = MAX_UPLOAD_BYTES) -> object:
    """Parse JSON safely: Dutch messages with line and column, no deep nesting, no control characters."""
    text = decode_text(raw, limit=limit)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = JSON_PROBLEMS.get(exc.msg, _("dit is geen geldige JSON"))
        raise ImportErrors(
            [
                _("Regel %(line)s, kolom %(column)s: dit is geen geldige JSON (%(problem)s).")
                % {"line": exc.lineno, "column": exc.colno, "problem": problem}
            ],
            code="json_syntax",
        ) from exc
    except RecursionError as exc:
        raise ImportErrors([too_deep_message()], code="too_deep") from exc
    check_values(document)
    return document


def too_deep_message() -> str:
    return _("Het bestand is te diep genest (meer dan %(depth)s niveaus); zo ziet geen export eruit.") % {
        "depth": MAX_DEPTH
    }


def check_values(document: object) -> None:
    """Walk the parsed document without recursion: depth, control characters (from \\u escapes) and length."""
    stack = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ImportErrors([too_deep_message()], code="too_deep")
        if isinstance(value, dict):
            for key, item in value.items():
                stack.append((key, depth))
                stack.append((item, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            if CONTROL.search(value):
                raise ImportErrors(
                    [
                        _(
                            "Een tekst in het bestand bevat een onzichtbaar stuurteken (zoals een NUL-teken): “%(start)s…”."
                        )
                        % {"start": CONTROL.sub("", value)[:40]}
                    ],
                    code="control_character",
                )
            if len(value) > MAX_FIELD_CHARS:
                raise ImportErrors([field_too_long_message(value)], code="field_too_long")


def field_too_long_message(value: str) -> str:
    return _("Een tekst in het bestand is %(length)s tekens lang; het maximum is %(maximum)s: “%(start)s…”.") % {
        "length": len(value),
        "maximum": MAX_FIELD_CHARS,
        "start": value[:40],
    }


def log_import(*, framework: Framework, user: AbstractBaseUser | None, source: str, filename: str) -> None:
    """The first line of the new framework's change history: where it came from."""
    audit.record(user, framework, "framework.import", source=source, filename=filename)
