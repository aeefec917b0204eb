"""The dashboard of a team of 200 members against the plan page, in the same run.

Run with `.venv/bin/python bench/team.py [--members N] [--rounds N]`.

The app runs in-process (Flask's test client, no server) on a scratch SQLite file and the
shipped taxonomy. A team aiming at MLOps engineer gets `--members` members, each a plan made
through the invitation from random ratings of the role's skills (and a reassessment for one
member in ten, so the newest profile has to be found). Timed, rounds interleaved:
- GET /teams/<token>: the dashboard, computed on every request (the members' newest ratings
  read, their implied levels, the bands, the SVG and the table);
- GET /plans/<token> of a plan never shown before (its first render: the page is then kept);
- GET /plans/<token> again (the kept page, as most views of a plan are served).
The ratio is the median of the dashboard's times ÷ the median of the plan page's first render.
Goal: the dashboard of 200 members within 2× the plan page's first render.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.app import create_app  # noqa: E402
from advisor.services import plans, teams  # noqa: E402

ROLE = "mlops-engineer"
GOAL = 2.0


def build(members: int, folder: Path) -> tuple[object, str, list[str]]:
    app = create_app(
        {
            "SECRET_KEY": secrets.token_hex(32),
            "INSTANCE_PATH": str(folder / "instance"),
            "DATABASE_URL": f"sqlite:///{folder / 'team.sqlite3'}",
            "RATELIMIT_ENABLED": False,
        }
    )
    store, advisor = app.extensions["advisor.store"], app.extensions["advisor.advisor"]
    now = datetime.now(UTC)
    team = teams.create_team(
        store=store,
        advisor=advisor,
        data={"name": "Bench", "language": "fr", "target_role": ROLE},
        now=now,
    )
    skills = sorted(advisor.taxonomy.roles[ROLE].requirements)
    chance = random.Random(7)
    tokens = []
    for n in range(members):
        profile = {
            "language": "fr" if n % 2 else "en",
            "target_role": ROLE,
            "hours_per_week": chance.randint(2, 10),
            "assessments": {s: chance.choice((0, 0, 1, 2, 2, 3, 4)) for s in skills},
        }
        plan, _ = plans.save_plan(
            store=store,
            advisor=advisor,
            profile_data=profile,
            now=now,
            team_invitation=team.invitation_token,
        )
        if n % 10 == 0:
            profile["assessments"] = {s: min(5, v + 1) for s, v in profile["assessments"].items()}
            plans.save_plan(
                store=store,
                advisor=advisor,
                profile_data=profile,
                now=now,
                previous_token=plan["id"],
            )
        tokens.append(plan["id"])
    return app, team.coach_token, tokens


def timed(client: object, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (path, response.status_code)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        app, coach, tokens = build(args.members, Path(scratch))
        print(f"{args.members} members saved in {time.perf_counter() - started:.1f} s")
        client = app.test_client()  # type: ignore[attr-defined]
        timed(client, f"/teams/{coach}")  # the first request of each kind warms the templates
        timed(client, f"/plans/{tokens[-1]}")
        times: dict[str, list[float]] = {"dashboard": [], "plan, first": [], "plan, kept": []}
        for n in range(args.rounds):
            times["dashboard"].append(timed(client, f"/teams/{coach}"))
            times["plan, first"].append(timed(client, f"/plans/{tokens[n]}"))
            times["plan, kept"].append(timed(client, f"/plans/{tokens[n]}"))
        medians = {name: statistics.median(values) for name, values in times.items()}
        for name, value in medians.items():
            print(f"{name:12} median {value * 1000:7.1f} ms")
        ratio = medians["dashboard"] / medians["plan, first"]
        print(f"dashboard ÷ plan page (first render): {ratio:.2f} (goal ≤ {GOAL})")
        print(f"dashboard ÷ plan page (kept): {medians['dashboard'] / medians['plan, kept']:.1f}")


if __name__ == "__main__":
    main()
