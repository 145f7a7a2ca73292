"""EXPLAIN the queries of the heaviest pages on the generated municipality (development only).

    DATABASE_URL=postgres://… DEBUG=1 .venv/bin/python manage.py generate_municipality --seed 42 \\
        --manifest /tmp/manifest.json
    DATABASE_URL=postgres://… DEBUG=1 .venv/bin/python bench/explain_pages.py /tmp/manifest.json

For the scoring screen, the calibration pages and the round pages it fetches one page as its user,
then runs EXPLAIN ANALYZE on each query and prints the slowest ones with their plans, marking
sequential scans of big tables (the sign that an index is missing).
"""

import json
import os
import re
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "competentie.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.pages import pages  # noqa: E402

BIG = re.compile(
    r"Seq Scan on (selectie_score\w*|selectie_assignment|selectie_submission|selectie_candidate\w*|"
    r"selectie_consensusscore|audit_auditevent|zelfevaluatie_\w+)"
)


def main(manifest_path: str) -> None:
    manifest = json.loads(Path(manifest_path).read_text())
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    User = get_user_model()
    print("# EXPLAIN van de zwaarste queries per pagina\n")
    print("Geschreven door `make bench` (bench/explain_pages.py) op de landelijke dataset: per pagina de")
    print("drie traagste queries met hun plan. SEQ SCAN OF A BIG TABLE markeert een ontbrekende index.")
    for page in pages(manifest):
        if page.data is not None:
            continue  # EXPLAIN reads; the autosave's queries are measured in service_times.py
        name, username, url = page.name, page.username, page.url
        client = Client()
        client.force_login(User.objects.get(username=username))
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        print(f"\n## {name}\n\n`{url}` als {username}: HTTP {status}, {len(queries)} queries")
        timed = []
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            time = float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
            timed.append((time, sql, plan))
        for time, sql, plan in sorted(timed, reverse=True)[:3]:
            flag = " SEQ SCAN OF A BIG TABLE" if BIG.search(plan) else ""
            print(f"\n{time:.1f} ms{flag}\n\n```\n{sql[:400]}\n\n{plan}\n```")


if __name__ == "__main__":
    main(sys.argv[1])
