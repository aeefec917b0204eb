"""Plan building time over 1,000 random profiles on the shipped taxonomy (fit excluded).

Run with `.venv/bin/python bench/plan.py`. Each timing covers a profile dict in to a plan dict
out: validation, gaps, priorities, order, schedule and the public JSON shape. The floor of any
answer is `json.loads` of the profile plus `json.dumps` of the plan, timed on the same pairs.
Goal: median ≤ 2 ms, p99 ≤ 10 ms.
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import UTC, date, datetime

from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.plans import plan_for_profile

PROFILES = 1000
SEED = 20261124


def random_profiles(advisor: Advisor, count: int) -> list[dict[str, object]]:
    rng = random.Random(SEED)
    skills, roles = sorted(advisor.taxonomy.skills), sorted(advisor.taxonomy.roles)
    profiles = []
    for _ in range(count):
        rated = rng.sample(skills, rng.randint(0, 40))
        profiles.append(
            {
                "language": rng.choice(["en", "fr"]),
                "target_role": rng.choice([None, *roles]),
                "hours_per_week": rng.randint(1, 60),
                "deadline_weeks": rng.choice([None, rng.randint(4, 104)]),
                "assessments": {s: rng.randint(0, 5) for s in rated},
            }
        )
    return profiles


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    advisor = build_advisor(skills_data_dir(), date.today())
    profiles = random_profiles(advisor, PROFILES)
    now = datetime.now(UTC)
    for profile in profiles[:20]:  # warm-up
        plan_for_profile(advisor, profile, now=now)
    plan_times, floor_times, items = [], [], []
    for profile in profiles:
        text = json.dumps(profile)
        started = time.perf_counter()
        _, plan = plan_for_profile(advisor, json.loads(text), now=now)
        plan_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        json.loads(text)
        json.dumps(plan)
        floor_times.append(time.perf_counter() - started)
        items.append(len(plan["items"]))
    median, p99 = statistics.median(plan_times) * 1000, percentile(plan_times, 0.99) * 1000
    floor = statistics.median(floor_times) * 1000
    print(
        f"{PROFILES} profiles, {statistics.mean(items):.1f} items per plan on average "
        f"(max {max(items)})"
    )
    print(f"build plan : median {median:6.3f} ms   p99 {p99:6.3f} ms")
    print(f"json floor : median {floor:6.3f} ms   (loads profile + dumps plan)")
    print(f"ratio      : {median / floor:6.1f}x the JSON floor")


if __name__ == "__main__":
    main()
