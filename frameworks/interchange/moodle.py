"""Moodle competency frameworks as CSV, in the layout of Moodle's tool_lpimportcsv.

Fourteen columns, read by position (the header row is skipped, whatever it says):

 0 Parent ID number   1 ID number   2 Short name   3 Description   4 Description format
 5 Scale values   6 Scale configuration   7-9 Rule type / outcome / config (optional)
10 Cross-referenced competency ID numbers   11 Exported ID (optional)   12 Is framework   13 Taxonomy

How a framework maps onto Moodle's tree of competencies:

- The framework row (Is framework = 1) carries the name, the doel and the proficiency levels as
  its scale ("beginner,gevorderd,expert"; first value default, last value proficient).
- A cluster is a parent row (ID number "cluster-<n>"), with its competencies as children;
  competencies outside a cluster hang directly under the framework.
- Behavioural indicators are child rows of their competency (Parent ID number = the
  competency's ID number). Moodle's short name holds at most 100 characters, so the full text
  goes into Description.
- Levels are also rows, children of a top-level row "niveaus" (on import also "levels"), and an indicator of a level
  names that level row in "Cross-referenced competency ID numbers" — the way Moodle's own
  example file (OECD) ties indicators to levels. Moodle keeps these links on a round trip.

Nothing of a Moodle file is lost on a round trip: every row's cells are kept in the object's
`interchange["moodle"]` (``{"row": [14 cells], "seen": {what the model made of them}}``), group
rows the model has no place for (the level group, groups of groups) in the framework's. The export
writes a kept row back unchanged — ID number, HTML description (sanitised with nh3 on import),
scale and scale configuration, rules, cross-references, exported id, taxonomy — and replaces only
what was edited since. So an export of an imported framework keeps its ID numbers and Moodle
updates that framework instead of creating a second one. A name longer than Moodle's 100
characters is cut in Short name and written in full as the first line of Description; the import
takes it back from there.

Import reads any Moodle export: a row with grandchildren is a cluster (nested groups are
flattened to one cluster named by their path), a row whose children are leaves is a
competency with those leaves as indicators, a leaf directly under the framework or a cluster
is a competency without indicators. Profiles, kinds and learnability do not exist in Moodle
and are not part of this format (the JSON export keeps everything).
"""

import csv
import html
import io
import json
import re
from dataclasses import dataclass, field

import nh3
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from competentie.organisations.models import Organisation
from competentie.safecsv import restore_cell, safe_writer

from ..models import BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel
from ..selectors import clusters_in_tree
from .errors import MAX_DEPTH, MAX_FIELD_CHARS, ImportErrors, decode_text, field_too_long_message, log_import

COLUMNS = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
]
FORMAT_HTML = "1"
FORMAT_PLAIN = "2"
LEVEL_GROUP = "niveaus"
# Top-level rows whose children are the levels: ours, and the name Moodle's own example uses.
LEVEL_GROUP_IDS = {LEVEL_GROUP, "levels", "niveau", "level"}
FALLBACK_SCALE = ["Niet aangetoond", "Aangetoond"]
MAX_ROWS = 10000
MAX_ERRORS = 20
SHORTNAME_MAX = 100  # Moodle cuts short names and ID numbers at 100 characters


# --------------------------------------------------------------------------------------------
# Export


def _scale_configuration(count: int) -> str:
    items = [{"scaleid": "0"}]
    for number in range(1, count + 1):
        items.append({"id": number, "scaledefault": int(number == 1), "proficient": int(number == count)})
    return json.dumps(items, separators=(",", ":"))


def _row(
    parent="",
    idnumber="",
    shortname="",
    description="",
    scale_values="",
    scale_config="",
    related="",
    exported_id="",
    is_framework="0",
    taxonomy="",
) -> list[str]:
    return [
        parent,
        idnumber,
        shortname[:SHORTNAME_MAX],
        description,
        FORMAT_PLAIN,
        scale_values,
        scale_config,
        "",
        "",
        "",
        related,
        str(exported_id),
        is_framework,
        taxonomy,
    ]


def _kept(obj) -> tuple[list[str] | None, dict]:
    """The row an object was imported from (14 cells) and what the model made of it, or (None, {})."""
    kept = (getattr(obj, "interchange", None) or {}).get("moodle") or {}
    row = kept.get("row")
    if not isinstance(row, list) or len(row) != len(COLUMNS) or not all(isinstance(cell, str) for cell in row):
        return None, {}
    return list(row), kept.get("seen") or {}


