"""Plain JSON-ready dictionaries of core values, in the shapes of the public interface."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from advisor.core import explain
from advisor.core.plan import Milestone, Plan, PlanItem, RoleFit
from advisor.core.progress import Progress
from advisor.core.relatedness import Transfer
from advisor.core.schedule import schedule_periods
from advisor.core.stages import READY
from advisor.core.taxonomy import (
    EscoLink,
    OnetFlag,
    Resource,
    Role,
    Skill,
    Source,
    Taxonomy,
    Text,
)
from advisor.core.wording import Words

# Weeks in an average month (365.25 / 12 / 7), for "about 5.5 months".
WEEKS_PER_MONTH = 4.345


def text_dict(text: Text) -> dict[str, str]:
    return {"en": text.en, "fr": text.fr}


def skill_dict(skill: Skill, demand: float | None = None) -> dict[str, Any]:
    """A skill as `advisor taxonomy export` and `GET /api/v1/skills` show it."""
    return {
        "id": skill.id,
        "domain": skill.domain,
        "label": text_dict(skill.label),
        "aliases": {lang: list(names) for lang, names in skill.aliases.items()},
        "description": text_dict(skill.description),
        "anchors": {str(level): text_dict(t) for level, t in sorted(skill.anchors.items())},
        "prerequisites": [asdict(p) for p in skill.prerequisites],
        "effort_hours": list(skill.effort_hours),
        "resources": [resource_dict(r) for r in skill.resources],
        "esco": esco_dict(skill.esco),
        "onet": onet_dict(skill.onet),
        "sources": list(skill.sources),
        **({"demand": demand} if demand is not None else {}),
    }


def taxonomy_dict(taxonomy: Taxonomy, demand: dict[str, float] | None = None) -> dict[str, Any]:
    """The whole taxonomy: version, domains, levels, skills, roles, sources, replacements."""
    demand = demand or {}
    return {
        "version": taxonomy.version,
        "domains": [
            {"id": d.id, "label": text_dict(d.label), "description": text_dict(d.description)}
            for d in taxonomy.domains
        ],
        "levels": [
            {"level": lv.level, "label": text_dict(lv.label), "anchor": text_dict(lv.anchor)}
            for lv in taxonomy.levels
        ],
        "skills": [skill_dict(s, demand.get(s.id)) for s in taxonomy.skills.values()],
        "roles": [
            {
                "id": r.id,
                "label": text_dict(r.label),
                "description": text_dict(r.description),
                "onet_soc": r.onet_soc,
                "requirements": {
                    q.skill: {"level": q.level, "importance": q.importance}
                    for q in r.requirements.values()
                },
            }
            for r in taxonomy.roles.values()
        ],
        "sources": [
            {
                **source_dict(s),
                "summary": text_dict(s.summary),
                "figures": [text_dict(f) for f in s.figures],
                "skills": list(s.skills),
            }
            for s in taxonomy.sources.values()
        ],
        "replaced_by": {old: list(new) for old, new in taxonomy.replaced_by.items()},
    }


def plan_dict(
    plan: Plan,
    taxonomy: Taxonomy,
    *,
    plan_id: str,
    created_at: str,
    words: Words,
    progress: Progress | None = None,
    role: Role | None = None,
) -> dict[str, Any]:
    """A plan in the public JSON shape (DESIGN §4), self-contained for the page and the PDF.

    Labels, descriptions, anchors, resources and the sentences that explain the order are
    copied in the plan's language, so a saved plan still reads the same after the taxonomy
    changes. Dates count whole weeks from the day the plan was made. `role` is the role
    planned for when it is not the taxonomy's (a job ad).
    """
    language = plan.language
    role = role or plan.role or taxonomy.role(plan.target_role.role)
    start = date.fromisoformat(created_at[:10])
    ready = next((m for m in plan.milestones if m.id == READY), None)
    return {
        "id": plan_id,
        "created_at": created_at,
        "taxonomy_version": plan.taxonomy_version,
        "language": language,
        "target_role": _role_fit_dict(plan.target_role, role, language),
        "origin_role": _origin_dict(plan.origin_role, taxonomy, language),
        "role_suggestions": [
            _role_fit_dict(s, taxonomy.role(s.role), language) for s in plan.suggestions
        ],
        "items": [_item_dict(item, taxonomy, words, ready) for item in plan.items],
        "milestones": [_milestone_dict(m, start, words) for m in plan.milestones],
        "total_hours": plan.total_hours,
        "weeks": plan.weeks,
        "months": round(plan.weeks / WEEKS_PER_MONTH * 2) / 2,
        "end_date": (start + timedelta(weeks=plan.weeks)).isoformat(),
        "hours_per_week": plan.hours_per_week,
        "deadline": asdict(plan.deadline) if plan.deadline else None,
        "schedule": schedule_dict(plan),
        "assessments": dict(sorted(plan.assessments.items())),
        "progress": progress_dict(progress, taxonomy, language) if progress else None,
        "sources": cited_sources(plan, taxonomy),
    }


def _role_fit_dict(fit: RoleFit, role: Role, language: str) -> dict[str, Any]:
    return {
        "id": role.id,
        "label": role.label.in_(language),
        "fit": round(fit.fit, 4),
        "description": role.description.in_(language),
        "covered": list(fit.covered),
        "first_milestone_weeks": fit.first_milestone_weeks,
    }


def _origin_dict(origin_id: str | None, taxonomy: Taxonomy, language: str) -> dict[str, str] | None:
    if origin_id is None or origin_id not in taxonomy.origin_roles:
        return None
    return {"id": origin_id, "label": taxonomy.origin_roles[origin_id].label.in_(language)}


def _milestone_dict(milestone: Milestone, start: date, words: Words) -> dict[str, Any]:
    return {
        "id": milestone.id,
        "title": explain.milestone_title(milestone, words),
        "end_week": milestone.end_week,
        "end_date": (start + timedelta(weeks=milestone.end_week)).isoformat(),
        "skills": list(milestone.skills),
        "moved": list(milestone.moved),
        "note": explain.milestone_note(milestone, words),
    }


def cited_sources(plan: Plan, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The articles behind the plan's skills, newest first, for the PDF's sources page."""
    cited = {s for item in plan.items for s in taxonomy.skills[item.skill].sources}
    sources = sorted(
        (taxonomy.sources[s] for s in cited if s in taxonomy.sources),
        key=lambda s: (s.published, s.id),
        reverse=True,
    )
    return [source_dict(s) for s in sources]


