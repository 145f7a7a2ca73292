"""In-process ratio of bench pages to the floor (development only; `make bench` is the measurement).

    DATABASE_URL=postgres://… DEBUG=0 … .venv/bin/python bench/quick_ratio.py MANIFEST [PAGE ...]

Median of 30 test-client requests after warm-up, divided by the floor's: a quick check while
changing a page, without gunicorn and HTTP. The ratios come out a little higher than make bench's.
"""

import json
import logging
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

from bench.pages import FLOOR, pages  # noqa: E402

logging.getLogger("django.request").setLevel(logging.ERROR)  # the floor is a 404 on purpose


def median_ms(client, page, repeat=30):
    def fetch():
        return client.get(page.url) if page.data is None else client.post(page.url, page.data)

    for _ in range(3):
        fetch()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = fetch()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, response


def main() -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    listed = pages(json.loads(Path(sys.argv[1]).read_text()))
    wanted = set(sys.argv[2:])
    clients = {}
    floor = next(p for p in listed if p.name == FLOOR)
    for page in listed:
        if wanted and page.name not in wanted:
            continue
        for target in (page, floor):
            if target.username not in clients:
                clients[target.username] = Client()
                clients[target.username].force_login(get_user_model().objects.get(username=target.username))
        floor_ms, _ = median_ms(clients[floor.username], floor)
        page_ms, response = median_ms(clients[page.username], page)
        connection.force_debug_cursor = True
        reset_queries()
        clients[page.username].get(page.url) if page.data is None else clients[page.username].post(page.url, page.data)
        queries = len(connection.queries)
        connection.force_debug_cursor = False
        print(
            f"{page.name:24} {response.status_code} {page_ms:6.1f} ms  floor {floor_ms:5.1f} ms  "
            f"× {page_ms / floor_ms:4.1f}  {queries} queries  {len(response.content) // 1024} kB"
        )


if __name__ == "__main__":
    main()
