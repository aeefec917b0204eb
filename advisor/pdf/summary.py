"""The PDF's two pages for a manager.

Page 1: who, for which role, the fit, strengths, the milestones with their dates, and the
timeline (drawn in whatever height the rest leaves), then the private link, said to be private.
Page 2: the first items in words (why, the reasons, when, where to start), the deadline and
the progress since an earlier plan, as many items as the page holds. Each page is measured
before it is laid out, so the summary is two pages whatever the plan (three at most when a
deadline's lists are long).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from advisor.core.planning import months_of
from advisor.core.wording import (
    bar_words,
    dated,
    deadline_day,
    few_named,
    first_names,
    item_bars,
    plan_start,
    plan_timeline,
    reasons_in_words,
    stage_label,
)
from advisor.i18n import CatalogueWords, words_for
from advisor.pdf.styles import FRAME_HEIGHT, FRAME_WIDTH, INK, LINE, Paragraph, kept, para
from advisor.pdf.timeline import rows_that_fit, timeline_drawing

FIRST_ITEMS = 5
STRENGTHS = 4
STRONG_LEVEL = 3
RESOURCES = 2
SLACK = 6  # points kept free at the foot of a measured page


def summary_pages(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    link: str | None,
    labels: Mapping[str, str],
) -> list[Any]:
    """Page 1 and page 2 of the PDF, page 1 ending with its page break."""
    return [*first_page(plan, s, link, labels), PageBreak(), *second_page(plan, s, labels)]


def height_of(flowables: Sequence[Flowable]) -> float:
    """The height the flowables take in the frame, their spaces before and after included."""
    total = 0.0
    for flowable in flowables:
        _, height = flowable.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def first_page(
    plan: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    link: str | None,
    labels: Mapping[str, str],
) -> list[Any]:
    words = words_for(plan["language"])
    role = plan["target_role"]
    head: list[Any] = [
        para(words.phrase("Learning plan"), s["kicker"]),
        para(role["label"], s["title"]),
        para(
            words.phrase(
                "You already cover {fit} of what this role needs, weighted by importance.",
                fit=words.percent(role["fit"]),
            ),
            s["body"],
        ),
        _facts_table(_facts(plan, words), s),
        _labelled(words.phrase("Strengths:"), _strengths(plan, labels, words), s),
        *_implied(plan, words, s),
    ]
    milestones = _milestones(plan, words)
    if milestones:
        head += [para(words.phrase("Milestones"), s["h2"]), _milestone_table(milestones, s)]
    foot = [para(plan["switch_note"], s["small"])] if plan.get("switch_note") else []
    foot += _private_link(link, words, s) if link else []
    timeline = plan_timeline(plan, words)
    if not timeline.rows:
        return head + foot
    heading = para(words.phrase("Timeline"), s["h2"])
    room = FRAME_HEIGHT - height_of([*head, heading, *foot]) - SLACK
    folded = timeline.first(rows_that_fit(timeline, room), words)
    return [*head, heading, timeline_drawing(folded, FRAME_WIDTH, room, words), *foot]


def _private_link(link: str, words: CatalogueWords, s: dict[str, ParagraphStyle]) -> list[Any]:
    return [
        Spacer(1, 2 * mm),
        Paragraph(
            "<b>"
            + escape(kept(words.phrase("Your plan online (private link):")))
            + "</b> "
            + f'<a href="{escape(link)}" color="#0b57d0">{escape(link)}</a><br/>'
            + escape(
                kept(
                    words.phrase(
                        "This link is private: whoever has it can read and delete the plan. "
                        "It is printed on this page only; share the other pages freely."
                    )
                )
            ),
            s["small"],
        ),
    ]


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
        (words.phrase("Date"), words.date(plan_start(plan))),
        (
            words.phrase("Own study") if plan.get("practice_hours") else words.phrase("Effort"),
            words.phrase(
                "{hours} h at {per_week} h a week",
                hours=words.number(plan["total_hours"]),
                per_week=words.number(plan["hours_per_week"]),
            ),
        ),
        (
            words.phrase("Duration"),
            words.phrase(
                "{weeks} weeks, {months}, until {date}",
                weeks=words.number(weeks),
                months=words.plural(
                    "about {months} month",
                    "about {months} months",
                    1 if months <= 1 else 2,
                    months=words.number(months),
                ),
                date=words.date(dated(plan, plan.get("end_date"), weeks)),
            ),
        ),
    ]
    if plan.get("practice_hours"):
        facts.append(
            (
                words.phrase("Practice at work"),
                words.phrase(
                    "{hours} h, from week {week}",
                    hours=words.number(plan["practice_hours"]),
                    week=int(plan.get("switch_week") or 0) + 1,
                ),
            )
        )
    standing = plan.get("standing") or []
    if standing:
        met = sum(1 for r in standing if r["level"] >= r["target"])
        facts.append(
            (
                words.phrase("The role's skills"),
                words.plural(
                    "{n} skill, {met} already at the plan's level",
                    "{n} skills, {met} already at the plan's level",
                    len(standing),
                    met=met,
                ),
            )
        )
    deadline, due = plan.get("deadline"), deadline_day(plan)
    if deadline and due:
        verdict = words.phrase("fits") if deadline["fits"] else words.phrase("does not fit")
        facts.append(
            (
                words.phrase("Deadline"),
                words.phrase(
                    "{weeks} weeks, {date}: {verdict}",
                    weeks=deadline["weeks"],
                    date=words.date(due),
                    verdict=verdict,
                ),
            )
        )
    return facts


def _facts_table(facts: list[tuple[str, str]], s: dict[str, ParagraphStyle]) -> Table:
    """The facts two by two: name and value, name and value."""
    cells: list[list[Any]] = [
        [
            part
            for key, value in facts[n : n + 2]
            for part in (para(key, s["head"]), para(value, s["cell"]))
        ]
        for n in range(0, len(facts), 2)
    ]
    if len(cells[-1]) < 4:
        cells[-1] += ["", ""]
    widths = [29 * mm, 58 * mm, 27 * mm, None]
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("FONT", (0, 0), (0, -1), s["head"].fontName, s["head"].fontSize),
                ("FONT", (2, 0), (2, -1), s["head"].fontName, s["head"].fontSize),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ]
        )
    )
    return table


def _labelled(label: str, text: str, s: dict[str, ParagraphStyle]) -> Paragraph:
    """ "Label: text" on one line, the label in bold."""
    words = escape(kept(text))
    return Paragraph(f"<b>{escape(kept(label))}</b> {words}", s["lead"])


def _strengths(plan: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords) -> str:
    """What the person is strong in, the first few named: the role's skills at level 3 or
    more (or already at the plan's level), strongest first, a level the ratings imply said so;
    then the other skills rated 3 or more. A plan saved before `standing` existed reads the
    ratings of 3 or more."""
    standing = plan.get("standing")
    if standing is None:
        levels = plan.get("assessments", {})
        item_labels = {i["skill"]: i["label"] for i in plan["items"]}
        standing = [
            {"skill": s, "label": labels.get(s) or item_labels.get(s) or s, "level": n}
            for s, n in levels.items()
        ]
    strong = sorted(
        (
            r
            for r in standing
            if r["level"] >= STRONG_LEVEL or 0 < r["level"] >= r.get("target", STRONG_LEVEL)
        ),
        key=lambda r: (-int(r["level"]), -int(r.get("importance", 0)), r["skill"]),
    )
    # Then what the person is strong in beyond the role: a sysadmin aiming at MLOps has
    # Linux at 4 even when none of the role's own skills is at 3 yet.
    of_role = {r["skill"] for r in standing}
    levels = plan.get("assessments", {})
    names = skill_names(plan, labels)
    strong += sorted(
        (
            {"skill": s, "label": names[s], "level": n}
            for s, n in levels.items()
            if s not in of_role and n >= STRONG_LEVEL and s in names
        ),
        key=lambda r: (-int(r["level"]), str(r["label"])),
    )
    if not strong:
        return words.phrase("No skill rated 3 or more yet.")
    named = [
        words.phrase("{skill} (level {level}, implied)", skill=r["label"], level=r["level"])
        if "rated" in r and (r["rated"] or 0) < r["level"]
        else words.phrase("{skill} (level {level})", skill=r["label"], level=r["level"])
        for r in strong
    ]
    return first_names(named, words, STRENGTHS) + "."


def _implied(
    plan: Mapping[str, Any], words: CatalogueWords, s: dict[str, ParagraphStyle]
) -> list[Any]:
    """One short line on the levels the person's ratings imply: the first, and how many more
    (each is in the full plan)."""
    implied = plan.get("implied") or []
    if not implied:
        return []
    text = implied[0]["why"]
    if len(implied) > 1:
        text += " " + words.plural(
            "{n} more level counted the same way: see the full plan.",
            "{n} more levels counted the same way: see the full plan.",
            len(implied) - 1,
        )
    return [_labelled(words.phrase("What your ratings imply:"), text, s)]


def _milestones(plan: Mapping[str, Any], words: CatalogueWords) -> list[tuple[str, str, str]]:
    """Each milestone: its title, when it is reached, how many skills it needs (a few named)."""
    labels = skill_names(plan, {})
    found = plan.get("milestones") or (
        [
            {
                "title": words.phrase("Ready for the role"),
                "end_week": plan["weeks"],
                "skills": [i["skill"] for i in plan["items"]],
            }
        ]
        if plan["items"]
        else []
    )
    rows = []
    for m in found:
        week = int(m.get("end_week", 0))
        when = words.phrase(
            "end of week {week}, {date}",
            week=week,
            date=words.date(dated(plan, m.get("end_date"), week)),
        )
        names = [labels.get(s, s) for s in m.get("skills", [])]
        said = few_named(names, words) + "." if names else ""
        note = str(m.get("note") or "")
        rows.append((str(m.get("title", "")), when, f"{said} {note}".strip()))
    return rows


def _milestone_table(rows: list[tuple[str, str, str]], s: dict[str, ParagraphStyle]) -> Table:
    cells = [[para(t, s["head"]), para(w, s["cell"]), para(n, s["cell"])] for t, w, n in rows]
    return lined_table(cells, [40 * mm, 50 * mm, None])


def lined_table(cells: Sequence[Sequence[Any]], widths: Sequence[float | None]) -> Table:
    """Rows of text under a thin line each, flush left: the summary's milestones, the team
    page's facts."""
    table = Table(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def second_page(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], labels: Mapping[str, str]
) -> list[Any]:
    """As many of the first items as the page holds beside the deadline and the progress."""
    words = words_for(plan["language"])
    fixed = deadline(plan, s, labels)
    if plan.get("progress"):
        fixed += progress(plan["progress"], s, words)
    closing = [
        para(
            words.phrase("The full plan adds every item's levels, resources and sources."),
            s["small"],
        )
    ]
    if not plan["items"]:
        nothing = words.phrase("Nothing to learn for this role: every target is already met.")
        return [para(nothing, s["body"]), *fixed]
    start, names = plan_start(plan), skill_names(plan, labels)
    blocks = [_item_block(i, s, names, words, start) for i in plan["items"][:FIRST_ITEMS]]
    heading = para(
        words.plural("The first item, and why", "The first {n} items, and why", len(blocks)),
        s["h2"],
    )
    room = FRAME_HEIGHT - height_of([heading, *fixed, *closing]) - SLACK
    shown: list[Any] = []
    for block in blocks:
        room -= height_of(block)
        if room < 0 and shown:
            break
        shown.append(block)
    if len(shown) < len(blocks):
        heading = para(
            words.plural("The first item, and why", "The first {n} items, and why", len(shown)),
            s["h2"],
        )
    return [heading, *[f for block in shown for f in block], *fixed, *closing]


def _item_block(
    item: Mapping[str, Any],
    s: dict[str, ParagraphStyle],
    labels: Mapping[str, str],
    words: CatalogueWords,
    start: date,
) -> list[Any]:
    """One item in words, one idea a line: why here, the reasons, each stage's weeks and
    dates, the credit for what the person knows, where to start."""
    heading = words.phrase(
        "{rank}. {label}: level {current} → {target}",
        rank=item["rank"],
        label=item["label"],
        current=item["current"],
        target=item["target"],
    )
    why = item.get("why_here") or reasons_in_words(item["reasons"], words) + "."
    # The credit for what the person knows has a line of its own below, not in the reasons.
    reasons = reasons_in_words(
        item["reasons"], words, is_prerequisite=bool(item.get("is_prerequisite"))
    )
    lines = [
        _labelled(words.phrase("Why here:"), why, s),
        _labelled(words.phrase("Reasons:"), _sentence(reasons), s),
    ]
    for bar in item_bars(item, start, words):
        label = stage_label(bar.stage, words) + words.colon().rstrip()
        lines.append(_labelled(label, _sentence(bar_words(bar, words)), s))
    transfer = _transfer(item, labels, words)
    if transfer:
        lines.append(para(transfer, s["lead"]))
    first = _resources(item, words)
    if first:
        label = escape(kept(words.phrase("Start with:")))
        lines.append(Paragraph(f"<b>{label}</b> {first}", s["lead"]))
    return [para(heading, s["h3"]), *lines]


def _sentence(text: str) -> str:
    """`text` as a sentence: a capital first, a full stop last."""
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _resources(item: Mapping[str, Any], words: CatalogueWords) -> str:
    """The first resources, each a link with its language and hours (markup)."""
    return " · ".join(resource_markup(r, words) for r in item.get("resources", [])[:RESOURCES])


def resource_text(resource: Mapping[str, Any], words: CatalogueWords) -> str:
    """A resource in plain text: its title, language and hours, and its address."""
    about = words.phrase(
        "{language}, {hours} h",
        language=str(resource["language"]).upper(),
        hours=words.number(float(resource["hours"])),
    )
    return f"{resource['title']} ({about}) {resource['url']}"


def resource_markup(resource: Mapping[str, Any], words: CatalogueWords) -> str:
    """A resource as a link, its language and hours, and its address (broken at slashes)."""
    url = escape(resource["url"])
    about = words.phrase(
        "{language}, {hours} h",
        language=str(resource["language"]).upper(),
        hours=words.number(float(resource["hours"])),
    )
    # Two runs of text (the link, then the rest in the paragraph's own colour): each change of
    # font or colour is one more fragment for every line break to measure.
    return (
        f'<a href="{url}" color="#0b57d0">{escape(kept(resource["title"]))}</a> '
        f"({escape(kept(about))}) {url}"
    )


def _transfer(item: Mapping[str, Any], labels: Mapping[str, str], words: CatalogueWords) -> str:
    """ "You know X: about 40 % less effort." when what the person knows makes it quicker."""
    transfer = item.get("transfer")
    if not transfer or not transfer.get("from"):
        return ""
    known = first_names([words.quote(labels.get(s, s)) for s in transfer["from"]], words)
    share = words.percent(float(transfer.get("share", 0)))
    return words.phrase("You know {skills}: about {share} less effort.", skills=known, share=share)


def deadline(
    plan: Mapping[str, Any], s: dict[str, ParagraphStyle], labels: Mapping[str, str]
) -> list[Any]:
    """What the deadline holds, and what comes after it, counted with the first few named."""
    words = words_for(plan["language"])
    given, due = plan.get("deadline"), deadline_day(plan)
    if not given or not due:
        return []
    names = skill_names(plan, labels)
    within = list(given.get("within", given.get("fitting_items", [])))
    after = list(
        given.get("after", [i["skill"] for i in plan["items"] if i["skill"] not in within])
    )
    story: list[Any] = [para(words.phrase("Your deadline"), s["h2"])]
    if given["fits"]:
        fits = words.phrase(
            "The plan fits your deadline of {weeks} weeks ({date}).",
            weeks=given["weeks"],
            date=words.date(due),
        )
        return [*story, para(fits, s["body"])]
    by = words.phrase("By the deadline ({date}):", date=words.date(due))
    done = few_named([names.get(x, x) for x in within], words) if within else ""
    story.append(_labelled(by, _sentence(done or words.phrase("none in full")), s))
    parts = [_part(p, names, words) for p in given.get("parts_done", [])]
    if parts:
        story.append(
            _labelled(
                words.phrase("Every stage done by then:"), _sentence(first_names(parts, words)), s
            )
        )
    for going in given.get("in_progress", []):
        under_way = words.phrase(
            "{part}, {share} done",
            part=_part(going, names, words),
            share=words.percent(float(going["share"])),
        )
        story.append(_labelled(words.phrase("Under way at the deadline:"), _sentence(under_way), s))
    if after:
        later = few_named([names.get(x, x) for x in after], words)
        story.append(_labelled(words.phrase("After the deadline:"), _sentence(later), s))
    return story


def skill_names(plan: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, str]:
    """Every skill the plan names, by id: its items, the steps inside them, the role's skills
    (strengths included), then `labels` for the rest."""
    names = dict(labels)
    names |= {r["skill"]: r["label"] for r in plan.get("standing") or []}
    names |= {
        step["skill"]: step["label"]
        for item in plan["items"]
        for part in item.get("parts") or []
        for step in part.get("steps") or []
    }
    return names | {i["skill"]: i["label"] for i in plan["items"]}


def _part(part: Mapping[str, Any], names: Mapping[str, str], words: CatalogueWords) -> str:
    """A stage of an item, or a step inside one, by its skill and level: "Docker to level 2"."""
    return words.phrase(
        "{skill} to level {level}",
        skill=names.get(str(part["skill"]), str(part["skill"])),
        level=part["target"],
    )


def progress(
    progress: Mapping[str, Any], s: dict[str, ParagraphStyle], words: CatalogueWords
) -> list[Any]:
    gained = [
        words.phrase(
            "{skill} {before} → {after}", skill=c["label"], before=c["before"], after=c["after"]
        )
        for c in progress["levels_gained"]
    ]
    return [
        para(words.phrase("Progress since your previous plan"), s["h2"]),
        para(
            words.phrase(
                "Fit {before} → {after}; about {hours} hours of learning done.",
                before=words.percent(progress["fit_before"]),
                after=words.percent(progress["fit_after"]),
                hours=words.number(progress["hours_done"]),
            ),
            s["body"],
        ),
        para(
            _sentence(first_names(gained, words, 4))
            if gained
            else words.phrase("No level gained yet."),
            s["body"],
        ),
    ]
