"""The PDF's first page: who the plan is for, the fit, the first priorities, deadline, progress."""

from __future__ import annotations

from collections.abc import Mapping
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

from advisor.core.explain import percent, reasons_in_words
from advisor.core.words import word
from advisor.pdf.styles import LINE, local_date, para


def first_page(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str, link: str | None
) -> list[Any]:
    role = plan["target_role"]
    created = plan["created_at"][:10]
    facts = [
        (word("target_role", lang), role["label"]),
        (word("date", lang), local_date(created, lang)),
        (word("fit", lang), percent(role["fit"], lang)),
        (word("total_hours", lang), f"{plan['total_hours']} h"),
        (word("hours_per_week", lang), f"{plan['hours_per_week']} h"),
        (word("weeks", lang), str(plan["weeks"])),
    ]
    if plan.get("current_role"):
        facts.insert(0, (word("current_role", lang), plan["current_role"]))
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
        para(word("title", lang), s["title"]),
        para(role["label"], s["big"]),
        Spacer(1, 4 * mm),
        para(word("fit_sentence", lang, fit=percent(role["fit"], lang)), s["body"]),
        Spacer(1, 2 * mm),
        table,
        *deadline(plan, s, lang),
        para(word("top_three", lang), s["h2"]),
    ]
    for item in plan["items"][:3]:
        story.append(
            para(
                f"{item['rank']}. {item['label']} — {item['current']} → {item['target']}, "
                f"{item['hours']} h",
                s["h3"],
            )
        )
        story.append(para(reasons_in_words(item["reasons"], lang) + ".", s["body"]))
    if not plan["items"]:
        story.append(para(word("nothing", lang), s["body"]))
    if plan.get("progress"):
        story += progress(plan["progress"], s, lang)
    if link:
        story += [
            Spacer(1, 4 * mm),
            Paragraph(
                f'{escape(word("link", lang))} <a href="{escape(link)}" color="#0b57d0">'
                f"{escape(link)}</a>",
                s["small"],
            ),
        ]
    return story


def deadline(plan: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    deadline = plan.get("deadline")
    if not deadline:
        return []
    if deadline["fits"]:
        return [
            Spacer(1, 2 * mm),
            para(word("deadline_ok", lang, weeks=deadline["weeks"]), s["body"]),
        ]
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    fitting = ", ".join(labels[x] for x in deadline["fitting_items"]) or word("none", lang)
    return [
        Spacer(1, 2 * mm),
        para(word("deadline_no", lang, weeks=deadline["weeks"], items=fitting), s["body"]),
    ]


def progress(progress: Mapping[str, Any], s: dict[str, ParagraphStyle], lang: str) -> list[Any]:
    gained = ", ".join(
        f"{c['label']} {c['before']} → {c['after']}" for c in progress["levels_gained"]
    )
    return [
        para(word("progress", lang), s["h2"]),
        para(
            word(
                "progress_fit",
                lang,
                before=percent(progress["fit_before"], lang),
                after=percent(progress["fit_after"], lang),
                hours=progress["hours_done"],
            ),
            s["body"],
        ),
        para(gained or word("no_gain", lang), s["body"]),
    ]
