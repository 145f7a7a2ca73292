"""CSV files that a spreadsheet opens as text, never as formulas (CSV injection, OWASP).

Every CSV the product writes goes through `safe_writer`: a text cell that starts with `=`, `+`,
`-`, `@`, a tab or a carriage return gets a leading apostrophe, which Excel and LibreOffice read as
"this is text" and do not show. Numbers stay numbers. Our own importers call `restore_cell` so
that a file we exported reads back unchanged.
"""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_behind_quotes(value: str) -> bool:
    return value.lstrip("'").startswith(FORMULA_STARTS)


def safe_cell(value: Any) -> Any:
    # Values that already start with apostrophes before a formula character get one more, so that
    # restore_cell (which takes exactly one off) gives every value back exactly.
    if isinstance(value, str) and _formula_behind_quotes(value):
        return "'" + value
    return value


def restore_cell(value: str) -> str:
    """The inverse of `safe_cell` for text read back from a CSV we wrote."""
    if value.startswith("'") and _formula_behind_quotes(value):
        return value[1:]
    return value


def _one_line_break(value: Any) -> Any:
    """csv.writer quotes a cell only for the characters of its own line terminator: with "\\n", a bare
    carriage return would go out unquoted and start a new row, whose first cell nobody guarded."""
    if isinstance(value, str) and "\r" in value:
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


class SafeWriter:
    """`csv.writer` with every cell passed through `safe_cell`."""

    def __init__(self, out, **kwargs):
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([_one_line_break(safe_cell(value)) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]):
        for row in rows:
            self.writerow(row)


def safe_writer(out, **kwargs) -> SafeWriter:
    return SafeWriter(out, **kwargs)