def _described(name: str, text: str) -> str:
    """Description for Moodle: a name longer than Short name can hold goes in full on the first line."""
    if len(name) <= SHORTNAME_MAX or text.startswith(name):
        return text
    return f"{name}\n\n{text}" if text else name


class _Writer:
    """Rows for one export: kept rows written back with only what was edited replaced; ids unique."""

    def __init__(self, used: set[str]):
        self.used = set(used)
        self.exported = 0

    def fresh_id(self, base: str) -> str:
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate

    def next_exported(self) -> int:
        self.exported += 1
        return self.exported

    def row(
        self, obj, *, parent: str, idnumber: str, name: str, text: str, related: str = "", related_seen=None
    ) -> list[str]:
        kept, seen = _kept(obj)
        if kept is None:
            return _row(
                parent=parent,
                idnumber=idnumber,
                shortname=name,
                description=_described(name, text),
                related=related,
                exported_id=self.next_exported(),
            )
        kept[0], kept[1] = parent, idnumber
        renamed = name != seen.get("name")
        if renamed:
            kept[2] = name[:SHORTNAME_MAX]
        if renamed and len(name) > SHORTNAME_MAX or text != seen.get("text"):
            kept[3], kept[4] = _described(name, text), FORMAT_PLAIN
        if related_seen is not None and related != related_seen:
            kept[10] = related  # the level changed; otherwise every cross-reference stays as it was
        return kept


def _framework_idnumber(framework: Framework) -> str:
    kept, _seen = _kept(framework)
    if kept is not None and kept[1]:
        return kept[1]
    return f"{slugify(framework.name)[:80] or 'framework'}-v{framework.version}"


