"""Load on SQLite and PostgreSQL: POST /api/v1/plans and GET /plans/<token> under gunicorn.

Run with `bench/load.sh`. wrk, 32 connections, `ROUNDS` interleaved rounds of `SECONDS` each
(hello, POST, GET, hello, ...); each figure is a ratio to a hello-world route served by the same
gunicorn configuration in the same run (the median of the rounds), with the worst p99, the
workers' CPU per request, and the workers that exited during the run (recycled or timed out).
Goals: POST ≥ 0.3, GET ≥ 0.5, p99 ≤ 100 ms, zero errors, no restart.

`BENCH_GUNICORN_ARGS` adds gunicorn options to both servers (`--workers 2 --threads 1`, say),
`BENCH_ROUNDS` and `BENCH_SECONDS` change the length of the run.
"""

from __future__ import annotations

import os
import shlex
import statistics
import sys

from serving import POST_LUA, Run, advisor_env, create_plan, gunicorn, scratch, wrk

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 32


def measure(label: str, database_url: str) -> None:
    folder = scratch()
    extra = shlex.split(os.environ.get("BENCH_GUNICORN_ARGS", ""))
    runs: dict[str, list[Run]] = {"hello": [], "POST /api/v1/plans": [], "GET /plans/<token>": []}
    with (
        gunicorn(
            "hello_app:app", advisor_env(f"sqlite:///{folder / 'hello.sqlite3'}", folder), *extra
        ) as hello,
        gunicorn("advisor.wsgi:app", advisor_env(database_url, folder), *extra) as base,
    ):
        token = create_plan(base)
        for _ in range(ROUNDS):
            runs["hello"].append(wrk(hello + "/", SECONDS, CONNECTIONS, server=hello))
            runs["POST /api/v1/plans"].append(
                wrk(base + "/api/v1/plans", SECONDS, CONNECTIONS, POST_LUA, server=base)
            )
            runs["GET /plans/<token>"].append(
                wrk(f"{base}/plans/{token}", SECONDS, CONNECTIONS, server=base)
            )
        restarts = base.restarts()
    baseline = statistics.median(r.requests_per_second for r in runs["hello"])
    print(f"[{label}] {' '.join(extra) or 'gunicorn_conf defaults'}; {ROUNDS}×{SECONDS} s")
    for name, done in runs.items():
        rps = statistics.median(r.requests_per_second for r in done)
        ratios = " ".join(f"{r.requests_per_second / baseline:.2f}" for r in done)
        print(
            f"[{label}] {name:20s} {rps:7.0f} req/s  ratio {rps / baseline:5.2f} ({ratios})  "
            f"p99 {max(r.p99_ms for r in done):6.1f} ms  "
            f"cpu {statistics.median(r.cpu_ms_per_request for r in done):5.2f} ms/req  "
            f"errors {sum(r.errors for r in done)}"
        )
    print(f"[{label}] worker restarts during the run: {restarts}")


def main() -> None:
    folder = scratch()
    only = os.environ.get("BENCH_ONLY", "")
    if only in ("", "sqlite"):
        measure("sqlite", f"sqlite:///{folder / 'load.sqlite3'}")
    postgres = os.environ.get("BENCH_POSTGRES_URL")
    if only in ("", "postgresql") and postgres:
        measure("postgresql", postgres)
    elif not postgres:
        print(
            "[postgresql] skipped: BENCH_POSTGRES_URL is not set (bench/load.sh sets it)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
