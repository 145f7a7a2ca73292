"""The small bench set (2 %, make bench's "klein"): its round page is the same kind of page as the large set's.

Its own module: tests/zelfevaluatie/test_generate.py keeps a larger generated municipality for all its tests."""

import re

import pytest

from zelfevaluatie.models import EvaluationRound

from .test_generate import run

pytestmark = pytest.mark.django_db


def test_the_small_bench_set_opens_a_round_with_a_previous_one_as_the_large_set_does(seeded):
    base, _summary, manifest = run(scale=0.02)
    url = manifest["zelfevaluatie"]["round"][0]["url"]
    opened = EvaluationRound.objects.get(pk=int(re.search(r"/(\d+)/", url).group(1)))
    assert EvaluationRound.objects.filter(organisation=base.organisation).count() == 2
    assert opened.previous_round is not None
