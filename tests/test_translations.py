"""The interface is translatable: every UI string goes through gettext and the catalogue holds it.

Dutch is the source language (the msgids); the English catalogue in locale/en proves that the
catalogue works. After changing UI text: `make messages`, translate the new entries in
locale/en/LC_MESSAGES/django.po, and `make messages` again to compile.
"""

import ast
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.template.base import Lexer, TokenType
from django.test import Client, override_settings
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
APP_DIRS = ["competentie", "frameworks", "selectie", "zelfevaluatie", "ontwikkeling", "medewerkers", "templates"]
LETTERS = re.compile(r"[A-Za-zÀ-ÿ]{2}")
HOW_TO_FIX = "Run `make messages`, translate the new entries in locale/en/LC_MESSAGES/django.po, run it again."


def source_files(pattern: str):
    for name in APP_DIRS:
        for path in sorted((ROOT / name).glob(pattern)):
            if "migrations" not in path.parts and "__pycache__" not in path.parts:
                yield path


def key(entry) -> tuple[str, str]:
    return entry.msgctxt or "", entry.msgid


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """What makemessages finds in the source today, extracted from a copy (the real catalogue is not touched)."""
    copy = tmp_path_factory.mktemp("messages") / "src"
    for name in APP_DIRS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    (copy / "locale").mkdir()
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        import os

        previous = os.getcwd()
        os.chdir(copy)
        try:
            call_command("makemessages", locale=["en"], add_location="file", verbosity=0)
        finally:
            os.chdir(previous)
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))


