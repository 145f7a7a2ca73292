"""The HTML gate itself: the Nu Html Checker service the browser tests share finds real errors."""

from .quality import vnu_server


def test_the_html_checker_reports_an_invalid_document_and_passes_a_valid_one():
    invalid = "<!DOCTYPE html><html lang=nl><head><title>x</title></head><body><span><div>x</div></span></body></html>"
    valid = "<!DOCTYPE html><html lang=nl><head><title>x</title></head><body><p>x</p></body></html>"
    errors = [m["message"] for m in vnu_server().check(invalid) if m.get("type") == "error"]
    assert any("“div” not allowed as child of element “span”" in error for error in errors)
    assert [m for m in vnu_server().check(valid) if m.get("type") == "error"] == []
