"""Service time of each page, one request at a time, as a multiple of the floor page (make bench).

    BENCHMARK=1 … gunicorn competentie.wsgi --workers 1 --bind 127.0.0.1:8765 &
    DATABASE_URL=postgres://… .venv/bin/python bench/service_times.py MANIFEST \\
        --base-url http://127.0.0.1:8765 --label large --out FILE.json

On a shared machine absolute times say little; a ratio to the floor measured in the same run (a
logged-in 404 page, bench/pages.py) holds. Every page is requested over HTTP from one gunicorn
worker, one request at a time: warmed up, then timed REPEAT times, each time followed by a floor
request. bench/report.py divides by the floor measured on its own, at the start (the first page) and
again at the end, the lower of the two: the floor right after a heavy page pays for that page's garbage
collection and drifts upwards, and a start while the machine is still busy must not flatter the ratios. The query count is the server's X-Query-Count
header (BENCHMARK=1). Writes JSON for bench/report.py.
"""

import argparse
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")

import django  # noqa: E402

django.setup()

from bench.pages import FLOOR, Page, pages  # noqa: E402

WARM_UP = 5
REPEAT = 30
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def session_for(username: str, password: str, base_url: str, sessions: dict) -> requests.Session:
    if username not in sessions:
        session = requests.Session()
        form = session.get(f"{base_url}/inloggen/")
        token = CSRF.search(form.text).group(1)
        done = session.post(
            f"{base_url}/inloggen/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{base_url}/inloggen/"},
        )
        if "sessionid" not in session.cookies:
            raise SystemExit(f"Inloggen als {username} mislukt (HTTP {done.status_code}).")
        sessions[username] = session
    return sessions[username]


def request(session: requests.Session, base_url: str, page: Page) -> requests.Response:
    if page.data is None:
        return session.get(base_url + page.url, allow_redirects=False)
    return session.post(
        base_url + page.url,
        page.data,
        headers={
            "X-CSRFToken": session.cookies.get("csrftoken", ""),
            "X-Requested-With": "fetch",
            "Accept": "application/json",
            "Referer": base_url + page.url,
        },
        allow_redirects=False,
    )


def measure(page: Page, floor: Page, *, base_url: str, password: str, sessions: dict) -> dict:
    own = session_for(page.username, password, base_url, sessions)
    floor_session = session_for(floor.username, password, base_url, sessions)
    for _ in range(WARM_UP):
        request(own, base_url, page)
        request(floor_session, base_url, floor)
    page_times, floor_times = [], []
    for _ in range(REPEAT):
        for target, session, times in ((page, own, page_times), (floor, floor_session, floor_times)):
            started = time.perf_counter()
            response = request(session, base_url, target)
            times.append(time.perf_counter() - started)
    response = request(own, base_url, page)
    floor_ms, page_ms = statistics.median(floor_times) * 1000, statistics.median(page_times) * 1000
    return {
        "name": page.name,
        "url": page.url,
        "status": response.status_code,
        "bytes": len(response.content),
        "median_ms": page_ms,
        "floor_median_ms": floor_ms,
        "ratio": page_ms / floor_ms,
        "queries": int(response.headers.get("X-Query-Count", -1)),
        "target": page.target,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--label", default="large")
    parser.add_argument("--out")
    args = parser.parse_args()
    manifest = json.loads(Path(args.manifest).read_text())
    listed = pages(manifest)
    floor = next(page for page in listed if page.name == FLOOR)
    sessions: dict = {}
    rows = []
    for page in listed:
        row = measure(page, floor, base_url=args.base_url, password=manifest["password"], sessions=sessions)
        rows.append(row)
        print(
            f"{args.label:6} {row['name']:22} HTTP {row['status']} {row['median_ms']:7.1f} ms "
            f"× {row['ratio']:5.2f} (vloer {row['floor_median_ms']:.1f} ms) {row['queries']:3} queries "
            f"{row['bytes'] // 1024} kB",
            flush=True,
        )
    end = measure(floor, floor, base_url=args.base_url, password=manifest["password"], sessions=sessions)
    print(f"{args.label:6} {'floor-404 (einde)':22} HTTP {end['status']} {end['median_ms']:7.1f} ms", flush=True)
    if args.out:
        Path(args.out).write_text(
            json.dumps(
                {"label": args.label, "repeat": REPEAT, "pages": rows, "floor_end_ms": end["median_ms"]}, indent=1
            )
        )


if __name__ == "__main__":
    main()
