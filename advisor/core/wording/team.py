"""A team's view as its public JSON (the API's answer, and what the page, the CSV and the PDF
are drawn from) and as CSV: aggregates only, labels in the team's language.

A band is written "3–4" on a page and kept as its two ends in the JSON and the CSV, so that a
reader never mistakes a merged band for one level.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from advisor.core.planning import MIN_CELL, MIN_SHARED, HeatRow, SharedGap, TeamView
from advisor.core.taxonomy import Role, Taxonomy


def team_dict(
    *,
    name: str,
    language: str,
    created_at: datetime,
    view: TeamView,
    taxonomy: Taxonomy,
    role_chosen: bool,
) -> dict[str, Any]:
    """The team's summary as public JSON (DESIGN §4's conventions: ids with their labels)."""
    role = taxonomy.roles.get(view.role or "")
    labels = _labels(taxonomy, role, language)
    return {
        "name": name,
        "language": language,
        "created_at": created_at.isoformat(),
        "target_role": None
        if role is None
        else {
            "id": role.id,
            "label": role.label.in_(language),
            "chosen_by": "team" if role_chosen else "members",
        },
        "members": view.members,
        "waiting_for": view.waiting_for,
        "rules": {"min_members": MIN_SHARED, "min_people": MIN_CELL},
        "coverage": None if view.coverage is None else round(view.coverage, 4),
        "heatmap": [_row(row, labels) for row in view.rows],
        "shared_gaps": [_gap(gap, labels) for gap in view.shared_gaps],
        "missing": [
            {"skill": row.skill, "label": labels[row.skill], "level": row.required}
            for row in view.missing
        ],
    }


def _labels(taxonomy: Taxonomy, role: Role | None, language: str) -> dict[str, str]:
    """Labels of the role's rows: a skill's own, or a group of alternatives' ("AWS, Azure or
    Google Cloud")."""
    if role is None:
        return {}
    found = {s: taxonomy.skills[s].label.in_(language) for s in role.requirements}
    found.update({g.id: g.label.in_(language) for g in role.alternatives})
    return found


def _row(row: HeatRow, labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "skill": row.skill,
        "label": labels[row.skill],
        "required": row.required,
        "importance": row.importance,
        "bands": [{"low": b.low, "high": b.high, "people": b.people} for b in row.bands],
        "below": row.below,
        "below_exact": row.below_exact,
    }


def _gap(gap: SharedGap, labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "skill": gap.skill,
        "label": labels[gap.skill],
        "people": gap.people,
        "people_exact": gap.exact,
        "required": gap.required,
        "importance": gap.importance,
        "course_hours": gap.course_hours,
        "saved_hours": gap.saved_hours,
    }


CSV_COLUMNS = ("section", "skill", "label", "levels", "people", "exact", "hours", "saved_hours")


def team_csv(summary: Mapping[str, Any]) -> str:
    """The summary as CSV, one aggregate a line: the heatmap's bands, the shared gaps, the
    missing levels. No line is about a person, and no count of 1 or 2 appears."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerow(("members", "", "", "", summary["members"], "true", "", ""))
    for row in summary["heatmap"]:
        for band in row["bands"]:
            levels = _levels(band["low"], band["high"])
            writer.writerow(
                ("heatmap", row["skill"], row["label"], levels, band["people"], "true", "", "")
            )
    for gap in summary["shared_gaps"]:
        writer.writerow(
            (
                "shared_gap",
                gap["skill"],
                gap["label"],
                f"<{gap['required']}",
                gap["people"],
                str(gap["people_exact"]).lower(),
                gap["course_hours"],
                gap["saved_hours"],
            )
        )
    for row in summary["missing"]:
        writer.writerow(
            ("missing", row["skill"], row["label"], f">={row['level']}", 0, "true", "", "")
        )
    return out.getvalue()


def _levels(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"