def source_dict(source: Source) -> dict[str, Any]:
    """Where a fact comes from: enough to cite it (title, publisher, date, address)."""
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.published.isoformat(),
        "url": source.url,
        "language": source.language,
    }


def _item_dict(
    item: PlanItem, taxonomy: Taxonomy, words: Words, ready: Milestone | None
) -> dict[str, Any]:
    language = words.language
    skill = taxonomy.skills[item.skill]

    def label(skill_id: str) -> str:
        return taxonomy.skills[skill_id].label.in_(language)

    reasons = [
        {"factor": r.factor, "value": r.value, "score": r.score, "weight": r.weight}
        for r in item.reasons
    ]
    transfer = _transfer_dict(item.transfer)
    return {
        "rank": item.rank,
        "skill": item.skill,
        "label": skill.label.in_(language),
        "domain": skill.domain,
        "domain_label": taxonomy.domain(skill.domain).label.in_(language),
        "current": item.current,
        "target": item.target,
        "stage": item.stage,
        "stage_target": item.stage_target,
        "stage_end_week": item.stage_end_week,
        "importance": item.importance,
        "priority": item.priority,
        "why_here": explain.why_here(item, label, words, ready),
        "reasons": reasons,
        "reasons_in_words": explain.reasons_in_words(
            reasons, words, transfer, label, item.is_prerequisite
        ),
        "transfer": transfer,
        "hours": item.hours,
        "start_week": item.start_week,
        "end_week": item.end_week,
        "parts": [asdict(p) for p in item.parts],
        "prerequisites": list(item.prerequisites),
        "unlocks": list(item.unlocks),
        "is_prerequisite": item.is_prerequisite,
        "description": skill.description.in_(language),
        "target_anchor": _anchor(skill, item.target, language),
        "stage_anchor": _anchor(skill, item.stage_target, language),
        "resources": [resource_dict(r) for r in skill.resources],
        "esco": esco_dict(skill.esco),
        "onet": onet_dict(skill.onet),
    }


def _anchor(skill: Skill, level: int, language: str) -> str:
    """The description of exactly `level`; the nearest level below only where it is missing."""
    anchor = skill.anchors.get(level) or skill.anchor(level)
    return anchor.in_(language) if anchor else ""


def _transfer_dict(transfer: Transfer | None) -> dict[str, Any] | None:
    if transfer is None:
        return None
    return {
        "from": list(transfer.sources),
        "share": transfer.share,
        "hours_saved": transfer.hours_saved,
    }


# Built by hand rather than with dataclasses.asdict, which deep-copies and is slow on a hot path.
def resource_dict(resource: Resource) -> dict[str, Any]:
    return {
        "title": resource.title,
        "url": resource.url,
        "kind": resource.kind,
        "language": resource.language,
        "hours": resource.hours,
        "cost": resource.cost,
    }


def esco_dict(link: EscoLink | None) -> dict[str, Any] | None:
    return {"uri": link.uri, "relation": link.relation, "label": link.label} if link else None


def onet_dict(flag: OnetFlag | None) -> dict[str, Any] | None:
    if flag is None:
        return None
    return {
        "example": flag.example,
        "hot_technology": flag.hot_technology,
        "in_demand": flag.in_demand,
    }


def schedule_dict(plan: Plan) -> list[dict[str, Any]]:
    """Week by week, folded into periods: from which week to which, hours per week per item."""
    return [
        {
            "first_week": p.first_week,
            "last_week": p.last_week,
            "hours": {s: h for s, h in p.hours if h >= 0.005},
        }
        for p in schedule_periods(plan.placements, plan.hours_per_week)
    ]


def progress_dict(progress: Progress, taxonomy: Taxonomy, language: str) -> dict[str, Any]:
    return {
        "previous_plan": progress.previous_plan,
        "levels_gained": [
            {
                "skill": c.skill,
                "label": taxonomy.skills[c.skill].label.in_(language),
                "before": c.before,
                "after": c.after,
            }
            for c in progress.levels_gained
        ],
        "hours_done": progress.hours_done,
        "fit_before": round(progress.fit_before, 4),
        "fit_after": round(progress.fit_after, 4),
        "items_completed": list(progress.items_completed),
    }


def plan_json(plan: Mapping[str, Any]) -> str:
    """A plan as stored and served: compact JSON, UTF-8 kept as is."""
    return json.dumps(plan, ensure_ascii=False, separators=(",", ":"))
