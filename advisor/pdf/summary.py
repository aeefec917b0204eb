"""The PDF's first page: who the plan is for, the fit, the first priorities, deadline, progress."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from advisor.core.explain import reasons_in_words
from advisor.i18n import words_for
from advisor.pdf.styles import LINE, para


def first_page(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str, link: str | None
) -> list[Any]:
    words = words_for(lang)
    role = plan["target_role"]
    created = plan["created_at"][:10]
    facts = [
        (words.phrase("Target role"), role["label"]),
        (words.phrase("Date"), words.date(date.fromisoformat(created))),
        (words.phrase("Fit today"), words.percent(role["fit"])),
        (words.phrase("Total effort"), f"{plan['total_hours']} h"),
        (words.phrase("Hours per week"), f"{plan['hours_per_week']} h"),
        (words.phrase("Weeks"), str(plan["weeks"])),
    ]
    if plan.get("current_role"):
        facts.insert(0, (words.phrase("Current role"), plan["current_role"]))
    table = Table(
        [[para(k, s["head"]), para(v, s["cell"])] for k, v in facts],
        colWidths=[55 * mm, None],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Any] = [
        para(words.phrase("Learning plan"), s["title"]),
        para(role["label"], s["big"]),
        Spacer(1, 4 * mm),
        para(
            words.phrase(
                "You already cover {fit} of what this role needs, weighted by importance.",
                fit=words.percent(role["fit"]),
            ),
            s["body"],
        ),
        Spacer(1, 2 * mm),
        table,
        *deadline(plan, s, lang),
        para(words.phrase("Your first three priorities"), s["h2"]),
    ]
    for item in plan["items"][:3]:
        story.append(
            para(
                f"{item['rank']}. {item['label']} — {item['current']} → {item['target']}, "
                f"{item['hours']} h",
                s["h3"],
            )
        )
        story.append(para(reasons_in_words(item["reasons"], words) + ".", s["body"]))
    if not plan["items"]:
        story.append(
            para(
                words.phrase("Nothing to learn for this role: every target is already met."),
                s["body"],
            )
        )
    if plan.get("progress"):
        story += progress(plan["progress"], s, lang)
    if link:
        story += [
            Spacer(1, 4 * mm),
            Paragraph(
                escape(words.phrase("Your plan online (private link):")) + " "
                f'<a href="{escape(link)}" color="#0b57d0">{escape(link)}</a>',
                s["small"],
            ),
        ]
    return story


def deadline(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    words = words_for(lang)
    deadline = plan.get("deadline")
    if not deadline:
        return []
    if deadline["fits"]:
        return [
            Spacer(1, 2 * mm),
            para(
                words.phrase(
                    "The plan fits your deadline of {weeks} weeks.", weeks=deadline["weeks"]
                ),
                s["body"],
            ),
        ]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    none = words.phrase("none in full")
    fitting = ", ".join(labels[x] for x in deadline["fitting_items"]) or none
    return [
        Spacer(1, 2 * mm),
        para(
            words.phrase(
                "The plan does not fit your deadline of {weeks} weeks; these first items do: "
                "{items}.",
                weeks=deadline["weeks"],
                items=fitting,
            ),
            s["body"],
        ),
    ]


def progress(progress: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    words = words_for(lang)
    gained = ", ".join(
        f"{c['label']} {c['before']} → {c['after']}" for c in progress["levels_gained"]
    )
    return [
        para(words.phrase("Progress since your previous plan"), s["h2"]),
        para(
            words.phrase(
                "Fit {before} → {after}; about {hours} hours of learning done.",
                before=words.percent(progress["fit_before"]),
                after=words.percent(progress["fit_after"]),
                hours=progress["hours_done"],
            ),
            s["body"],
        ),
        para(gained or words.phrase("No level gained yet."), s["body"]),
    ]
