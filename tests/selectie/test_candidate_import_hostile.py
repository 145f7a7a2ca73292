"""Hostile candidate CSV files: every one is refused with a 400 and a Dutch reason, and nothing is written.

Fixed cases cover each kind of hostility (NUL bytes, control characters, wrong encodings,
oversized fields and files, malformed quoting, too many rows or columns); a seeded mutation
fuzzer then damages a valid file at random and checks that the server never errs: a mutated
file is either imported whole or refused whole.
"""

import codecs
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from selectie import services
from selectie.models import Candidate, CandidatePersonalData

pytestmark = pytest.mark.django_db

VALID = "naam,e-mail,notities\nAnna de Vries,anna@example.nl,Intern\nBram Jansen,bram@example.nl,\n"

HOSTILE = {
    "nul byte in a name": b"naam,email\nAn\x00na,anna@example.nl\n",
    "nul byte in the header": b"na\x00am,email\nAnna,anna@example.nl\n",
    "only nul bytes": b"\x00" * 1000,
    "escape character": b"naam,email\nAnna\x1b[31m,anna@example.nl\n",
    "bell and backspace": b"naam,email\nAnna\x07\x08,anna@example.nl\n",
    "delete character": b"naam,email\nAnna\x7f,anna@example.nl\n",
    "C1 control": "naam,email\nAnna\u0085,anna@example.nl\n".encode(),
    "right-to-left override": "naam,email\nAnna\u202elnx.exe,anna@example.nl\n".encode(),
    "vertical tab": b"naam,email\nAnna\x0bde Vries,anna@example.nl\n",
    "utf-16 with bom": codecs.BOM_UTF16_LE + "naam,email\nAnna,anna@example.nl\n".encode("utf-16-le"),
    "utf-16 without bom": "naam,email\nAnna,anna@example.nl\n".encode("utf-16-le"),
    "utf-32": "naam,email\nAnna,anna@example.nl\n".encode("utf-32"),
    "windows-1252": "naam,email\nJosé,jose@example.nl\n".encode("cp1252"),
    "overlong utf-8": b"naam,email\nAnna\xc0\xaf,anna@example.nl\n",
    "lone surrogate": b"naam,email\nAnna\xed\xa0\x80,anna@example.nl\n",
    "gzip bytes": b"\x1f\x8b\x08\x00" + bytes(range(256)),
    "name too long": f"naam,email\n{'A' * 201},anna@example.nl\n".encode(),
    "e-mail too long": f"naam,email\nAnna,{'a' * 250}@example.nl\n".encode(),
    "notes too long": f"naam,email,notities\nAnna,anna@example.nl,{'n' * 2001}\n".encode(),
    "one enormous line": ("naam,email\n" + "x" * 200_000 + "\n").encode(),
    "one enormous quoted field": ('naam,email\n"' + "x" * 200_000 + '",a@example.nl\n').encode(),
    "file too large": ("naam,email\n" + "Anna,anna@example.nl\n" * 20_000).encode(),
    "too many rows": ("naam,email\n" + "".join(f"P{n},p{n}@example.nl\n" for n in range(1001))).encode(),
    "too many columns in the header": ("naam,email" + ",x" * 100 + "\n").encode(),
    "too many columns in a row": ("naam,email\nAnna,anna@example.nl" + ",x" * 100 + "\n").encode(),
    "unterminated quote": b'naam,email\n"Anna,anna@example.nl\n',
    "deeply nested quotes": ('naam,email\n"' + '""' * 50_000 + "\n").encode(),
    "only separators": b",,,,,,,,\n;;;;;;;;\n",
    "only a byte order mark": codecs.BOM_UTF8,
    "whitespace": b"   \n\t\n  \r\n",
    "binary noise": bytes(random.Random(14).randrange(256) for _ in range(4096)),
}


def counts():
    return Candidate.objects.count(), CandidatePersonalData.objects.count()


def post(client, day, data: bytes):
    url = reverse("selectie:candidate-import", args=[day.procedure.pk])
    return client.post(url, {"file": SimpleUploadedFile("kandidaten.csv", data, content_type="text/csv")})


def assert_refused(response, before):
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    assert errors, "a refused file must say why"
    content = response.content.decode()
    for message in errors:
        assert escape(message) in content
    assert counts() == before


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_candidate_file_gets_a_400_with_a_dutch_reason_and_writes_nothing(day, client_for, data):
    before = counts()
    assert_refused(post(client_for("hr"), day, data), before)


@pytest.mark.parametrize(
    "data, code",
    [
        (HOSTILE["nul byte in a name"], "control_character"),
        (HOSTILE["escape character"], "control_character"),
        (HOSTILE["right-to-left override"], "control_character"),
        (HOSTILE["utf-16 with bom"], "encoding"),
        (HOSTILE["windows-1252"], "encoding"),
        (HOSTILE["one enormous line"], "too_long"),
        (HOSTILE["file too large"], "too_large"),
        (HOSTILE["too many rows"], "too_many_rows"),
        (HOSTILE["too many columns in a row"], "too_many_columns"),
        (HOSTILE["unterminated quote"], "malformed"),
        (HOSTILE["name too long"], "invalid_row"),
    ],
)
def test_each_kind_of_hostile_file_has_its_own_error_code(day, data, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.candidates_import_csv(procedure=day.procedure, data=data)
    assert code in {e.code for e in error.value.error_list}


MUTATIONS = 150


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(data) + 1)
        kind = rng.choice(["insert", "replace", "delete", "duplicate"])
        byte = rng.choice([0, 1, 9, 10, 13, 27, 34, 44, 59, 127, 0x80, 0xC3, 0xE2, 0xFF, rng.randrange(256)])
        if kind == "insert":
            data[position:position] = bytes([byte])
        elif kind == "replace" and position < len(data):
            data[position] = byte
        elif kind == "delete" and position < len(data):
            del data[position]
        else:
            data[position:position] = data[position : position + rng.randint(1, 40)] * rng.randint(1, 200)
    return bytes(data)


def test_randomly_damaged_files_are_imported_whole_or_refused_whole(day, client_for):
    rng = random.Random(20261130)
    client = client_for("hr")
    outcomes = {200: 0, 302: 0, 400: 0}
    for _ in range(MUTATIONS):
        data = mutate(rng, VALID.encode())
        before = counts()
        response = post(client, day, data)
        assert response.status_code in (302, 400), data
        outcomes[response.status_code] += 1
        if response.status_code == 400:
            assert_refused(response, before)
        else:
            added = counts()[0] - before[0]
            assert added >= 1 and counts()[1] - before[1] == added
    # The fuzzer must exercise both sides, or it tests nothing.
    assert outcomes[400] > 0 and outcomes[302] > 0
