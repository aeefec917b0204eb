"""Where the time of each path goes: cProfile over in-process requests, per request.

Run with `.venv/bin/python bench/profile_paths.py [--sort]`. The app runs on a scratch SQLite
database with the rate limiter on (a large limit), through Flask's test client; each path is
requested `N` times under cProfile and the cumulative time of the parts named in `PARTS` is
printed per request. cProfile slows Python code about twofold: compare parts with each other,
not with the wall-clock figures of bench/load.py. `BENCH_DATABASE_URL` uses another database.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

from advisor.app import create_app

N = int(os.environ.get("BENCH_N", "300"))
PROFILE = {
    "language": "en",
    "target_role": "mlops-engineer",
    "hours_per_week": 8,
    "assessments": {"foundations.python": 3, "foundations.linux": 3},
}
# (label, file fragment, function name): cumulative time of every call of that function.
PARTS = [
    ("request, whole (Flask.wsgi_app)", "flask/app.py", "wsgi_app"),
    ("rate limiter", "flask_limiter", "_check_request_limit"),
    ("CSRF check", "flask_wtf/csrf.py", "protect"),
    ("session open", "flask/sessions.py", "open_session"),
    ("session save", "flask/sessions.py", "save_session"),
    ("Babel locale", "advisor/web/i18n.py", "select_locale"),
    ("security headers", "advisor/web/security.py", "security_headers"),
    ("create_plan (use case)", "advisor/services/plans.py", "create_plan"),
    ("save_plan (use case)", "advisor/services/plans.py", "save_plan"),
    ("  read: earlier plan, demand", "advisor/persistence/articles.py", "stored_demand"),
    ("  plan_for_profile", "advisor/services/plan_build.py", "plan_for_profile"),
    ("    parse_profile", "advisor/core/planning/profile.py", "parse_profile"),
    ("  demand query", "advisor/services/plans.py", "current_demand"),
    ("  build_plan", "advisor/core/planning/planner.py", "build_plan"),
    ("    suggest_roles", "advisor/core/planning/planner.py", "suggest_roles"),
    ("    suggestions (_suggest)", "advisor/core/planning/planner.py", "_suggest"),
    ("    staging (target role)", "advisor/core/planning/role_staging.py", "stage"),
    ("    role model predict", "advisor/core/planning/role_fit.py", "predict"),
    ("  plan_dict (public shape)", "advisor/core/wording/plan_json.py", "plan_dict"),
    ("  json serialisation", "advisor/services/plans.py", "plan_json"),
    ("  ORM inserts (add_plan)", "advisor/persistence/plans.py", "add_plan"),
    ("  insert (insert_plan)", "advisor/persistence/plans.py", "insert_plan"),
    ("  commit", "sqlalchemy/orm/session.py", "commit"),
    ("  commit (connection)", "sqlalchemy/engine/base.py", "commit"),
    ("existence / newer query", "advisor/services/plans.py", "newer_plan_token"),
    ("page head query", "advisor/services/plans.py", "plan_head"),
    ("plan page query", "advisor/services/plans.py", "plan_page"),
    ("load body (get_plan)", "advisor/services/plans.py", "get_plan"),
    ("page context", "advisor/web/plans.py", "page_context"),
    ("template rendering", "flask/templating.py", "render_template"),
    ("PDF from the store (plan_pdf)", "advisor/services/plans.py", "plan_pdf"),
    ("PDF render", "advisor/pdf/__init__.py", "render_plan_pdf"),
]


def report(title: str, profiler: cProfile.Profile, count: int, wall: float) -> None:
    stats = pstats.Stats(profiler)
    found: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        for label, fragment, function in PARTS:
            if function == name and fragment in filename:
                found[label] = max(found.get(label, 0.0), cumulative)
    print(f"\n## {title}: {count} requests, {wall / count * 1000:.2f} ms each under cProfile")
    for label, _, _ in PARTS:
        if label in found:
            print(f"  {label:36s} {found[label] / count * 1000:7.3f} ms")
    if "--sort" in sys.argv:
        stats.sort_stats("tottime").print_stats(15)


def run(title: str, client: object, requests: list[tuple[str, str, object]]) -> None:
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for method, url, body in requests:
        response = client.open(url, method=method, json=body)  # type: ignore[attr-defined]
        assert response.status_code < 400, (url, response.status_code)
    profiler.disable()
    report(title, profiler, len(requests), time.perf_counter() - started)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="advisor-profile-"))
    url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder / 'profile.sqlite3'}"
    app = create_app(
        {
            "SECRET_KEY": "profile-secret-0123456789abcdef",
            "DATABASE_URL": url,
            "INSTANCE_PATH": str(folder),
            "API_RATE_LIMIT": "1000000/minute",
            "PDF_RATE_LIMIT": "1000000/minute",
            "SESSION_COOKIE_SECURE": False,
        }
    )
    client = app.test_client()
    tokens = []
    for _ in range(N + 5):  # the plans to read back; the first ones warm up
        answer = client.post("/api/v1/plans", json=PROFILE)
        tokens.append(json.loads(answer.data)["id"])
    run("POST /api/v1/plans", client, [("POST", "/api/v1/plans", PROFILE)] * N)
    run("GET /plans/<token>, cached page", client, [("GET", f"/plans/{tokens[0]}", None)] * N)
    run(
        "GET /plans/<token>, first view (page rendered)",
        client,
        [("GET", f"/plans/{t}", None) for t in tokens[5 : 5 + N // 3]],
    )
    pdfs = [("GET", f"/plans/{t}.pdf", None) for t in tokens[5 : 5 + 20]]
    run("GET /plans/<token>.pdf, first", client, pdfs)
    run("GET /plans/<token>.pdf, again", client, pdfs)


if __name__ == "__main__":
    main()