def test_every_ui_string_is_in_the_catalogue(extracted):
    catalogue = {key(entry) for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    missing = sorted(msgid for context, msgid in {key(entry) for entry in extracted} - catalogue)
    assert not missing, f"{len(missing)} UI strings are not in the catalogue: {missing[:10]}. {HOW_TO_FIX}"


def test_the_catalogue_holds_no_strings_the_interface_no_longer_uses(extracted):
    catalogue = {key(entry) for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    stale = sorted(msgid for context, msgid in catalogue - {key(entry) for entry in extracted})
    assert not stale, f"{len(stale)} catalogue entries are no longer used: {stale[:10]}. {HOW_TO_FIX}"


def test_the_english_catalogue_is_complete_and_compiled():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} entries lack an English translation: {untranslated[:10]}"
    assert not fuzzy, f"{len(fuzzy)} entries are marked fuzzy (check and unmark them): {fuzzy[:10]}"
    compiled = {
        key(entry): entry.msgstr or entry.msgstr_plural for entry in polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    }
    source = {key(entry): entry.msgstr or entry.msgstr_plural for entry in catalogue.translated_entries()}
    assert compiled == source, "locale/en/LC_MESSAGES/django.mo is older than the .po file: run `make messages`."


class _TextFinder(HTMLParser):
    """Visible text and text-bearing attributes of a template whose Django tags are blanked out."""

    ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description"}
    SILENT = {"script", "style", "code", "pre", "kbd"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.silent = 0

    def handle_starttag(self, tag, attrs):
        self.silent += tag in self.SILENT
        attributes = dict(attrs)
        for name, value in attrs:
            shown = name in self.ATTRIBUTES or name.startswith("data-text")
            shown |= tag == "input" and name == "value" and attributes.get("type") in {"submit", "button"}
            if shown and value and LETTERS.search(value):
                self.found.append((self.getpos()[0], value))

    def handle_endtag(self, tag):
        self.silent -= tag in self.SILENT

    def handle_data(self, data):
        if not self.silent and LETTERS.search(data):
            self.found.append((self.getpos()[0], data.strip()))


def untranslated_template_text(source: str) -> list[tuple[int, str]]:
    """Text a template shows outside {% translate %} and {% blocktranslate %}."""
    blanked, depth = [], 0
    for token in Lexer(source).tokenize():
        name = (token.contents.split() or [""])[0] if token.token_type == TokenType.BLOCK else ""
        if name in {"blocktranslate", "blocktrans", "comment"}:
            depth += 1
        elif name in {"endblocktranslate", "endblocktrans", "endcomment"}:
            depth -= 1
        elif depth or token.token_type != TokenType.TEXT:
            # A tag or variable becomes a neutral mark; lines are kept so the report points at the right one.
            blanked.append("§" + "\n" * token.contents.count("\n"))
        else:
            blanked.append(token.contents)
    finder = _TextFinder()
    finder.feed("".join(blanked))
    return [(line, text) for line, text in finder.found if LETTERS.search(text.replace("§", ""))]


def test_templates_show_no_text_outside_translate_tags():
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in source_files("**/*.html")
        for line, text in untranslated_template_text(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Wrap these texts in {% translate %}:\n" + "\n".join(problems)


def test_the_template_check_finds_plain_text():
    found = untranslated_template_text(
        '{% load i18n %}<p>Opslaan</p><p>{% translate "Klaar" %}</p><a title="Hulp">x</a>'
    )
    assert [text for line, text in found] == ["Opslaan", "Hulp"]


# Calls whose string arguments reach the user, and keyword arguments that label a field.
_MESSAGE_CALLS = {"ValidationError", "ImportErrors", "PermissionDenied", "Http404"}
_MESSAGE_FUNCTIONS = {"success", "error", "warning", "info", "add_message"}
_LABEL_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}


def _literals(node):
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        yield node
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _literals(element)
    elif isinstance(node, ast.BinOp):
        yield from _literals(node.left)


def untranslated_python_messages(source: str) -> list[tuple[int, str]]:
    """String literals handed to the user without gettext: errors, flash messages, field labels."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        is_message = name in _MESSAGE_CALLS or (
            name in _MESSAGE_FUNCTIONS
            and isinstance(function, ast.Attribute)
            and getattr(function.value, "id", "") == "messages"
        )
        arguments = list(node.args) if is_message else []
        arguments += [keyword.value for keyword in node.keywords if keyword.arg in _LABEL_KEYWORDS]
        for argument in arguments:
            for literal in _literals(argument):
                parts = [literal] if isinstance(literal, ast.Constant) else literal.values
                text = "".join(part.value for part in parts if isinstance(part, ast.Constant))
                if LETTERS.search(text):
                    found.append((literal.lineno, text))
    return found


def test_python_messages_and_labels_go_through_gettext():
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in source_files("**/*.py")
        for line, text in untranslated_python_messages(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "Wrap these in gettext (_()):\n" + "\n".join(problems)


def test_the_python_check_finds_plain_messages():
    source = 'raise ValidationError("Kapot")\nraise ValidationError(_("Goed"))\nmessages.info(request, f"Hallo {x}")\n'
    assert [line for line, text in untranslated_python_messages(source)] == [1, 3]


# Our scripts take their texts from data attributes that the templates translate. A Dutch
# function word in a string literal means a text was typed into the script instead.
_DUTCH_WORDS = re.compile(r"\b(de|het|een|niet|geen|is|wordt|uw|u|op|van|en|met|om|opgeslagen|verbinding)\b", re.I)
_JS_STRING = re.compile(r"""(["'`])((?:\\.|(?!\1).)*)\1""")


def test_scripts_hold_no_interface_text():
    problems = []
    for path in sorted((ROOT / "static").glob("**/*.js")):
        if "vendor" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip().startswith(("//", "*", "/*")):
                continue
            for match in _JS_STRING.finditer(line):
                if " " in match.group(2) and _DUTCH_WORDS.search(match.group(2)):
                    problems.append(f"{path.relative_to(ROOT)}:{number}: {match.group(2)[:60]!r}")
    assert not problems, "Move these texts into a translated data attribute:\n" + "\n".join(problems)


@pytest.mark.django_db
class TestLanguageSwitch:
    def test_dutch_is_the_default_even_for_an_english_browser(self):
        response = Client().get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en")
        assert response.headers["Content-Language"] == "nl"
        assert 'lang="nl"' in response.text and "Inloggen" in response.text

    def test_choosing_english_shows_the_interface_in_english(self):
        client = Client()
        response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
        assert response.status_code == 302
        page = client.get(reverse("login"))
        assert page.headers["Content-Language"] == "en"
        assert 'lang="en"' in page.text and "Sign in" in page.text and "Inloggen" not in page.text

    def test_an_unknown_language_falls_back_to_dutch(self):
        client = Client()
        client.cookies["django_language"] = "xx"
        assert client.get(reverse("login")).headers["Content-Language"] == "nl"
