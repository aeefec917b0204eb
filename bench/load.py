"""Load on SQLite and PostgreSQL: POST /api/v1/plans and GET /plans/<token> under gunicorn.

Run with `bench/load.sh`. wrk, 30 s, 32 connections; each figure is a ratio to a hello-world
route served by the same gunicorn configuration in the same run. Goals: POST ≥ 0.3,
GET ≥ 0.5, p99 ≤ 100 ms, zero errors.
"""

from __future__ import annotations

import os
import sys

from serving import POST_LUA, advisor_env, create_plan, gunicorn, scratch, wrk

SECONDS, CONNECTIONS = 30, 32


def measure(label: str, database_url: str) -> None:
    folder = scratch()
    with (
        gunicorn(
            "hello_app:app", advisor_env(f"sqlite:///{folder / 'hello.sqlite3'}", folder)
        ) as hello,
        gunicorn("advisor.wsgi:app", advisor_env(database_url, folder)) as base,
    ):
        token = create_plan(base)
        baseline = wrk(hello + "/", SECONDS, CONNECTIONS)
        post = wrk(base + "/api/v1/plans", SECONDS, CONNECTIONS, POST_LUA)
        get = wrk(f"{base}/plans/{token}", SECONDS, CONNECTIONS)
    print(f"[{label}] hello {baseline.requests_per_second:.0f} req/s")
    for name, run in (("POST /api/v1/plans", post), ("GET /plans/<token>", get)):
        print(
            f"[{label}] {name:20s} {run.requests_per_second:7.0f} req/s  ratio "
            f"{run.requests_per_second / baseline.requests_per_second:5.2f}  "
            f"p99 {run.p99_ms:6.1f} ms  errors {run.errors}"
        )


def main() -> None:
    folder = scratch()
    measure("sqlite", f"sqlite:///{folder / 'load.sqlite3'}")
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    if postgres:
        measure("postgresql", postgres)
    else:
        print(
            "[postgresql] skipped: BENCH_POSTGRES_URL is not set (bench/load.sh sets it)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
