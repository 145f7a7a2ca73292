"""Check that fixture text is copied verbatim from the source documents in fixtures/documents/.

The seeds are plain-text extractions of PDFs: they carry HTML-ish markup, footnote
markers, bullets and hard line breaks (sometimes inside a hyphenated word). The fixture
text repairs exactly that and nothing else, so comparing both after the same
normalisation proves that no word was changed or invented.
"""

import re
from functools import lru_cache
from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "documents"

SEED_FILES = {
    "rotterdam": "000_b274ba91a0386da4.txt",
    "vth_first": "001_3df198bdb0cfe46c.txt",
    "divosa": "002_7681afe80ad5ecbb.txt",
    "ontwikkelprogramma": "003_81d65313e4dfa47f.txt",
    "vth": "004_2c2d15905f280abc.txt",
}

_FOOTNOTE = re.compile(r"<sup>.*?</sup>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DECORATION = re.compile(r"[*■•]")
_SPACE = re.compile(r"\s+")
_LINE_BREAK_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(\w)")
# A few extractions flattened a line-break hyphen onto one line ("leidinggeven- de").
_FLATTENED_HYPHEN = re.compile(r"(\w)- ([a-z])")


def normalise(text: str) -> str:
    """Collapse whitespace so that only the words and their punctuation remain."""
    return _SPACE.sub(" ", text).strip()


@lru_cache
def seed_variants(name: str) -> tuple[str, str, str]:
    """The seed text normalised three ways: hyphen at a line break dropped, kept, and flattened ones joined."""
    path = SEEDS_DIR / SEED_FILES[name]
    if not path.exists():
        raise FileNotFoundError(f"Seed document not found: {path}")
    raw = path.read_text(encoding="utf-8")
    raw = _FOOTNOTE.sub("", raw)
    raw = _TAG.sub(" ", raw)
    raw = _DECORATION.sub(" ", raw)
    joined = _LINE_BREAK_HYPHEN.sub(r"\1\2", raw)
    kept = _LINE_BREAK_HYPHEN.sub(r"\1-\2", raw)
    flattened = _FLATTENED_HYPHEN.sub(r"\1\2", joined)
    return normalise(joined), normalise(kept), normalise(flattened)


def occurs_in_seed(text: str, name: str) -> bool:
    """True when ``text`` stands word for word in seed ``name``."""
    needle = normalise(text)
    return any(needle in variant for variant in seed_variants(name))
