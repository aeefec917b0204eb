"""The PDF's two-page summary, for a manager: who, for which role, the fit, strengths and
milestones with dates on page 1 (with the private link, said to be private); the first five
items and why they come first on page 2."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from advisor.core.planning import months_of
from advisor.core.wording import reasons_in_words, week_spans
from advisor.i18n import CatalogueWords, words_for
from advisor.pdf.styles import INK, LINE, Paragraph, para

FIRST_ITEMS = 5
STRENGTHS = 8
STRONG_LEVEL = 3


def summary_pages(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    link: str | None,
    labels: Mapping[str, str],
) -> list[Any]:
    """Page 1 and page 2 of the PDF, each ending with its page break."""
    return [*first_page(plan, s, link, labels), PageBreak(), *second_page(plan, s, labels)]


def _day(plan: Mapping[str, Any], iso: str | None, week: int) -> date:
    if iso:
        return date.fromisoformat(iso[:10])
    return date.fromisoformat(plan["created_at"][:10]) + timedelta(days=7 * week - 1)


def first_page(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    link: str | None,
    labels: Mapping[str, str],
) -> list[Any]:
    words = words_for(plan["language"])
    role = plan["target_role"]
    story: list[Any] = [
        para(words.phrase("Learning plan"), s["title"]),
        para(role["label"], s["big"]),
        Spacer(1, 3 * mm),
        para(
            words.phrase(
                "You already cover {fit} of what this role needs, weighted by importance.",
                fit=words.percent(role["fit"]),
            ),
            s["body"],
        ),
        _table(_facts(plan, words), s, [55 * mm, None]),
        para(words.phrase("Strengths"), s["h2"]),
        para(_strengths(plan, labels, words), s["body"]),
    ]
    milestones = _milestones(plan, words)
    if milestones:
        story += [para(words.phrase("Milestones"), s["h2"]), _table(milestones, s, None)]
    if link:
        story += [
            Spacer(1, 5 * mm),
            Paragraph(
                "<b>"
                + escape(words.phrase("Your plan online (private link):"))
                + "</b> "
                + f'<a href="{escape(link)}" color="#0b57d0">{escape(link)}</a><br/>'
                + escape(
                    words.phrase(
                        "This link is private: whoever has it can read and delete the plan. "
                        "It is printed on this page only; share the other pages freely."
                    )
                ),
                s["small"],
            ),
        ]
    return story


def _facts(plan: Mapping[str, Any], words: CatalogueWords) -> list[tuple[str, str]]:
    weeks = int(plan["weeks"])
    months = float(plan.get("months") or months_of(weeks) or 0.5)
    facts = []
    person = plan.get("current_role") or ""
    origin = (plan.get("origin_role") or {}).get("label")
    if origin and origin != person:
        person = f"{person} ({origin})" if person else origin
    if person:
        facts.append((words.phrase("Current role"), person))
    facts += [
        (words.phrase("Target role"), plan["target_role"]["label"]),
        (words.phrase("Fit today"), words.percent(plan["target_role"]["fit"])),
        (words.phrase("Date"), words.date(date.fromisoformat(plan["created_at"][:10]))),
        (
            words.phrase("Total effort"),
            words.phrase(
                "{hours} h at {per_week} h a week",
                hours=plan["total_hours"],
                per_week=plan["hours_per_week"],
            ),
        ),
        (
            words.phrase("Duration"),
            words.phrase(
                "{weeks} weeks, {months}, until {date}",
                weeks=weeks,
                months=words.plural(
                    "about {months} month",
                    "about {months} months",
                    1 if months <= 1 else 2,
                    months=words.number(months),
                ),
                date=words.date(_day(plan, plan.get("end_date"), weeks)),
            ),
        ),
    ]
    deadline = plan.get("deadline")
    if deadline:
        verdict = words.phrase("fits") if deadline["fits"] else words.phrase("does not fit")
        facts.append(
            (
                words.phrase("Deadline"),
                words.phrase("{weeks} weeks: {verdict}", weeks=deadline["weeks"], verdict=verdict),
            )
        )
    return facts


def _strengths(plan: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords) -> str:
    """The skills the person rated highest (3 or more), strongest first."""
    levels = plan.get("assessments", {})
    strong = sorted(
        (s for s, n in levels.items() if n >= STRONG_LEVEL), key=lambda s: (-levels[s], s)
    )
    if not strong:
        return words.phrase("No skill rated 3 or more yet.")
    item_labels = {i["skill"]: i["label"] for i in plan["items"]}
    named = [
        f"{labels.get(s) or item_labels.get(s) or s} ({levels[s]})" for s in strong[:STRENGTHS]
    ]
    return ", ".join(named) + "."


def _milestones(plan: Mapping[str, Any], words: CatalogueWords) -> list[tuple[str, str]]:
    """Each milestone: when it is reached, and the skills it needs."""
    labels = {i["skill"]: i["label"] for i in plan["items"]}
    found = plan.get("milestones") or (
        [{"title": words.phrase("Ready for the role"), "end_week": plan["weeks"], "skills": labels}]
        if plan["items"]
        else []
    )
    rows = []
    for m in found:
        week = int(m.get("end_week", 0))
        when = words.phrase(
            "end of week {week}, {date}",
            week=week,
            date=words.date(_day(plan, m.get("end_date"), week)),
        )
        skills = ", ".join(labels.get(s, s) for s in m.get("skills", []))
        rows.append((str(m.get("title", "")), f"{when}{words.colon()}{skills}" if skills else when))
    return rows


def _table(rows: list[tuple[str, str]], s: dict[str, ParagraphStyle], widths: Any) -> Table:
    """Names as plain strings (cheap to lay out), values as paragraphs that may wrap."""
    cells = [[k, para(v, s["cell"])] for k, v in rows]
    table = Table(cells, colWidths=widths or [70 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("FONT", (0, 0), (0, -1), s["head"].fontName, s["head"].fontSize),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ]
        )
    )
    return table


def second_page(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], labels: Mapping[str, str]
) -> list[Any]:
    words = words_for(plan["language"])
    story: list[Any] = [para(words.phrase("The first five items, and why"), s["h2"])]
    for item in plan["items"][:FIRST_ITEMS]:
        heading = words.phrase(
            "{rank}. {label}: level {current} → {target}, {hours} h, weeks {spans}",
            rank=item["rank"],
            label=item["label"],
            current=item["current"],
            target=item["target"],
            hours=item["hours"],
            spans=week_spans(item),
        )
        why = item.get("why_here") or reasons_in_words(item["reasons"], words) + "."
        story += [para(heading, s["h3"]), para(why + _transfer(item, labels, words), s["body"])]
    if not plan["items"]:
        story.append(
            para(
                words.phrase("Nothing to learn for this role: every target is already met."),
                s["body"],
            )
        )
    story += deadline(plan, s, labels)
    if plan.get("progress"):
        story += progress(plan["progress"], s, words)
    return story


def _transfer(item: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords) -> str:
    """ " You know X: about 40 % less effort." when what the person knows makes it quicker."""
    transfer = item.get("transfer")
    if not transfer or not transfer.get("from"):
        return ""
    known = ", ".join(words.quote(labels.get(s, s)) for s in transfer["from"])
    share = words.percent(float(transfer.get("share", 0)))
    return " " + words.phrase(
        "You know {skills}: about {share} less effort.", skills=known, share=share
    )


def deadline(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], labels: Mapping[str, str]
) -> list[Any]:
    words = words_for(plan["language"])
    given = plan.get("deadline")
    if not given:
        return []
    names = {**labels, **{i["skill"]: i["label"] for i in plan["items"]}}
    within = list(given.get("within", given.get("fitting_items", [])))
    after = list(
        given.get("after", [i["skill"] for i in plan["items"] if i["skill"] not in within])
    )
    story: list[Any] = [para(words.phrase("Your deadline"), s["h2"])]
    if given["fits"]:
        story.append(
            para(
                words.phrase("The plan fits your deadline of {weeks} weeks.", weeks=given["weeks"]),
                s["body"],
            )
        )
        return story
    none = words.phrase("none in full")
    story += [
        para(
            words.phrase(
                "By the deadline ({weeks} weeks): {items}.",
                weeks=given["weeks"],
                items=", ".join(names.get(x, x) for x in within) or none,
            ),
            s["body"],
        ),
        para(
            words.phrase(
                "After the deadline: {items}.", items=", ".join(names.get(x, x) for x in after)
            ),
            s["body"],
        ),
    ]
    return story


def progress(
    progress: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords
) -> list[Any]:
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
