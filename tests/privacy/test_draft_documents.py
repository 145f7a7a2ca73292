"""`manage.py draft_document` drafts the processing register, the DPIA pre-scan and the accessibility statement."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from competentie.audit.reads import PURPOSES
from competentie.security import documents


def draft(name: str) -> str:
    out = StringIO()
    call_command("draft_document", name, stdout=out)
    return out.getvalue()


def security_md_rows():
    return documents.data_table((Path(settings.BASE_DIR) / "SECURITY.md").read_text(encoding="utf-8"))


def test_the_data_table_is_read_whole():
    rows = security_md_rows()
    assert len(rows) > 10
    assert any("audit_auditevent" in row.tables for row in rows)
    assert all(row.period and row.who for row in rows)


@pytest.mark.parametrize("name", ["verwerkingsregister", "dpia"])
def test_every_row_of_the_data_table_appears_in_the_draft(name):
    text = draft(name)
    assert "Concept" in text and "onze eigen formulering" in text
    for row in security_md_rows():
        assert row.what in text and row.period in text, row.what
        if name == "verwerkingsregister":
            assert all(f"`{table}`" in text for table in row.tables)


def test_the_register_names_every_purpose_of_the_read_log():
    text = draft("verwerkingsregister")
    assert all(str(purpose) in text for purpose in PURPOSES.values())


def test_the_accessibility_statement_needs_the_sweeps_results(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="test_every_page.py"):
        draft("toegankelijkheid")


def test_the_accessibility_statement_reports_the_sweep(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    results = tmp_path / "test-artifacts" / "accessibility"
    results.mkdir(parents=True)
    for group, problems in [("eerste", []), ("tweede", ["hr frameworks:list: color-contrast (serious)"])]:
        (results / f"sweep-{group}.json").write_text(
            json.dumps(
                {
                    "group": group,
                    "date": "2026-12-07",
                    "standard": "WCAG 2.0/2.1 A en AA",
                    "routes": 50,
                    "pages": 300,
                    "axe_violations": problems,
                }
            )
        )
    text = draft("toegankelijkheid")
    assert "100 pagina's" in text and "600 bezoeken" in text and "2026-12-07" in text
    assert "voldoet gedeeltelijk" in text and "color-contrast" in text
    assert "onze eigen formulering" in text