def framework_to_moodle_csv(framework: Framework) -> str:
    """A framework loaded by `framework_for_export` as Moodle CSV text (comma-separated, UTF-8)."""
    levels = list(framework.levels.all())
    clusters = clusters_in_tree(framework.clusters.all())  # a parent row before the rows under it
    competencies = list(framework.competencies.all())
    indicators = {competency.pk: list(competency.indicators.all()) for competency in competencies}
    scale = [level.name for level in levels] or FALLBACK_SCALE
    taxonomy = "domain,competency,indicator,indicator" if clusters else "competency,indicator,indicator,indicator"
    framework_id = _framework_idnumber(framework)
    kept_framework = (framework.interchange or {}).get("moodle") or {}
    groups = [row for row in kept_framework.get("groups") or [] if isinstance(row, list) and len(row) == len(COLUMNS)]

    everything = [*levels, *clusters, *competencies, *(i for rows in indicators.values() for i in rows)]
    kept_ids = {row[1] for obj in everything if (row := _kept(obj)[0]) is not None and row[1]}
    kept_ids |= {row[1] for row in groups} | {framework_id}
    writer = _Writer(kept_ids)
    numbers = [int(row[11]) for obj in everything if (row := _kept(obj)[0]) is not None and row[11].isdigit()]
    writer.exported = max(numbers + [int(row[11]) for row in groups if row[11].isdigit()], default=0)

    out = io.StringIO()
    csv_out = safe_writer(out, lineterminator="\n")
    csv_out.writerow(COLUMNS)
    framework_row, seen = _kept(framework)
    scale_row = _row(
        scale_values=",".join(name.replace(",", " ") for name in scale),
        scale_config=_scale_configuration(len(scale)),
        taxonomy=taxonomy,
    )
    if framework_row is None:
        row = _row(
            idnumber=framework_id,
            shortname=framework.name,
            description=_described(framework.name, framework.description),
            scale_values=scale_row[5],
            scale_config=scale_row[6],
            is_framework="1",
            taxonomy=taxonomy,
        )
    else:
        row = writer.row(framework, parent="", idnumber=framework_id, name=framework.name, text=framework.description)
        # The framework's own scale is kept unless it was made of the level names that were edited since.
        if kept_framework.get("scale_from_levels") and [level.name for level in levels] != seen.get("levels"):
            row[5], row[6] = scale_row[5], scale_row[6]
    csv_out.writerow(row)

    level_group = kept_framework.get("level_group") or ""
    level_ids = {}
    for n, level in enumerate(levels, start=1):
        kept, _s = _kept(level)
        level_ids[level.pk] = kept[1] if kept is not None and kept[1] else writer.fresh_id(f"niveau-{n}")
    if levels and not level_group:
        level_group = writer.fresh_id(LEVEL_GROUP)
        csv_out.writerow(_row(idnumber=level_group, shortname="Beheersingsniveaus", exported_id=writer.next_exported()))
    written_groups = {row[1] for row in groups}
    for group in groups:
        if group[1] != level_group or levels:
            group = list(group)
            if group[0] and group[0] not in written_groups:
                group[0] = ""
            csv_out.writerow(group)
    for level in levels:
        csv_out.writerow(
            writer.row(level, parent=level_group, idnumber=level_ids[level.pk], name=level.name, text=level.description)
        )
    cluster_ids = {}
    for n, cluster in enumerate(clusters, start=1):
        kept, _s = _kept(cluster)
        cluster_ids[cluster.pk] = kept[1] if kept is not None and kept[1] else writer.fresh_id(f"cluster-{n}")
    known = written_groups | set(cluster_ids.values())
    for cluster in clusters:
        kept, _s = _kept(cluster)
        parent = kept[0] if kept is not None and kept[0] in known else cluster_ids.get(cluster.parent_id, "")
        csv_out.writerow(
            writer.row(
                cluster, parent=parent, idnumber=cluster_ids[cluster.pk], name=cluster.name, text=cluster.description
            )
        )
    # Competencies under their cluster, in the cluster order, then those without a cluster.
    cluster_order = {cluster.pk: n for n, cluster in enumerate(clusters)}
    ordered = sorted(competencies, key=lambda c: cluster_order.get(c.cluster_id, len(clusters)))
    for number, competency in enumerate(ordered, start=1):
        kept, _s = _kept(competency)
        competency_id = kept[1] if kept is not None and kept[1] else writer.fresh_id(f"competentie-{number}")
        csv_out.writerow(
            writer.row(
                competency,
                parent=cluster_ids.get(competency.cluster_id, ""),
                idnumber=competency_id,
                name=competency.name,
                text=competency.definition,
            )
        )
        for position, indicator in enumerate(indicators[competency.pk], start=1):
            kept, seen = _kept(indicator)
            indicator_id = (
                kept[1] if kept is not None and kept[1] else writer.fresh_id(f"{competency_id}-gi-{position}")
            )
            csv_out.writerow(
                writer.row(
                    indicator,
                    parent=competency_id,
                    idnumber=indicator_id,
                    name=indicator.text,
                    text=indicator.text,
                    related=level_ids.get(indicator.level_id, ""),
                    related_seen=(seen.get("level") or "") if kept is not None else None,
                )
            )
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Import


@dataclass
class _Row:
    line: int
    parent: str
    idnumber: str
    shortname: str
    description: str
    related: list[str]
    cells: list[str] = field(default_factory=list)
    children: list["_Row"] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.description or self.shortname

    @property
    def height(self) -> int:
        return 1 + max((child.height for child in self.children), default=-1)


_TAGS = re.compile(r"<[^>]+>")  # only asks "is this HTML?"; nh3 does the stripping and cleaning
_BREAKS = re.compile(r"<\s*(br|/p|/li|/div)\s*/?>", re.IGNORECASE)


def _plain(text: str, description_format: str) -> str:
    """Moodle descriptions are often HTML (format 1, or 0 "Moodle auto-format"): keep the words only."""
    if description_format.strip() not in ("0", "1") and not _TAGS.search(text):
        return text.strip()
    # In HTML a line break is just a space; <br> and </p> are the real ones.
    text = html.unescape(nh3.clean(_BREAKS.sub("\n", " ".join(text.split())), tags=set()))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def _is_html(text: str, description_format: str) -> bool:
    return description_format.strip() in ("0", "1") or bool(_TAGS.search(text))


def _sanitised(text: str, description_format: str) -> str:
    """An HTML description as kept for the round trip: cleaned by nh3 (Ammonia), never by a regex."""
    return nh3.clean(text) if _is_html(text, description_format) else text


def _full_name(shortname: str, text: str) -> tuple[str, str]:
    """(name, rest of the text): a short name Moodle cut at its limit is the first line of the text."""
    first, _sep, rest = text.partition("\n")
    if len(shortname) >= SHORTNAME_MAX and len(first) > len(shortname) and first.startswith(shortname.rstrip()):
        return first.strip(), rest.strip()
    return shortname, text


