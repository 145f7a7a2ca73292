"""One autosave for the whole product: a template that autosaves uses the shared module and its
status line, and no other script keeps a private autosave (fetch, retry queue or local drafts)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SHARED = ROOT / "static" / "js" / "autosave.js"
AUTOSAVING = re.compile(r"data-autosave-(url|submit)")
#: Scripts that talk to the server or the browser's storage for another reason than saving text.
NOT_AUTOSAVE = {
    "static/js/session-timeout.js": "asks to stay logged in; shares the idle clock between tabs",
    "static/frameworks/js/indicator-hints.js": "reads suggestions (GET), saves nothing",
}


def app_templates():
    for folder in [ROOT / "templates", *ROOT.glob("*/templates")]:
        if ".venv" not in folder.parts:
            yield from folder.rglob("*.html")


def test_every_template_that_autosaves_loads_the_shared_module_and_its_status():
    templates = list(app_templates())
    autosaving = [path for path in templates if AUTOSAVING.search(path.read_text())]
    assert len(autosaving) >= 6  # scoring, calibration, rating, peer notes, step 3, team
    # A partial ("includes/_x.html") is checked through every page that includes it.
    pages = []
    for path in autosaving:
        if path.name.startswith("_"):
            includers = [t for t in templates if f"/{path.parent.name}/{path.name}" in t.read_text()]
            assert includers, f"{path.relative_to(ROOT)} autosaves but no page includes it"
            pages += includers
        else:
            pages.append(path)
    problems = []
    for path in dict.fromkeys(pages):
        text = path.read_text()
        if "{% static 'js/autosave.js' %}" not in text:
            problems.append(f"{path.relative_to(ROOT)} autosaves without static/js/autosave.js")
        if '"includes/autosave_status.html"' not in text:
            problems.append(f"{path.relative_to(ROOT)} autosaves without includes/autosave_status.html")
    assert problems == []


def test_no_script_but_the_shared_module_posts_in_the_background_or_keeps_drafts():
    scripts = [p for p in (ROOT / "static").rglob("*.js") if "vendor" not in p.parts and p != SHARED]
    private = [
        str(p.relative_to(ROOT))
        for p in scripts
        if re.search(r"\bfetch\(|XMLHttpRequest|localStorage|sessionStorage", p.read_text())
        and str(p.relative_to(ROOT)) not in NOT_AUTOSAVE
    ]
    assert private == []
    assert not (ROOT / "static" / "selectie" / "js" / "scoring.js").exists()
    assert not (ROOT / "static" / "zelfevaluatie" / "js" / "autosave.js").exists()


def test_the_shared_module_shows_no_text_of_its_own():
    """Every word the status shows comes from the template ({% translate %} in data-text-*)."""
    code = SHARED.read_text()
    strings = re.findall(r'"([^"\\]*)"', code)
    dutch = [s for s in strings if re.search(r"\b(opgeslagen|niet|uw|verbinding|herlaad|tekst)\b", s, re.I)]
    assert dutch == []
    status = (ROOT / "templates" / "includes" / "autosave_status.html").read_text()
    used = set(re.findall(r'text\("([a-z-]+)"', code))
    defined = set(re.findall(r"data-text-([a-z-]+)=", status))
    assert used <= defined
    assert "herlaad" not in status.lower()  # a reload is what used to lose text
