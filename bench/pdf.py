"""PDF rendering time: median over repeated renders of a 25-item and a 60-item plan.

Run with `.venv/bin/python bench/pdf.py`. Plans are real plans built on the shipped taxonomy
(profiles aimed at the roles with the most requirements), warmed up once, then rendered
`RUNS` times in-process. Goal: median ≤ 60 ms for 25 items.
"""

from __future__ import annotations

import copy
import statistics
import time
from datetime import UTC, date, datetime
from typing import Any

from advisor.pdf import render_plan_pdf
from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.plans import plan_for_profile

RUNS = 30


def plan_with(items: int, advisor: Advisor) -> dict[str, Any]:
    """A real plan, its items repeated (with new ranks) until it has `items` of them."""
    role = max(advisor.taxonomy.roles.values(), key=lambda r: len(r.requirements))
    profile = {
        "language": "fr",
        "target_role": role.id,
        "hours_per_week": 6,
        "current_role": "Administrateur système",
    }
    _, plan = plan_for_profile(advisor, profile, now=datetime.now(UTC))
    real = plan["items"]
    plan["items"] = []
    for rank in range(1, items + 1):
        item = copy.deepcopy(real[(rank - 1) % len(real)])
        item["rank"] = rank
        plan["items"].append(item)
    return plan


def median_ms(plan: dict[str, Any]) -> tuple[float, int]:
    render_plan_pdf(plan, "https://advisor.example/plans/x")  # warm-up
    times, size = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        size = len(render_plan_pdf(plan, "https://advisor.example/plans/x"))
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, size


def main() -> None:
    advisor = build_advisor(skills_data_dir(), date.today())
    for count in (25, 60):
        median, size = median_ms(plan_with(count, advisor))
        print(
            f"{count:3d} items: median {median:6.1f} ms over {RUNS} renders, {size / 1024:6.1f} KiB"
        )


if __name__ == "__main__":
    main()
