"""Plans for a few real people, read as a career coach would read them."""

from __future__ import annotations

from advisor.core.planning import READY, Plan, Planner, Profile


def first_items(plan: Plan, count: int) -> list[str]:
    return [item.skill for item in plan.items[:count]]


def typical(planner: Planner, origin: str) -> dict[str, int]:
    return dict(planner.taxonomy.origin_roles[origin].typical)


def ready_week(plan: Plan) -> int:
    assert plan.milestones and plan.milestones[0].id == READY
    return plan.milestones[0].end_week


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


def test_a_french_linux_sysadmin_without_a_target_gets_a_first_milestone_within_half_a_year(
    planner: Planner,
) -> None:
    sysadmin = Profile(
        "fr", None, 6, typical(planner, "linux-sysadmin"), current_role="administrateur système"
    )
    plan = planner.build_plan(sysadmin)
    assert plan.origin_role == "linux-sysadmin"
    assert ready_week(plan) <= 26
    assert plan.weeks <= 80
    mastered = {s for s, level in sysadmin.assessments.items() if level >= 4}
    assert not mastered & {i.skill for i in plan.items}
    # Scripting counts: Python costs a Linux administrator less than a beginner.
    python = plan.item("foundations.python")
    assert python is None or python.transfer is not None


def test_a_backend_developer_reaches_rag_at_a_working_level_before_a_26_week_deadline(
    planner: Planner,
) -> None:
    backend = Profile(
        "en",
        "llm-application-engineer",
        8,
        {
            "foundations.python": 4,
            "foundations.rest-apis": 4,
            "foundations.sql": 4,
            "foundations.git": 4,
            "foundations.docker": 3,
            "foundations.typescript": 3,
            "software-architecture.api-design": 3,
        },
        deadline_weeks=26,
    )
    plan = planner.build_plan(backend)
    rag = plan.item("llm-apps.rag")
    assert rag is not None and rag.stage == READY and rag.stage_end_week <= 26
    assert plan.deadline is not None and not plan.deadline.fits
    assert "llm-apps.rag" in plan.deadline.stage_reached
    assert ready_week(plan) <= 26
    assert plan.item("foundations.python") is None
    assert first_items(plan, 2)[0] == "llm-apps.prompt-engineering"


def test_a_security_analyst_strong_in_threat_modelling_climbs_ai_threat_modelling_faster(
    planner: Planner,
) -> None:
    analyst = Profile(
        "fr",
        "ai-security-engineer",
        5,
        {**typical(planner, "soc-analyst"), "security-operations.threat-modeling": 4},
    )
    plan = planner.build_plan(analyst)
    threats = plan.item("ai-security.ai-threat-modeling")
    assert threats is not None and threats.transfer is not None
    assert "security-operations.threat-modeling" in threats.transfer.sources
    assert 0.3 <= threats.transfer.share <= 0.5
    assert threats.current == 0  # credited in hours, never in level
    assert {"ai-security.ai-threat-modeling", "ai-security.prompt-injection"} <= set(
        first_items(plan, 4)
    )
    assert ready_week(plan) <= 26


def test_an_hpc_engineer_aiming_at_ai_infrastructure_needs_one_accelerator_family(
    planner: Planner,
) -> None:
    hpc = Profile("en", "ai-infrastructure-engineer", 8, typical(planner, "hpc-engineer"))
    plan = planner.build_plan(hpc)
    planned = {i.skill for i in plan.items}
    # GPUs are their family: no Trainium, Inferentia or Neuron SDK on top.
    assert not planned & {
        "ai-infrastructure.aws-trainium",
        "ai-infrastructure.aws-inferentia",
        "ai-infrastructure.aws-neuron-sdk",
        "ai-infrastructure.tpu",
    }
    operations = plan.item("ai-infrastructure.gpu-cluster-operations")
    assert operations is not None and operations.stage == READY
    assert operations.transfer is not None  # Slurm and HPC networking count
    assert ready_week(plan) <= 26
    assert plan.weeks <= 100
