#!/usr/bin/env bash
# make bench: PostgreSQL + gunicorn + locust (30 users), at a small and the full data set.
# Writes bench/RESULTS.md. Not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${BENCH_PORT:-8765}"
USERS="${BENCH_USERS:-30}"
DURATION="${BENCH_DURATION:-60s}"
OUT=bench/results
mkdir -p "$OUT"

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
PGUSER="${PGUSER:-postgres}"

export DEBUG=0 BENCHMARK=1 SECURE_COOKIES=0 SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0
# The load test logs in with passwords only: no second factor for its generated HR accounts.
export REQUIRE_2FA_FOR_ROLES=none REQUIRE_2FA_FOR_SUPERUSERS=0
export SECRET_KEY="benchmark-only-secret-key-$(date +%s)-not-for-production-use-anywhere"
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$PWD/.venv/bench-static" LOG_LEVEL=WARNING
$PY manage.py collectstatic --noinput -v0

serve() {  # $1 = gunicorn workers, $2 = log name; sets $gunicorn
  # A server left running on the port would be measured instead, against another database.
  if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "Poort $PORT is al in gebruik: stop die server eerst, of kies een andere met BENCH_PORT." >&2
    exit 1
  fi
  .venv/bin/gunicorn competentie.wsgi --bind "127.0.0.1:$PORT" --workers "$1" \
    --access-logfile /dev/null --error-logfile "$OUT/gunicorn-$2.log" &
  gunicorn=$!
  for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/inloggen/" && break; sleep 0.2; done
}

build() {  # $1 = label, then the generator command and its options; sets DATABASE_URL
  local label=$1 db="competentie_bench_$1"
  shift
  psql -h 127.0.0.1 -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  export DATABASE_URL="postgres://$PGUSER@127.0.0.1:5432/$db"
  $PY manage.py migrate --noinput -v0
  $PY manage.py load_seed_libraries >/dev/null
  /usr/bin/time -f "%e" -o "$OUT/generate-$label.seconds" \
    $PY manage.py "$@" --seed 42 --manifest "$OUT/manifest-$label.json" | tee "$OUT/generate-$label.log"
  # VACUUM as well as ANALYZE, and a checkpoint: otherwise autovacuum and the checkpointer work
  # through the generator's inserts while the first pages are being timed.
  $PY manage.py shell -c "
from django.db import connection
with connection.cursor() as c:
    c.execute('VACUUM ANALYZE')
    c.execute('CHECKPOINT')"
}

service_times() {  # $1 = label: each page one request at a time, as a multiple of the floor (one worker)
  serve 1 "$1-single"
  $PY bench/service_times.py "$OUT/manifest-$1.json" --base-url "http://127.0.0.1:$PORT" \
    --label "$1" --out "$OUT/service-$1.json"
  kill "$gunicorn"; wait "$gunicorn" 2>/dev/null || true
}

load_test() {  # $1 = label, $2 = duration: 30 users, logged in before the measurement starts
  serve "${BENCH_WORKERS:-4}" "$1"
  BENCH_MANIFEST="$OUT/manifest-$1.json" BENCH_RESULTS="$OUT/$1" .venv/bin/locust \
    -f bench/locustfile.py --headless -u "$USERS" -r 10 -t "$2" --host "http://127.0.0.1:$PORT" \
    --csv "$OUT/$1/locust" --only-summary --reset-stats --loglevel WARNING || true
  kill "$gunicorn"; wait "$gunicorn" 2>/dev/null || true
}

mkdir -p "$OUT/small" "$OUT/large"
capacity() {  # $1 = label: a selection day's mix (selecteurs scoring, HR calibrating) at rising load
  serve "${BENCH_WORKERS:-4}" "$1-capacity"
  for users in ${BENCH_CAPACITY_USERS:-2 4 8 16 32}; do
    BENCH_MANIFEST="$OUT/manifest-$1.json" BENCH_RESULTS="$OUT/capacity-$1/$users" .venv/bin/locust \
      -f bench/locustfile.py --headless -u "$users" -r "$users" -t "${BENCH_CAPACITY_DURATION:-20s}" \
      --host "http://127.0.0.1:$PORT" --csv "$OUT/capacity-$1/$users" --only-summary --reset-stats \
      --loglevel WARNING Selecteur Calibrator || true
  done
  kill "$gunicorn"; wait "$gunicorn" 2>/dev/null || true
}

build small generate_municipality --scale 0.02
service_times small
load_test small "${BENCH_SMALL_DURATION:-20s}"
build large generate_municipality --scale 1.0
service_times large
load_test large "$DURATION"
# BENCH_CAPACITY=0 and BENCH_NATIONAL=0 leave out the rising-load run and the 25-municipality set
# (the slowest parts) when only the per-page ratios of one municipality are wanted.
if [ "${BENCH_CAPACITY:-1}" = 1 ]; then capacity large; fi
rm -f "$OUT/pdf.md" "$OUT/service-national.json"
if [ "${BENCH_NATIONAL:-1}" = 1 ]; then
  # 25 municipalities on one instance; Gemeente Grootstad among them is measured as above.
  build national generate_national
  service_times national
  DATABASE_URL="postgres://$PGUSER@127.0.0.1:5432/competentie_bench_national" \
    $PY bench/explain_pages.py "$OUT/manifest-national.json" > bench/EXPLAIN.md
  # PDF timings (issue 16) on the national database: Divosa, a 9,000-indicator framework, a stored PDF.
  $PY bench/pdf_timings.py --out "$OUT/pdf.md"
fi
$PY bench/report.py "$OUT" > bench/RESULTS.md
if [ -f "$OUT/pdf.md" ]; then cat "$OUT/pdf.md" >> bench/RESULTS.md; fi
cat bench/RESULTS.md
