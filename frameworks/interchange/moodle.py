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

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from competentie.organisations.models import Organisation
from competentie.safecsv import restore_cell, safe_writer

from ..models import BehaviouralIndicator, Cluster, Competency, Framework, ProficiencyLevel
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


def framework_to_moodle_csv(framework: Framework) -> str:
    """A framework loaded by `framework_for_export` as Moodle CSV text (comma-separated, UTF-8)."""
    levels = list(framework.levels.all())
    clusters = list(framework.clusters.all())
    competencies = list(framework.competencies.all())
    scale = [level.name for level in levels] or FALLBACK_SCALE
    taxonomy = "domain,competency,indicator,indicator" if clusters else "competency,indicator,indicator,indicator"
    framework_id = f"{slugify(framework.name)[:80] or 'framework'}-v{framework.version}"

    out = io.StringIO()
    writer = safe_writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerow(
        _row(
            idnumber=framework_id,
            shortname=framework.name,
            description=framework.description,
            scale_values=",".join(name.replace(",", " ") for name in scale),
            scale_config=_scale_configuration(len(scale)),
            is_framework="1",
            taxonomy=taxonomy,
        )
    )
    exported = 0

    def next_id() -> int:
        nonlocal exported
        exported += 1
        return exported

    level_ids = {level.pk: f"niveau-{n}" for n, level in enumerate(levels, start=1)}
    if levels:
        writer.writerow(_row(idnumber=LEVEL_GROUP, shortname="Beheersingsniveaus", exported_id=next_id()))
        for level in levels:
            writer.writerow(
                _row(
                    parent=LEVEL_GROUP,
                    idnumber=level_ids[level.pk],
                    shortname=level.name,
                    description=level.description,
                    exported_id=next_id(),
                )
            )
    cluster_ids = {cluster.pk: f"cluster-{n}" for n, cluster in enumerate(clusters, start=1)}
    for cluster in clusters:
        writer.writerow(
            _row(
                idnumber=cluster_ids[cluster.pk],
                shortname=cluster.name,
                description=cluster.description,
                exported_id=next_id(),
            )
        )
    # Competencies under their cluster, in the cluster order, then those without a cluster.
    cluster_order = {cluster.pk: n for n, cluster in enumerate(clusters)}
    ordered = sorted(competencies, key=lambda c: cluster_order.get(c.cluster_id, len(clusters)))
    for number, competency in enumerate(ordered, start=1):
        competency_id = f"competentie-{number}"
        writer.writerow(
            _row(
                parent=cluster_ids.get(competency.cluster_id, ""),
                idnumber=competency_id,
                shortname=competency.name,
                description=competency.definition,
                exported_id=next_id(),
            )
        )
        for position, indicator in enumerate(competency.indicators.all(), start=1):
            writer.writerow(
                _row(
                    parent=competency_id,
                    idnumber=f"{competency_id}-gi-{position}",
                    shortname=indicator.text,
                    description=indicator.text,
                    related=level_ids.get(indicator.level_id, ""),
                    exported_id=next_id(),
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
    children: list["_Row"] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.description or self.shortname

    @property
    def height(self) -> int:
        return 1 + max((child.height for child in self.children), default=-1)


_TAGS = re.compile(r"<[^>]+>")
_BREAKS = re.compile(r"<\s*(br|/p|/li|/div)\s*/?>", re.IGNORECASE)


def _plain(text: str, description_format: str) -> str:
    """Moodle descriptions are often HTML (format 1, or 0 "Moodle auto-format"): keep the words only."""
    if description_format.strip() not in ("0", "1") and not _TAGS.search(text):
        return text.strip()
    # In HTML a line break is just a space; <br> and </p> are the real ones.
    text = html.unescape(_TAGS.sub("", _BREAKS.sub("\n", " ".join(text.split()))))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


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
                }
                continue
            if not idnumber:
                errors.append(_line(line, _("het ID number (kolom 2) ontbreekt.")))
                continue
            if not shortname and not description:
                errors.append(_line(line, _("“%(id)s” heeft geen naam (kolom 3, Short name).") % {"id": idnumber}))
                continue
            related = [value.replace("%2C", ",").strip() for value in record[10].split(",") if value.strip()]
            rows.append(_Row(line, parent, idnumber, shortname, description, related))
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


@dataclass
class _Plan:
    name: str
    description: str
    levels: list[tuple[str, str, str]]  # (row id or "", name, description)
    clusters: list[tuple[str, str]] = field(default_factory=list)  # (name, description)
    # (cluster index or None, name, definition, [(text, level row id or None)])
    competencies: list[tuple[int | None, str, str, list[tuple[str, str | None]]]] = field(default_factory=list)


def _plan(framework_row: dict, roots: list[_Row], errors: list[str]) -> _Plan:
    level_group = next((row for row in roots if row.idnumber.lower() in LEVEL_GROUP_IDS and row.height == 1), None)
    if level_group:
        levels = [
            (row.idnumber, row.shortname or row.description, row.description if row.shortname else "")
            for row in level_group.children
        ]
    else:
        levels = [("", name, "") for name in framework_row["scale"] if name]
        if [name for _id, name, _d in levels] == FALLBACK_SCALE:
            levels = []
    plan = _Plan(framework_row["name"], framework_row["description"], levels)
    level_ids = {row_id for row_id, _n, _d in levels if row_id}

    def add_competency(row: _Row, cluster: int | None):
        indicators = []
        for child in row.children:
            level = next((ref for ref in child.related if ref in level_ids), None)
            indicators.append((child.text, level))
        definition = row.description if row.description != row.shortname else ""
        plan.competencies.append((cluster, row.shortname or row.description, definition, indicators))
        if len(row.shortname or row.description) > 200:
            errors.append(_line(row.line, _("de naam van de competentie is langer dan 200 tekens.")))

    def visit(row: _Row, path: list[str], cluster: int | None):
        is_group = row.height >= 2 or (row.idnumber.startswith("cluster-") and path == [])
        if not is_group:
            add_competency(row, cluster)
            return
        name = " › ".join(path + [row.shortname or row.description])
        own = None
        has_competencies = any(
            child.height <= 1 and not child.idnumber.startswith("cluster-") for child in row.children
        )
        if has_competencies or (row.idnumber.startswith("cluster-") and not row.children):
            plan.clusters.append((name[:200], row.description if row.description != row.shortname else ""))
            own = len(plan.clusters) - 1
        for child in row.children:
            if child.height >= 2 or child.idnumber.startswith("cluster-"):
                visit(child, path + [row.shortname or row.description], None)
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
    )
    framework.full_clean(exclude=["based_on"])
    framework.save()
    levels = ProficiencyLevel.objects.bulk_create(
        [
            ProficiencyLevel(framework=framework, name=name[:100], description=description, order=n)
            for n, (_id, name, description) in enumerate(plan.levels, start=1)
        ]
    )
    level_by_id = {row_id: level for (row_id, _n, _d), level in zip(plan.levels, levels) if row_id}
    clusters = Cluster.objects.bulk_create(
        [
            Cluster(framework=framework, name=name, description=description, order=n)
            for n, (name, description) in enumerate(plan.clusters, start=1)
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
            )
            for n, (cluster, name, definition, _indicators) in enumerate(plan.competencies, start=1)
        ]
    )
    BehaviouralIndicator.objects.bulk_create(
        [
            BehaviouralIndicator(competency=competency, text=text, level=level_by_id.get(level), order=n)
            for competency, (_c, _name, _definition, indicators) in zip(competencies, plan.competencies)
            for n, (text, level) in enumerate(indicators, start=1)
        ]
    )
    log_import(framework=framework, user=user, source=_("een Moodle-competentiebestand (CSV)"), filename=filename)
    return framework
