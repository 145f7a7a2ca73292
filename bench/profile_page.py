"""Where one request's time goes: cProfile of a benchmark page, in-process (development only).

    DATABASE_URL=postgres://… DEBUG=0 … .venv/bin/python bench/profile_page.py MANIFEST round-team [--top 25]

Requests the page (bench/pages.py) a few times to warm up, then profiles ten requests and prints
the functions with the most cumulative and own time. Measure first, then change.
"""

import argparse
import cProfile
import json
import os
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from bench.pages import pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("page")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    page = next(p for p in pages(json.loads(Path(args.manifest).read_text())) if p.name == args.page)
    client = Client()
    client.force_login(get_user_model().objects.get(username=page.username))

    def fetch():
        return client.get(page.url) if page.data is None else client.post(page.url, page.data)

    for _ in range(3):
        fetch()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(10):
        fetch()
    profile.disable()
    stats = pstats.Stats(profile).strip_dirs()
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
