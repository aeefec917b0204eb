#!/usr/bin/env bash
# Load benchmark on SQLite and on a throwaway PostgreSQL server (see bench/load.py).
set -euo pipefail
cd "$(dirname "$0")/.."
url=$(scripts/test-postgres.sh start)
trap 'scripts/test-postgres.sh stop' EXIT
BENCH_POSTGRES_URL=$url .venv/bin/python bench/load.py