def _decode(raw: bytes) -> str:
    return decode_text(
        raw,
        advice=_("Sla het in Excel op als “CSV UTF-8 (door komma's gescheiden)” en probeer het opnieuw."),
    )


def _line(line: int, message: str) -> str:
    return _("Regel %(line)s: %(message)s") % {"line": line, "message": message}


def _swallowed_rows(record: list[str], delimiter: str) -> bool:
    """A quoted field that ran on over whole rows: an opening or closing quote is missing.

    A description may span lines; but a record over several lines with the wrong number of
    columns, or a field with a line break and nearly a row's worth of delimiters, is rows that an
    open quote swallowed.
    """
    if len(record) != len(COLUMNS):
        return True
    return any("\n" in cell and cell.count(delimiter) >= len(COLUMNS) - 2 for cell in record)


def _dialect(text: str):
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    delimiter = max(counts, key=counts.get)
    return delimiter if counts[delimiter] else ","


def _is_true(value: str, line: int, errors: list[str]) -> bool:
    value = value.strip().lower()
    if value in ("1", "true", "ja", "yes"):
        return True
    if value in ("", "0", "false", "nee", "no"):
        return False
    errors.append(_line(line, _("“Is framework” (kolom 13) moet 0 of 1 zijn, niet “%(value)s”.") % {"value": value}))
    return False


def _read(raw: bytes):
    text = _decode(raw)
    if not text.strip():
        raise ImportErrors([_("Het bestand is leeg.")], code="empty")
    delimiter = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[str] = []
    framework_row = None
    rows: list[_Row] = []
    start = 1
    try:
        for number, record in enumerate(reader):
            record = [restore_cell(cell) for cell in record]  # our export guards formula-like cells
            line = start
            start = reader.line_num + 1
            if number == 0:
                if len(record) != len(COLUMNS):
                    raise ImportErrors(
                        [
                            _line(
                                1,
                                _(
                                    "de kopregel heeft %(found)s kolommen; een Moodle-competentiebestand heeft er %(expected)s (%(first)s …)."
                                )
                                % {"found": len(record), "expected": len(COLUMNS), "first": ", ".join(COLUMNS[:3])},
                            )
                        ],
                        code="wrong_header",
                    )
                continue
            if not any(cell.strip() for cell in record):
                continue
            if reader.line_num > line and _swallowed_rows(record, delimiter):
                errors.append(
                    _line(
                        line,
                        _(
                            'een aanhalingsteken (") opent hier een veld dat niet goed wordt afgesloten; daardoor lopen regels %(first)s tot en met %(last)s in elkaar over. Sluit het veld af met een aanhalingsteken, of verdubbel een aanhalingsteken binnen de tekst ("").'
                        )
                        % {"first": line, "last": reader.line_num},
                    )
                )
                continue
            if len(record) != len(COLUMNS):
                errors.append(
                    _line(
                        line,
                        _("%(found)s kolommen gevonden, %(expected)s verwacht.")
                        % {"found": len(record), "expected": len(COLUMNS)},
                    )
                )
                continue
            too_long = next((cell for cell in record if len(cell) > MAX_FIELD_CHARS), None)
            if too_long is not None:
                errors.append(_line(line, field_too_long_message(too_long)))
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportErrors(
                    [_line(line, _("het bestand heeft meer dan %(maximum)s regels.") % {"maximum": MAX_ROWS})],
                    code="too_many_rows",
                )
            parent, idnumber, shortname, description, description_format = (cell.strip() for cell in record[:5])
            description = _plain(record[3], description_format)
            shortname = _plain(shortname, description_format)
            cells = list(record)
            cells[3] = _sanitised(record[3], description_format)
            if _is_true(record[12], line, errors):
                if framework_row is not None:
                    errors.append(
                        _line(
                            line,
                            _("tweede frameworkregel (“Is framework” = 1); de eerste staat op regel %(first)s.")
                            % {"first": framework_row["line"]},
                        )
                    )
                    continue
                if not shortname:
                    errors.append(_line(line, _("de frameworkregel heeft geen naam (kolom 3, Short name).")))
                framework_row = {
                    "line": line,
                    "name": shortname,
                    "description": description,
                    "scale": [value.strip() for value in record[5].split(",") if value.strip()],
                    "cells": cells,
                }
                continue
            if not idnumber:
                errors.append(_line(line, _("het ID number (kolom 2) ontbreekt.")))
                continue
            if not shortname and not description:
                errors.append(_line(line, _("“%(id)s” heeft geen naam (kolom 3, Short name).") % {"id": idnumber}))
                continue
            related = [value.replace("%2C", ",").strip() for value in record[10].split(",") if value.strip()]
            rows.append(_Row(line, parent, idnumber, shortname, description, related, cells))
    except csv.Error as exc:
        raise ImportErrors([_line(reader.line_num, _("het bestand is geen geldige CSV."))], code="csv_syntax") from exc
    if framework_row is None:
        errors.insert(0, _("Er is geen frameworkregel: één regel moet in kolom 13 (“Is framework”) een 1 hebben."))
    return framework_row, rows, errors


