"""How often more hours per week make a plan longer, and by how many weeks.

Run with `PYTHONPATH=. .venv/bin/python bench/more_hours.py [--pairs N] [--seed S]`.

Each pair is a random profile on the shipped taxonomy (a role or none, up to 40 rated skills,
1–60 hours a week, no deadline or one of 1–104 weeks, a third of them 1–8 weeks) planned
twice: as it is, and with 1–60 more hours a week (at most 60) for the role first chosen. It
prints how many of the faster plans end later, by how many weeks, and how many need more weeks
of the person's own study (own hours ÷ hours a week, rounded up).

Why some do: a week holds at most two items. With more hours, short items (after the switch
week, 30 % of their effort) end inside the week they start in instead of running into the next,
so a third item waits for the following week where it could have joined a week one item had
crossed into; and more hours let the first stage hold more of the core, which moves other
skills. The property tests allow two weeks (`PACKING_WEEKS`).
"""

from __future__ import annotations

import argparse
import math
import random
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from advisor.core.planning import Planner, Profile, fit_role_model
from advisor.services.advisor import load_relatedness
from advisor.taxonomy.loading import load_taxonomy

TODAY = date(2026, 11, 24)


def random_profile(rng: random.Random, skills: list[str], roles: list[str]) -> Profile:
    rated = rng.sample(skills, rng.randint(0, 40))
    deadline = rng.choice([None, rng.randint(1, 104), rng.randint(1, 8)])
    return Profile(
        rng.choice(["en", "fr"]),
        rng.choice([None, *roles]),
        rng.randint(1, 60),
        {s: rng.randint(0, 5) for s in rated},
        deadline,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=4000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    taxonomy = load_taxonomy(Path(__file__).resolve().parent.parent / "skills_data")
    planner = Planner(
        taxonomy, fit_role_model(taxonomy), taxonomy.demand_prior(TODAY), load_relatedness(taxonomy)
    )
    rng = random.Random(args.seed)
    skills, roles = sorted(taxonomy.skills), sorted(taxonomy.roles)
    longer: Counter[int] = Counter()
    more_study = 0
    for _ in range(args.pairs):
        profile = random_profile(rng, skills, roles)
        slow = planner.build_plan(profile)
        hours = min(60, profile.hours_per_week + rng.randint(1, 60))
        fast = planner.build_plan(
            replace(profile, target_role=slow.target_role.role, hours_per_week=hours)
        )
        if fast.weeks > slow.weeks:
            longer[fast.weeks - slow.weeks] += 1
        if math.ceil(fast.total_hours / hours) > math.ceil(
            slow.total_hours / profile.hours_per_week
        ):
            more_study += 1
    print(f"{args.pairs} pairs (seed {args.seed})")
    print(f"faster plans that end later: {sum(longer.values())}", dict(sorted(longer.items())))
    print(f"faster plans with more weeks of own study: {more_study}")


if __name__ == "__main__":
    main()
