#!/usr/bin/env bash
# Load benchmark on SQLite and on a throwaway PostgreSQL server (see bench/load.py).
# ADVISOR_TEST_PGDATA / ADVISOR_TEST_PGPORT choose the server's folder and port; they are
# removed from the app's environment (the app refuses unknown ADVISOR_* settings).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
url=$(scripts/test-postgres.sh start)
trap 'scripts/test-postgres.sh stop' EXIT
env -u ADVISOR_TEST_PGDATA -u ADVISOR_TEST_PGPORT BENCH_POSTGRES_URL="$url" "$PYTHON" bench/load.py