def _tree(rows: list[_Row], errors: list[str]) -> list[_Row]:
    by_id: dict[str, _Row] = {}
    for row in rows:
        if row.idnumber in by_id:
            errors.append(
                _line(
                    row.line,
                    _("het ID number “%(id)s” komt al voor op regel %(first)s.")
                    % {"id": row.idnumber, "first": by_id[row.idnumber].line},
                )
            )
            continue
        by_id[row.idnumber] = row
    roots = []
    for row in by_id.values():
        if not row.parent:
            roots.append(row)
        elif row.parent == row.idnumber:
            errors.append(
                _line(row.line, _("“%(id)s” is zijn eigen bovenliggende competentie.") % {"id": row.idnumber})
            )
        elif row.parent not in by_id:
            errors.append(
                _line(
                    row.line,
                    _("de bovenliggende competentie “%(id)s” (kolom 1) staat niet in het bestand.")
                    % {"id": row.parent},
                )
            )
        else:
            by_id[row.parent].children.append(row)
    reachable = set()
    stack = list(roots)
    while stack:
        row = stack.pop()
        reachable.add(row.idnumber)
        stack.extend(row.children)
    stack = [(row, 1) for row in roots]
    while stack:  # without recursion: a hostile file may chain thousands of rows
        row, depth = stack.pop()
        if depth > MAX_DEPTH:
            errors.append(
                _line(
                    row.line,
                    _("de competenties zijn te diep genest (meer dan %(depth)s niveaus).") % {"depth": MAX_DEPTH},
                )
            )
            return []
        stack.extend((child, depth + 1) for child in row.children)
    for row in by_id.values():
        if row.idnumber not in reachable and row.parent in by_id and row.parent != row.idnumber:
            errors.append(
                _line(row.line, _("“%(id)s” zit in een kring van bovenliggende competenties.") % {"id": row.idnumber})
            )
    return roots


def _keep(row: _Row, **seen) -> dict:
    """What the round trip needs of a row: its cells as read, and what the model made of them."""
    return {"moodle": {"row": row.cells, "line": row.line, "seen": seen}}


@dataclass
class _Plan:
    name: str
    description: str
    levels: list[tuple[str, str, str, dict]]  # (row id or "", name, description, kept)
    keep: dict = field(default_factory=dict)  # the framework's interchange
    clusters: list[tuple[str, str, dict]] = field(default_factory=list)  # (name, description, kept)
    # (cluster index or None, name, definition, [(text, level row id or None, kept)], kept)
    competencies: list[tuple[int | None, str, str, list[tuple[str, str | None, dict]], dict]] = field(
        default_factory=list
    )


