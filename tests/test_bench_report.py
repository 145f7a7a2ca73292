"""bench/report.py's lead table: which floor the pages are divided by (no timing here; figures are made up)."""

import json

from bench.report import ratio_lines


def service_file(directory, label, *, floor_start, floor_end, page_ms):
    def row(name, median):
        return {"name": name, "median_ms": median, "floor_median_ms": 7.0, "queries": 5, "target": 3}

    data = {"label": label, "pages": [row("floor-404", floor_start), row("score-screen", page_ms)]}
    if floor_end is not None:
        data["floor_end_ms"] = floor_end
    (directory / f"service-{label}.json").write_text(json.dumps(data))


def table_row(lines, name):
    return next(line for line in lines if line.startswith(f"| {name} |")).split(" | ")


def test_a_busy_start_does_not_make_the_pages_look_cheaper(tmp_path):
    # The floor took 12 ms at the start (the database still busy) and 6 ms at the end: 24 ms is 4 ×.
    service_file(tmp_path, "large", floor_start=12.0, floor_end=6.0, page_ms=24.0)
    row = table_row(ratio_lines(tmp_path), "score-screen")
    assert row[3] == "4.0" and row[-1] == "NEE |"


def test_the_lower_floor_counts_either_way_and_a_run_without_an_end_floor_uses_the_start(tmp_path):
    service_file(tmp_path, "large", floor_start=6.0, floor_end=12.0, page_ms=18.0)
    service_file(tmp_path, "small", floor_start=6.0, floor_end=None, page_ms=18.0)
    row = table_row(ratio_lines(tmp_path), "score-screen")
    assert row[3] == "3.0" and row[5] == "3.0" and row[-1] == "ja |"
    assert row[4] == "2.6"  # against the floor right after the page (7 ms): a column to read, not the verdict
