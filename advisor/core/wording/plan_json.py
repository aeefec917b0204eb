"""A plan as a plain JSON-ready dictionary, in the shape of the public interface (DESIGN §4).

The taxonomy's own shapes (skills, sources, resources) are in `advisor.core.taxonomy.json_shapes`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from advisor.core.planning import (
    READY,
    STUDY_SHARE_IN_ROLE,
    Milestone,
    Plan,
    PlanItem,
    Progress,
    RoleFit,
    Step,
    Transfer,
    months_of,
    schedule_periods,
    with_floors,
)
from advisor.core.taxonomy import Role, Skill, SkillShapes, Taxonomy, source_dict
from advisor.core.wording import explanations
from advisor.core.wording.standing import (
    deadline_dict,
    implied_dicts,
    standing_dicts,
    week_end,
)
from advisor.core.wording.words import Words


def plan_dict(
    plan: Plan,
    taxonomy: Taxonomy,
    *,
    plan_id: str,
    created_at: str,
    words: Words,
    progress: Progress | None = None,
    role: Role | None = None,
    shapes: SkillShapes | None = None,
    assumed: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """A plan in the public JSON shape (DESIGN §4), self-contained for the page and the PDF.

    Labels, descriptions, anchors, resources and the sentences that explain the order are
    copied in the plan's language, so a saved plan still reads the same after the taxonomy
    changes. Dates count whole weeks from the day the plan was made (`standing.week_end`).
    `role` is the role planned for when it is not the taxonomy's (a job ad); `shapes`, the
    skills' parts shaped once per taxonomy (made here when not given); `assumed`, the levels
    typical of the role the person comes from that stood in for skills they did not rate
    ("prefill": "typical").
    """
    language = plan.language
    shapes = shapes or SkillShapes(taxonomy)
    role = role or plan.role or taxonomy.role(plan.target_role.role)
    start = date.fromisoformat(created_at[:10])
    ready = next((m for m in plan.milestones if m.id == READY), None)

    def label(skill_id: str) -> str:
        return shapes.texts(skill_id, language)["label"]

    counted = with_floors(plan.assessments, {f.skill: f for f in plan.implied})
    return {
        "id": plan_id,
        "created_at": created_at,
        "taxonomy_version": plan.taxonomy_version,
        "language": language,
        "target_role": _role_fit_dict(plan.target_role, role, language),
        "origin_role": _origin_dict(plan, taxonomy, language, assumed or {}),
        "assumed": _assumed_dict(plan.origin_role, taxonomy, language, assumed or {}),
        "role_suggestions": [
            _role_fit_dict(s, taxonomy.role(s.role), language) for s in plan.suggestions
        ],
        "items": [_item_dict(item, shapes, words, ready) for item in plan.items],
        "milestones": [_milestone_dict(m, start, words, label) for m in plan.milestones],
        "total_hours": plan.total_hours,
        "practice_hours": plan.practice_hours,
        "switch_week": plan.switch_week,
        "switch_note": explanations.switch_note(plan.switch_week, STUDY_SHARE_IN_ROLE, words)
        if plan.practice_hours
        else "",
        "weeks": plan.weeks,
        "months": months_of(plan.weeks),
        "end_date": week_end(start, plan.weeks).isoformat(),
        "hours_per_week": plan.hours_per_week,
        "deadline": deadline_dict(plan.deadline, start),
        "schedule": schedule_dict(plan),
        "assessments": dict(sorted(plan.assessments.items())),
        "implied": implied_dicts(plan.implied, label, words),
        "standing": standing_dicts(role, counted, plan.assessments, label),
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


def _origin_dict(
    plan: Plan, taxonomy: Taxonomy, language: str, assumed: Mapping[str, int]
) -> dict[str, Any] | None:
    """The role the person comes from, and whether its typical levels stood in for the skills
    they did not rate: `typical_not_applied` lists those left at 0."""
    origin = taxonomy.origin_roles.get(plan.origin_role or "")
    if origin is None:
        return None
    unrated = {s: lv for s, lv in origin.typical.items() if s not in plan.assessments}
    return {
        "id": origin.id,
        "label": origin.label.in_(language),
        "prefill": "typical" if assumed else "none",
        "typical_not_applied": _levels_list(unrated, taxonomy, language),
    }


def _assumed_dict(
    origin_id: str | None, taxonomy: Taxonomy, language: str, assumed: Mapping[str, int]
) -> dict[str, Any] | None:
    origin = taxonomy.origin_roles.get(origin_id or "")
    if origin is None or not assumed:
        return None
    return {
        "origin_role": origin.id,
        "label": origin.label.in_(language),
        "levels": _levels_list(assumed, taxonomy, language),
    }


def _levels_list(
    levels: Mapping[str, int], taxonomy: Taxonomy, language: str
) -> list[dict[str, Any]]:
    """Skills with a level, highest first, each with its label in the plan's language."""
    ordered = sorted(levels.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        {"skill": s, "label": taxonomy.skills[s].label.in_(language), "level": level}
        for s, level in ordered
        if s in taxonomy.skills
    ]


