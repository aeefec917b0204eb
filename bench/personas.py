"""Plan length and first milestone for typical career changers, on the shipped taxonomy.

Run with `.venv/bin/python bench/personas.py`. Each persona answers as the form would have them
answer: the typical levels of the role they come from (prefilled on step 2), plus what they say
of themselves. Prints the plan's weeks and months, the week of the "ready for the role"
milestone, and the first items of study.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

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


def main() -> None:
    advisor = build_advisor(skills_data_dir(), date(2026, 12, 1))
    now = datetime(2026, 12, 1, tzinfo=UTC)
    for name, profile in personas(advisor).items():
        _, plan = plan_for_profile(advisor, profile, now=now)
        ready = next(m for m in plan["milestones"] if m["id"] == "ready")
        first = ", ".join(item["label"] for item in plan["items"][:3])
        print(f"{name}: {plan['target_role']['label']}")
        print(
            f"  {plan['weeks']} weeks ({plan['months']} months), ready in week "
            f"{ready['end_week']}, {len(plan['items'])} items; first: {first}"
        )


if __name__ == "__main__":
    main()
