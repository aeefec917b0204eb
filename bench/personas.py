"""The planner judged on career changers: a coach's first items, levels the ratings imply,
plan length and first milestone.

Run with `.venv/bin/python bench/personas.py [PERSONAS.yaml]` (default: the development set,
`../shared/data/personas/dev.yaml`, whose header says what each field means). Each persona is
planned as typed (its current role as words, its own ratings, nothing prefilled), like
`advisor plan` would; the script prints, per persona, how many of the coach's concepts are in
the plan's first items, the items that start below a level the ratings imply or that should not
be there, the weeks and the first milestone; then the mean hit rate and the medians. Then five
typical career changers answering as step 2 prefills them (their origin role's typical levels).
"""

from __future__ import annotations

import statistics
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml
from shared_data import shared_data

from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.plans import plan_for_profile


def personas(advisor: Advisor) -> dict[str, dict[str, Any]]:
    origin = advisor.taxonomy.origin_roles
    return {
        "French Linux sysadmin, 6 h/week, no target": {
            "language": "fr",
            "hours_per_week": 6,
            "current_role": "administrateur systèmes Linux",
            "assessments": dict(origin["linux-sysadmin"].typical),
        },
        "backend developer -> LLM application engineer, 8 h/week, 26-week deadline": {
            "language": "en",
            "target_role": "llm-application-engineer",
            "hours_per_week": 8,
            "deadline_weeks": 26,
            "current_role": "backend developer",
            "assessments": {
                **origin["backend-developer"].typical,
                "foundations.python": 4,
                "foundations.rest-apis": 4,
            },
        },
        "security analyst, threat modelling 4 -> AI security engineer, 5 h/week": {
            "language": "en",
            "target_role": "ai-security-engineer",
            "hours_per_week": 5,
            "current_role": "SOC analyst",
            "assessments": {
                **origin["soc-analyst"].typical,
                "security-operations.threat-modeling": 4,
            },
        },
        "HPC engineer (C++ 4, distributed 4, GPU 3) -> AI infrastructure engineer, 8 h/week": {
            "language": "en",
            "target_role": "ai-infrastructure-engineer",
            "hours_per_week": 8,
            "current_role": "HPC engineer",
            "assessments": dict(origin["hpc-engineer"].typical),
        },
        "Windows administrator -> cloud architect, 6 h/week": {
            "language": "fr",
            "target_role": "cloud-architect",
            "hours_per_week": 6,
            "current_role": "administrateur Windows",
            "assessments": dict(origin["windows-sysadmin"].typical),
        },
    }


DEV_SET = shared_data() / "personas" / "dev.yaml"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def judged(advisor: Advisor, name: str, persona: dict[str, Any]) -> dict[str, Any]:
    """One persona's plan against what the coach expects of it."""
    profile = {
        "language": persona["language"],
        "target_role": persona["role"],
        "hours_per_week": persona["hours_per_week"],
        "assessments": persona["levels"],
        "current_role": persona.get("current_role") or "",
    }
    _, plan = plan_for_profile(advisor, profile, now=NOW)
    items = sorted(plan["items"], key=lambda i: i["rank"])
    top = {i["skill"] for i in items[: persona["top_n"]]}
    hits = [c for c in persona["expect_top"] if top & set(c)]
    current = {i["skill"]: i["current"] for i in items}
    faults = [s for s in persona.get("forbid", []) if s in current]
    faults += [
        f"{s} from {current[s]} (implied {level})"
        for s, level in (persona.get("implied") or {}).items()
        if s in current and current[s] < level
    ]
    return {
        "name": name,
        "hits": len(hits),
        "concepts": len(persona["expect_top"]),
        "passes": len(hits) >= persona["expect_min_hits"] and not faults,
        "faults": faults,
        "weeks": plan["weeks"],
        "first": plan["milestones"][0]["end_week"],
        "top": [i["label"] for i in items[:5]],
    }


def dev_set(advisor: Advisor, path: Path) -> None:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))["personas"]
    rows = [judged(advisor, name, persona) for name, persona in spec.items()]
    for r in rows:
        mark = "ok  " if r["passes"] else "FAIL"
        print(
            f"{mark} {r['name']}: {r['hits']}/{r['concepts']} of the coach's first items, "
            f"{r['weeks']} weeks, first milestone week {r['first']}, faults {r['faults']}"
        )
        print(f"     first: {', '.join(r['top'])}")
    rate = statistics.mean(r["hits"] / r["concepts"] for r in rows)
    weeks, firsts = [r["weeks"] for r in rows], [r["first"] for r in rows]
    print(
        f"hit rate {rate:.0%} over {len(rows)}; implied-level and forbidden faults "
        f"{sum(len(r['faults']) for r in rows)}; weeks median {statistics.median(weeks)}, "
        f"max {max(weeks)}; first milestone median {statistics.median(firsts)}, max {max(firsts)}"
    )


def main() -> None:
    advisor = build_advisor(skills_data_dir(), date(2026, 12, 1))
    dev_set(advisor, Path(sys.argv[1]) if len(sys.argv) > 1 else DEV_SET)
    print()
    for name, profile in personas(advisor).items():
        _, plan = plan_for_profile(advisor, profile, now=NOW)
        ready = next(m for m in plan["milestones"] if m["id"] == "ready")
        first = ", ".join(item["label"] for item in plan["items"][:3])
        print(f"{name}: {plan['target_role']['label']}")
        print(
            f"  {plan['weeks']} weeks ({plan['months']} months), ready in week "
            f"{ready['end_week']}, {len(plan['items'])} items; first: {first}"
        )


if __name__ == "__main__":
    main()
