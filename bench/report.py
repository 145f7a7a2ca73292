"""Turn locust's CSV and the per-page query counts into bench/RESULTS.md, checked against the targets."""

import contextlib
import csv
import datetime
import json
import os
import platform
import sys
from pathlib import Path

TARGET_HTML_P95_MS = 300
TARGET_FLOOR_FACTOR = 4
TARGET_SCORE_SAVE_P95_MS = 150
TARGET_PDF_P50_MS = 1000
NOT_HTML = {"login", "login-form", "floor", "score-save", "profile-pdf", "round-pdf", "candidate-pdf"}


def load(directory: Path):
    with (directory / "locust_stats.csv").open() as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"}
    queries = json.loads((directory / "queries.json").read_text()) if (directory / "queries.json").exists() else {}
    return rows, queries


SAME_WITHIN = 0.10  # small and large ratios within 10 %: the cost does not grow with the data


def machine_line() -> str:
    """When and where: absolute times vary between machines, so RESULTS.md names both."""
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    return (
        f"Gemeten op {datetime.date.today().isoformat()} op {platform.node() or '?'}: {os.cpu_count()} kernen "
        f"({cpu}), {memory} geheugen, Python {platform.python_version()}, {platform.system()} {platform.release()}."
    )


def ratio_lines(out: Path) -> list[str]:
    """The lead table: each page's median service time as a multiple of the floor, per data set."""
    runs = {}
    for label in ("small", "large", "national"):
        path = out / f"service-{label}.json"
        if path.exists():
            data = json.loads(path.read_text())
            rows = {row["name"]: row for row in data["pages"]}
            # The floor measured on its own: a floor request right after a heavy page also pays
            # for that page's garbage collection, so the interleaved floor drifts upwards. Measured
            # at the start and at the end of the run, the lower of the two: a busy start (the database
            # still settling after the generator) cannot make the pages look cheaper than they are.
            floor = min(rows["floor-404"]["median_ms"], data.get("floor_end_ms", float("inf")))
            for row in rows.values():
                row["ratio"] = row["median_ms"] / floor
                row["floor_ms"] = floor
            runs[label] = rows
    if "large" not in runs:
        return []
    small, national = runs.get("small", {}), runs.get("national", {})

    def ratio(row):
        return "" if row is None else f"{row['ratio']:.1f}"

    def queries(row):
        return "" if row is None else str(row["queries"])

    lines = [
        "# Benchmark",
        "",
        machine_line(),
        "",
        "## Kosten per pagina, als veelvoud van de vloer",
        "",
        "Eén verzoek tegelijk (gunicorn, 1 worker, PostgreSQL), mediaan van 30 na opwarmen, gedeeld door",
        "de mediaan van de vloer: een 404-pagina voor een ingelogde gebruiker, in dezelfde run op zichzelf",
        "gemeten aan het begin en aan het eind, de laagste van de twee",
        "(`bench/service_times.py`; de kolom 'vloer erna' is de vloer direct na de pagina, die de",
        "opruimkosten van een zware pagina meebetaalt; '× vloer erna' is de verhouding daartoe, die minder",
        "last heeft van een machine die tijdens de run trager of sneller wordt). Het oordeel gaat op '× vloer'.",
        "Doel: elke HTML-pagina ≤ 3 × de vloer, opslaan ≤ 2 ×,",
        "en bij de kleine dataset dezelfde verhouding binnen 10 %. *Groot* is één gemeente",
        "(`generate_municipality`), *klein* 2 % daarvan, *landelijk* dezelfde gemeente tussen 24 andere",
        "op één installatie (`generate_national`). EXPLAIN-plannen van de zwaarste queries: `EXPLAIN.md`.",
        "",
        "| pagina | groot: ms | vloer erna ms | × vloer | × vloer erna | klein | landelijk "
        "| queries groot / klein / landelijk | doel | gehaald |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, row in runs["large"].items():
        if name == "floor-404":
            continue
        other = small.get(name)
        met = row["ratio"] <= row["target"]
        grows = other is not None and row["ratio"] > other["ratio"] * (1 + SAME_WITHIN)
        verdict = "ja" if met and not grows else ("NEE (groeit)" if met else "NEE")
        lines.append(
            f"| {name} | {row['median_ms']:.0f} | {row['floor_median_ms']:.1f} | {row['ratio']:.1f} "
            f"| {row['median_ms'] / row['floor_median_ms']:.1f} | {ratio(other)} | {ratio(national.get(name))} "
            f"| {row['queries']} / {queries(other)} / {queries(national.get(name))} "
            f"| ≤ {row['target']:.0f} × | {verdict} |"
        )
    return lines + [""]


CAPACITY_FACTOR = 3


def capacity_lines(out: Path) -> list[str]:
    """The request rate of a selection day's mix at which p95 reaches 3 × the floor's median."""
    steps = []
    for stats in (out / "capacity-large").glob("*_stats.csv"):
        with stats.open() as handle:
            total = next((row for row in csv.DictReader(handle) if row["Name"] == "Aggregated"), None)
        if total and int(total["Request Count"]):
            steps.append((int(stats.name.split("_")[0]), float(total["Requests/s"]), float(total["95%"])))
    service = out / "service-large.json"
    if not steps or not service.exists():
        return []
    floor = next(row for row in json.loads(service.read_text())["pages"] if row["name"] == "floor-404")
    limit = CAPACITY_FACTOR * floor["median_ms"]
    within = [rate for _users, rate, p95 in steps if p95 <= limit]
    lines = [
        "## Capaciteit op een selectiedag",
        "",
        "Selecteurs die scoren en HR die kalibreert (locust, gunicorn met 4 workers, grote dataset), bij",
        f"oplopend aantal gebruikers. Grens: p95 ≤ {CAPACITY_FACTOR} × de mediaan van de vloer ({limit:.0f} ms).",
        "",
        "| gebruikers | verzoeken/s | p95 ms | binnen de grens |",
        "|---|---|---|---|",
    ]
    for users, rate, p95 in sorted(steps):
        lines.append(f"| {users} | {rate:.1f} | {p95:.0f} | {'ja' if p95 <= limit else 'nee'} |")
    verdict = f"{max(within):.1f} verzoeken/s" if within else "lager dan de kleinste stap"
    return lines + ["", f"Capaciteit: {verdict}.", ""]


def main(out: Path):
    large, large_queries = load(out / "large")
    _small, small_queries = load(out / "small")
    generate_seconds = (out / "generate-large.seconds").read_text().strip()
    floor_p95 = float(large["floor"]["95%"])
    lines = (
        ratio_lines(out)
        + capacity_lines(out)
        + [
            "## Belasting: 30 gelijktijdige gebruikers",
            "",
            "`make bench`: PostgreSQL, gunicorn (4 workers) and locust with 30 concurrent users on this",
            "2-core machine, against the generated municipality (`generate_municipality --seed 42`,",
            f"built in {generate_seconds} s) and, for the query counts, against a small one (2 %).",
            "",
            "| pagina | verzoeken | req/s | p50 ms | p95 ms | queries (groot) | queries (klein) | doel | gehaald |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
    )
    for name, row in sorted(large.items()):
        p50, p95 = float(row["50%"]), float(row["95%"])
        q_large = sorted(set(large_queries.get(name, [])))
        q_small = sorted(set(small_queries.get(name, [])))
        if name == "score-save":
            target, ok = f"p95 < {TARGET_SCORE_SAVE_P95_MS} ms", p95 < TARGET_SCORE_SAVE_P95_MS
        elif name.endswith("-pdf"):
            target, ok = f"p50 < {TARGET_PDF_P50_MS} ms", p50 < TARGET_PDF_P50_MS
        elif name in NOT_HTML:
            target, ok = "", None
        else:
            limit = min(TARGET_HTML_P95_MS, TARGET_FLOOR_FACTOR * floor_p95)
            target, ok = f"p95 ≤ {limit:.0f} ms", p95 <= limit
        same = "" if not q_small else (" (gelijk)" if q_small == q_large else " (ANDERS)")
        lines.append(
            f"| {name} | {row['Request Count']} | {float(row['Requests/s']):.1f} | {p50:.0f} | {p95:.0f} "
            f"| {', '.join(map(str, q_large))} | {', '.join(map(str, q_small))}{same} | {target} "
            f"| {'' if ok is None else ('ja' if ok else 'NEE')} |"
        )
    total = sum(int(row["Request Count"]) for row in large.values())
    failures = sum(int(row["Failure Count"]) for row in large.values())
    lines += ["", f"Totaal {total} verzoeken, {failures} fouten; vloer p95 {floor_p95:.0f} ms.", ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
