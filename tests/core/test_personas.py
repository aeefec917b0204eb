"""Plans for a few real people, read as a career coach would read them."""

from __future__ import annotations

from advisor.core.planning import Plan, Planner
from advisor.core.profile import Profile


def first_items(plan: Plan, count: int) -> list[str]:
    return [item.skill for item in plan.items[:count]]


def test_a_devops_engineer_aiming_at_mlops_starts_with_ml_not_with_ops(planner: Planner) -> None:
    devops = Profile(
        "en",
        "mlops-engineer",
        8,
        {
            "foundations.linux": 4,
            "foundations.docker": 4,
            "foundations.kubernetes": 4,
            "foundations.ci-cd": 4,
            "foundations.terraform": 3,
            "foundations.python": 3,
            "foundations.git": 4,
            "foundations.cloud-fundamentals": 3,
            "foundations.aws": 3,
            "software-architecture.observability": 3,
        },
    )
    plan = planner.build_plan(devops)
    first = first_items(plan, 5)
    # What they already master is not re-taught...
    assert not {"foundations.kubernetes", "foundations.docker", "foundations.linux"} & set(first)
    # ...and the ML side they lack comes early.
    ml_core = {
        "foundations.ml-fundamentals",
        "mlops.ml-lifecycle",
        "mlops.model-serving",
        "mlops.ml-pipelines",
        "mlops.experiment-tracking",
        "mlops.model-monitoring",
        "mlops.model-registry",
    }
    assert len(ml_core & set(first)) >= 2, first
    assert plan.target_role.fit > 0.25


def test_a_backend_developer_aiming_at_llm_apps_starts_with_llm_integration(
    planner: Planner,
) -> None:
    backend = Profile(
        "en",
        "llm-application-engineer",
        6,
        {
            "foundations.python": 4,
            "foundations.rest-apis": 4,
            "foundations.sql": 4,
            "foundations.git": 4,
            "foundations.docker": 3,
            "foundations.typescript": 3,
            "software-architecture.api-design": 3,
        },
    )
    first = first_items(planner.build_plan(backend), 6)
    llm_core = {
        "llm-apps.prompt-engineering",
        "llm-apps.llm-api-integration",
        "llm-apps.rag",
        "llm-apps.embeddings",
        "llm-apps.llm-evaluation",
        "llm-apps.vector-databases",
        "llm-apps.function-calling",
        "foundations.ml-fundamentals",
    }
    assert len(llm_core & set(first)) >= 3, first
    assert "foundations.python" not in first


def test_a_security_analyst_aiming_at_ai_security_starts_with_llm_threats(
    planner: Planner,
) -> None:
    analyst = Profile(
        "fr",
        "ai-security-engineer",
        5,
        {
            "foundations.security-fundamentals": 4,
            "foundations.networking": 4,
            "foundations.linux": 3,
            "foundations.python": 2,
            "ai-security.secrets-management": 3,
        },
    )
    plan = planner.build_plan(analyst)
    first = first_items(plan, 6)
    threats = {
        "ai-security.prompt-injection",
        "ai-security.owasp-llm-top10",
        "ai-security.ai-threat-modeling",
        "ai-security.ai-red-teaming",
        "foundations.ml-fundamentals",
        "llm-apps.prompt-engineering",
        "ai-security.adversarial-robustness",
    }
    assert len(threats & set(first)) >= 2, first
    assert "foundations.security-fundamentals" not in first