def _milestone_dict(
    milestone: Milestone, start: date, words: Words, label: Callable[[str], str]
) -> dict[str, Any]:
    return {
        "id": milestone.id,
        "title": explanations.milestone_title(milestone, words),
        "end_week": milestone.end_week,
        "end_date": week_end(start, milestone.end_week).isoformat(),
        "skills": list(milestone.skills),
        "moved": list(milestone.moved),
        "lowered": [{"skill": s, "level": level} for s, level in milestone.lowered],
        "note": explanations.milestone_note(milestone, words, label),
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


def _item_dict(
    item: PlanItem, shapes: SkillShapes, words: Words, ready: Milestone | None
) -> dict[str, Any]:
    language = words.language
    skill = shapes.taxonomy.skills[item.skill]
    texts, links = shapes.texts(item.skill, language), shapes.links(item.skill)

    def label(skill_id: str) -> str:
        return shapes.texts(skill_id, language)["label"]

    reasons = [
        {"factor": r.factor, "value": r.value, "score": r.score, "weight": r.weight}
        for r in item.reasons
    ]
    transfer = _transfer_dict(item.transfer)
    return {
        "rank": item.rank,
        "skill": item.skill,
        "label": texts["label"],
        "domain": skill.domain,
        "domain_label": texts["domain_label"],
        "current": item.current,
        "target": item.target,
        "stage": item.stage,
        "stage_target": item.stage_target,
        "stage_end_week": item.stage_end_week,
        "importance": item.importance,
        "priority": item.priority,
        "why_here": explanations.why_here(item, label, words, ready),
        "reasons": reasons,
        "reasons_in_words": explanations.reasons_in_words(
            reasons, words, transfer, label, item.is_prerequisite
        ),
        "transfer": transfer,
        "hours": item.hours,
        "start_week": item.start_week,
        "end_week": item.end_week,
        "parts": [
            {
                "stage": p.stage,
                "target": p.target,
                "hours": p.hours,
                "start_week": p.start_week,
                "end_week": p.end_week,
                "steps": [_step_dict(step, label) for step in p.steps],
                "practice_hours": p.practice_hours,
            }
            for p in item.parts
        ],
        "steps_in_words": explanations.steps_in_words(item, label, words),
        "practice_hours": item.practice_hours,
        "practice_in_words": explanations.practice_in_words(item, words),
        "prerequisites": list(item.prerequisites),
        "unlocks": list(item.unlocks),
        "is_prerequisite": item.is_prerequisite,
        "description": texts["description"],
        "target_anchor": _anchor(skill, item.target, language),
        "stage_anchor": _anchor(skill, item.stage_target, language),
        "resources": links["resources"],
        "esco": links["esco"],
        "onet": links["onet"],
    }


def _step_dict(step: Step, label: Callable[[str], str]) -> dict[str, Any]:
    return {
        "skill": step.skill,
        "label": label(step.skill),
        "current": step.start,
        "target": step.target,
        "hours": step.hours,
        "practice_hours": step.practice_hours,
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