def _plan(framework_row: dict, roots: list[_Row], errors: list[str]) -> _Plan:
    level_group = next((row for row in roots if row.idnumber.lower() in LEVEL_GROUP_IDS and row.height == 1), None)
    if level_group:
        levels = []
        for row in level_group.children:
            name, description = _full_name(row.shortname, row.description) if row.shortname else (row.description, "")
            if description == name:
                description = ""
            levels.append((row.idnumber, name, description, _keep(row, name=name[:100], text=description)))
    else:
        levels = [("", name, "", {}) for name in framework_row["scale"] if name]
        if [name for _id, name, _d, _k in levels] == FALLBACK_SCALE:
            levels = []
    name, description = _full_name(framework_row["name"], framework_row["description"])
    plan = _Plan(name, description, levels)
    plan.keep = {
        "moodle": {
            "row": framework_row["cells"],
            "seen": {
                "name": name[:200],
                "text": description,
                "levels": [level_name[:100] for _id, level_name, _d, _k in levels],
            },
            "scale_from_levels": level_group is None,
            "groups": [level_group.cells] if level_group else [],
            "level_group": level_group.idnumber if level_group else "",
        }
    }
    level_ids = {row_id for row_id, _n, _d, _k in levels if row_id}

    def add_competency(row: _Row, cluster: int | None):
        indicators = []
        for child in row.children:
            level = next((ref for ref in child.related if ref in level_ids), None)
            indicators.append((child.text, level, _keep(child, name=child.text, text=child.text, level=level)))
        name, description = _full_name(row.shortname or row.description, row.description)
        definition = description if description != name else ""
        plan.competencies.append((cluster, name, definition, indicators, _keep(row, name=name[:200], text=definition)))
        if len(name) > 200:
            errors.append(_line(row.line, _("de naam van de competentie is langer dan 200 tekens.")))

    def visit(row: _Row, path: list[str], cluster: int | None):
        is_group = row.height >= 2 or (row.idnumber.startswith("cluster-") and path == [])
        if not is_group:
            add_competency(row, cluster)
            return
        own_name, own_text = _full_name(row.shortname or row.description, row.description)
        name = " › ".join(path + [own_name])
        own = None
        has_competencies = any(
            child.height <= 1 and not child.idnumber.startswith("cluster-") for child in row.children
        )
        if has_competencies or (row.idnumber.startswith("cluster-") and not row.children):
            text = own_text if own_text != own_name else ""
            plan.clusters.append((name[:200], text, _keep(row, name=name[:200], text=text)))
            own = len(plan.clusters) - 1
        else:
            plan.keep["moodle"]["groups"].append(row.cells)  # a group of groups: kept to write back
        for child in row.children:
            if child.height >= 2 or child.idnumber.startswith("cluster-"):
                visit(child, path + [own_name], None)
            else:
                add_competency(child, own)

    for root in roots:
        if root is level_group:
            continue
        visit(root, [], None)
    return plan


@transaction.atomic
def framework_import_moodle_csv(
    *, raw: bytes, organisation: Organisation, user: AbstractBaseUser | None = None, filename: str = ""
) -> Framework:
    """Create a new concept framework from a Moodle competency CSV; every problem or nothing written."""
    framework_row, rows, errors = _read(raw)
    roots = _tree(rows, errors)
    if errors:
        raise ImportErrors(errors[:MAX_ERRORS])
    plan = _plan(framework_row, roots, errors)
    if errors:
        raise ImportErrors(errors[:MAX_ERRORS])

    framework = Framework(
        organisation=organisation,
        name=plan.name[:200],
        description=plan.description,
        status=Framework.Status.CONCEPT,
        source="Geïmporteerd uit een Moodle-competentiebestand (CSV).",
        interchange=plan.keep,
    )
    framework.full_clean(exclude=["based_on"])
    framework.save()
    levels = ProficiencyLevel.objects.bulk_create(
        [
            ProficiencyLevel(framework=framework, name=name[:100], description=description, order=n, interchange=kept)
            for n, (_id, name, description, kept) in enumerate(plan.levels, start=1)
        ]
    )
    level_by_id = {row_id: level for (row_id, _n, _d, _k), level in zip(plan.levels, levels) if row_id}
    clusters = Cluster.objects.bulk_create(
        [
            Cluster(framework=framework, name=name, description=description, order=n, interchange=kept)
            for n, (name, description, kept) in enumerate(plan.clusters, start=1)
        ]
    )
    competencies = Competency.objects.bulk_create(
        [
            Competency(
                framework=framework,
                cluster=clusters[cluster] if cluster is not None else None,
                name=name[:200],
                definition=definition,
                order=n,
                interchange=kept,
            )
            for n, (cluster, name, definition, _indicators, kept) in enumerate(plan.competencies, start=1)
        ]
    )
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(
                competency=competency, text=text, level=level_by_id.get(level), order=n, interchange=kept
            )
            for competency, (_c, _name, _definition, indicators, _k) in zip(competencies, plan.competencies)
            for n, (text, level, kept) in enumerate(indicators, start=1)
        ]
    )
    log_import(framework=framework, user=user, source=_("een Moodle-competentiebestand (CSV)"), filename=filename)
    return framework
