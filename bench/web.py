"""Pages under gunicorn: GET / and GET /plans/<token> as a ratio to a hello-world route.

Run with `.venv/bin/python bench/web.py` (installs wrk from Debian if needed). Both servers use
advisor's gunicorn configuration (gunicorn_conf's defaults) on SQLite; wrk runs with 16
connections for 10 s, interleaved, three rounds. Goal: ratio ≥ 0.5, p99 ≤ 50 ms.
"""

from __future__ import annotations

import statistics

from serving import advisor_env, create_plan, gunicorn, scratch, wrk

ROUNDS, SECONDS, CONNECTIONS = 3, 10, 16


def main() -> None:
    folder = scratch()
    env = advisor_env(f"sqlite:///{folder / 'bench.sqlite3'}", folder)
    results: dict[str, list] = {"hello": [], "GET /": [], "GET /plans/<token>": []}
    with (
        gunicorn(
            "hello_app:app", advisor_env(f"sqlite:///{folder / 'hello.sqlite3'}", folder)
        ) as hello,
        gunicorn("advisor.wsgi:app", env) as base,
    ):
        token = create_plan(base)
        targets = {
            "hello": hello + "/",
            "GET /": base + "/",
            "GET /plans/<token>": f"{base}/plans/{token}",
        }
        for _ in range(ROUNDS):
            for name, url in targets.items():
                results[name].append(wrk(url, SECONDS, CONNECTIONS))
    baseline = statistics.median(r.requests_per_second for r in results["hello"])
    for name, runs in results.items():
        rps = statistics.median(r.requests_per_second for r in runs)
        p99 = max(r.p99_ms for r in runs)
        errors = sum(r.errors for r in runs)
        print(
            f"{name:22s} {rps:8.0f} req/s  ratio {rps / baseline:5.2f}  "
            f"p99 {p99:6.1f} ms  errors {errors}"
        )


if __name__ == "__main__":
    main()
