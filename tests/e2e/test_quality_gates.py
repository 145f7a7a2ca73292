"""The gates themselves: the Nu Html Checker service the browser tests share finds real errors, axe-core
checks the document a test received (not what the server would send now), and the reflow check sees a
page that scrolls sideways at 320 px, also when a hidden label causes it."""

import pytest

from .quality import Document, PageAudit, sideways_scroll, vnu_server


def test_the_html_checker_reports_an_invalid_document_and_passes_a_valid_one():
    invalid = "<!DOCTYPE html><html lang=nl><head><title>x</title></head><body><span><div>x</div></span></body></html>"
    valid = "<!DOCTYPE html><html lang=nl><head><title>x</title></head><body><p>x</p></body></html>"
    errors = [m["message"] for m in vnu_server().check(invalid) if m.get("type") == "error"]
    assert any("“div” not allowed as child of element “span”" in error for error in errors)
    assert [m for m in vnu_server().check(valid) if m.get("type") == "error"] == []


def test_axe_checks_each_captured_document_at_its_own_address(browser, live_server):
    """A test's documents are rendered again after it, at their own address with the stylesheets of
    the live server: the captured body is what axe checks, even where the server now sends another."""
    login = live_server.url + "/inloggen/"
    stylesheet = f'<link rel="stylesheet" href="{live_server.url}/static/vendor/bootstrap/bootstrap.min.css">'
    head = f'<!DOCTYPE html><html lang="nl"><head><title>Inloggen</title>{stylesheet}</head>'
    without_alt = head + '<body><main><h1>Inloggen</h1><img src="/static/favicon.svg"></main></body></html>'
    audit = PageAudit(documents={"zonder-alt": Document(url=login, body=without_alt)})
    context = browser.new_context()
    try:
        problems = audit.accessibility_violations(context)
        page = context.new_page()
        page.goto(login)  # what the live server itself sends there: the real login page, which passes
        live = page.content()
    finally:
        context.close()
    assert [problem for problem in problems if "image-alt" in problem], problems
    assert all(problem.startswith(login) for problem in problems)
    assert "Gebruikersnaam" in live and 'favicon.svg"></main>' not in live


TABLE = '<div class="table-responsive"><table class="table"><tr>{cells}<td><span class="visually-hidden">Acties</span></td></tr></table></div>'
WIDE_TABLE = TABLE.format(cells="<td>Kolom met tekst</td>" * 8)


@pytest.mark.parametrize(
    "stylesheets, body, cause",
    [
        (["vendor/bootstrap/bootstrap.min.css"], "<p>Past op elk scherm.</p>", None),
        (["vendor/bootstrap/bootstrap.min.css"], '<div style="width: 400px">Te breed</div>', "div"),
        (
            ["vendor/bootstrap/bootstrap.min.css"],
            '<p style="white-space: nowrap">Een lange regel die niet mag afbreken en dus uitsteekt</p>',
            "p",
        ),
        # Bootstrap alone: the hidden label in the last cell escapes the table's scroll box.
        (["vendor/bootstrap/bootstrap.min.css"], WIDE_TABLE, "span.visually-hidden"),
        # With the app's stylesheet the table scrolls inside its box and a long word breaks.
        (["vendor/bootstrap/bootstrap.min.css", "css/app.css"], WIDE_TABLE, None),
        (["vendor/bootstrap/bootstrap.min.css", "css/app.css"], "<h1>Competentiewoordenboekenkast</h1>", None),
    ],
)
def test_the_reflow_check_sees_a_page_that_scrolls_sideways(browser, live_server, stylesheets, body, cause):
    links = "".join(f'<link rel="stylesheet" href="{live_server.url}/static/{sheet}">' for sheet in stylesheets)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        page.set_content(f'<!DOCTYPE html><html lang="nl"><head>{links}</head><body>{body}</body></html>')
        problem = sideways_scroll(page)
    finally:
        page.close()
    if cause is None:
        assert problem is None
    else:
        assert problem and f": {cause}" in problem, problem
