"""Every framework import (JSON, Moodle CSV, CASE) answers hostile input with a 400 and a Dutch message.

One fuzz-style test per import endpoint: deep nesting, NUL bytes (raw and escaped), other control
characters, a wrong encoding and an oversized field. Each must give a 4xx, at least one message on
the form, and leave the row counts as they were.
"""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from competentie.audit.models import AuditEvent
from frameworks.interchange import ImportErrors
from frameworks.interchange.case import framework_to_case
from frameworks.interchange.moodle import framework_import_moodle_csv
from frameworks.interchange.native import framework_to_dict
from frameworks.interchange.native_import import framework_import_json
from frameworks.interchange.selectors import framework_for_export
from frameworks.models import BehaviouralIndicator, Competency, Framework, ProficiencyLevel

from ..factories import make_framework

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).parent / "data" / "moodle_klantcontact.csv"
ENGLISH = ("Expecting", "delimiter", "line ", "column ", "char ", "codec", "byte", "position")


def counts():
    return tuple(
        model.objects.count() for model in (Framework, Competency, BehaviouralIndicator, ProficiencyLevel, AuditEvent)
    )


def post(client, file_format: str, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("frameworks:framework-import"), {"file_format": file_format, "file": upload})


def assert_refused(client, file_format: str, name: str, content: bytes, label: str):
    before = counts()
    response = post(client, file_format, name, content)
    assert 400 <= response.status_code < 500, (label, response.status_code)
    messages = response.context["import_errors"] or response.context["form"].errors.get("file", [])
    assert messages, label
    for message in messages:
        assert not any(word in message for word in ENGLISH), (label, message)
    assert counts() == before, label


@pytest.fixture
def json_export(users, org_a):
    framework = make_framework(org_a, name="Vijandig", competencies=2)
    return framework_to_dict(framework_for_export(user=users["hr"], pk=framework.pk))


def variants_of(text: str, *, field: str) -> dict[str, bytes]:
    """Hostile variants of a valid text file, `field` being a value inside it to poison."""
    return {
        "nul byte": text.replace(field, field[:3] + "\x00" + field[3:], 1).encode(),
        "bell character": text.replace(field, field + "\x07", 1).encode(),
        "latin-1": text.replace(field, field + " café", 1).encode("latin-1", errors="replace"),
        "utf-16": text.encode("utf-16"),
        "oversized field": text.replace(field, field + "x" * 30_000, 1).encode(),
    }


def test_json_import_refuses_hostile_files_with_a_message(client_as, json_export):
    client = client_as("hr")
    text = json.dumps(json_export, ensure_ascii=False)
    variants = variants_of(text, field="Competentie 1")
    variants["deep nesting"] = b"[" * 500_000 + b"]" * 500_000
    variants["nesting inside a valid document"] = text.replace(
        '"profiles": [', '"profiles": [' + "[" * 100 + "]" * 100 + ",", 1
    ).encode()
    variants["escaped nul"] = text.replace("Competentie 1", "Compe\\u0000tentie 1", 1).encode()
    for label, content in variants.items():
        assert_refused(client, "json", "vijandig.json", content, label)


def test_moodle_import_refuses_hostile_files_with_a_message(client_as):
    client = client_as("hr")
    text = SAMPLE.read_text(encoding="utf-8")
    variants = variants_of(text, field="Samenwerken en communiceren")
    header, first, *_ = text.splitlines()
    chain = [header, first] + [f"{'n' + str(n - 1) if n else ''},n{n},Naam {n},,0,,,,,,,,," for n in range(3000)]
    variants["deep nesting"] = "\n".join(chain).encode()
    for label, content in variants.items():
        assert_refused(client, "moodle", "vijandig.csv", content, label)


def test_case_import_refuses_hostile_files_with_a_message(client_as, users, org_a):
    client = client_as("hr")
    framework = make_framework(org_a, name="Vijandig CASE", competencies=2)
    package = framework_to_case(
        framework_for_export(user=users["hr"], pk=framework.pk), absolute=lambda p: f"https://x.nl{p}"
    )
    text = json.dumps(package, ensure_ascii=False)
    variants = variants_of(text, field="Competentie 1")
    # 1.6 MB: within the 2 MB that one request reads itself (a larger package goes to the task queue,
    # whose refusal of deep nesting tests/frameworks/test_case_import_queue.py proves).
    variants["deep nesting"] = b'{"CFDocument": ' * 100_000 + b"1" + b"}" * 100_000
    variants["escaped nul"] = text.replace("Competentie 1", "Compe\\u0000tentie 1", 1).encode()
    variants["not a package"] = b'{"CFItems": []}'
    for label, content in variants.items():
        assert_refused(client, "case", "vijandig.json", content, label)


# --- The messages themselves ---------------------------------------------------------------


def refused(importer, raw: bytes, org) -> ImportErrors:
    with pytest.raises(ImportErrors) as caught:
        importer(raw=raw, organisation=org)
    return caught.value


def test_an_unterminated_quote_is_reported_on_its_own_line(org_a):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace('</p>",', "</p>,", 1)  # line 6 opens a quote that never closes
    error = refused(framework_import_moodle_csv, "\n".join(lines).encode(), org_a)
    assert error.messages[0].startswith("Regel 6: een aanhalingsteken")


def test_a_missing_json_section_is_named_instead_of_every_reference_into_it(json_export, org_a):
    del json_export["competencies"]
    error = refused(framework_import_json, json.dumps(json_export).encode(), org_a)
    assert error.code == "section_missing"
    assert error.messages == ["Het onderdeel “competencies” ontbreekt in het bestand."]


def test_an_encoding_error_names_line_and_column(json_export, org_a):
    raw = json.dumps(json_export, indent=2, ensure_ascii=False).encode()
    line = raw[: raw.index(b"Competentie 1")].count(b"\n") + 1
    column = len(raw[raw.rindex(b"\n", 0, raw.index(b"Competentie 1")) + 1 : raw.index(b"Competentie 1")]) + 1
    raw = raw.replace(b"Competentie 1", b"\xe9Competentie 1", 1)
    error = refused(framework_import_json, raw, org_a)
    assert error.code == "encoding"
    assert error.messages == [f"Regel {line}, kolom {column}: het bestand is geen UTF-8-tekst."]


def test_json_syntax_errors_are_in_dutch_with_line_and_column(org_a):
    error = refused(framework_import_json, b'{\n  "format": "competentie-framework",\n  "version" 1\n}', org_a)
    assert error.code == "json_syntax"
    assert error.messages == ["Regel 3, kolom 13: dit is geen geldige JSON (hier wordt een dubbele punt verwacht)."]
