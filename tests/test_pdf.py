"""The PDF read back with pypdf, and pages rendered with pdftoppm: what a person would see.

The default PDF is two pages for a manager (page 1: who, the fit, strengths, milestones and the
timeline; page 2: the first items in words); `details=True` is the full plan.
"""

from __future__ import annotations

import copy
import io
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from advisor.pdf import render_plan_document, render_plan_pdf
from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.assessment import skill_quotes
from advisor.services.plans import plan_for_profile
from tests.conftest import FIXTURE_TAXONOMY, require_binary

FRENCH_NAME = "Chargée d’exploitation — « Linux » & œuvres"
LINK = "https://advisor.example/plans/abc"
NOW = datetime(2026, 11, 24, tzinfo=UTC)


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE_TAXONOMY, date(2026, 11, 24))


@pytest.fixture(scope="module")
def shipped() -> Advisor:
    return build_advisor(skills_data_dir(), date(2026, 11, 24))


def make_plan(advisor: Advisor, language: str, **extra: Any) -> dict[str, Any]:
    profile = {
        "language": language,
        "target_role": "mlops-engineer",
        "hours_per_week": 6,
        "current_role": FRENCH_NAME,
        **extra,
    }
    return plan_for_profile(advisor, profile, now=NOW)[1]


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_of(pdf: bytes) -> str:
    return "\n".join(page_texts(pdf))


def flat(text: str) -> str:
    """Spaces, no-break spaces and line ends as one space."""
    return " ".join(text.split())


def test_a_french_plan_is_in_french_with_its_accents(advisor: Advisor) -> None:
    text = text_of(render_plan_pdf(make_plan(advisor, "fr"), LINK, details=True))
    assert "Plan d’apprentissage" in text and "Ingénieur·e MLOps" in text
    assert "Mise en service de modèles" in text and "Calendrier" in text
    assert flat(FRENCH_NAME) in flat(text)
    assert "Learning plan" not in text and "Timeline" not in text


def test_an_english_plan_is_in_english(advisor: Advisor) -> None:
    text = text_of(render_plan_pdf(make_plan(advisor, "en"), LINK, details=True))
    assert "Learning plan" in text and "Model serving" in text and "How the ranking works" in text
    assert "Timeline" in text and "Weeks of study" in text
    assert "Plan d’apprentissage" not in text


def test_the_default_pdf_is_two_pages_and_the_full_plan_more(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    summary = render_plan_document(plan, LINK)
    full = render_plan_document(plan, LINK, details=True)
    assert summary.pages == len(PdfReader(io.BytesIO(summary.body)).pages) == 2
    assert full.pages == len(PdfReader(io.BytesIO(full.body)).pages) > 2
    assert "Chaque compétence en détail" not in text_of(summary.body)
    assert "Chaque compétence en détail" in text_of(full.body)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("hours", [2, 6, 20])
def test_every_role_of_the_shipped_taxonomy_fits_in_two_pages(
    shipped: Advisor, language: str, hours: int
) -> None:
    """Plans of 1 to 30-odd items, from weeks to years: two pages (three at most with a
    deadline the plan misses, whose lists need room)."""
    for role in shipped.taxonomy.roles:
        for deadline in (None, 12):
            profile = {"language": language, "target_role": role, "hours_per_week": hours}
            if deadline:
                profile["deadline_weeks"] = deadline
            plan = plan_for_profile(shipped, profile, now=NOW)[1]
            pages = render_plan_document(plan, LINK).pages
            assert pages <= (3 if deadline else 2), (role, language, hours, deadline, pages)
            assert pages == 2 or deadline


def test_page_1_draws_the_timeline_in_the_plans_language(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    first = page_texts(render_plan_pdf(plan, LINK))[0]
    assert "Calendrier" in first and "Semaines d’étude" in first
    for item in plan["items"]:
        assert f"{item['rank']}. {item['label']}"[:20] in first
    for milestone in plan["milestones"]:
        assert milestone["title"] in first
    # The axis in months, in French; the legend names both stages.
    assert "nov. 2026" in first
    assert "première phase, prêt·e pour le rôle" in first.replace("\u00a0", " ")


def test_the_timeline_marks_the_deadline_on_its_day(advisor: Advisor) -> None:
    plan = make_plan(advisor, "en", deadline_weeks=3)
    first = flat(page_texts(render_plan_pdf(plan, LINK))[0])
    # Week 1 starts on the plan's day (November 24, 2026): the end of week 3 is December 14.
    assert plan["deadline"]["end_date"] == "2026-12-14"
    assert "Deadline · December 14, 2026" in first


def test_a_long_plan_folds_its_last_items_into_one_timeline_row(advisor: Advisor) -> None:
    first = page_texts(render_plan_pdf(sixty_items(make_plan(advisor, "en")), LINK))[0]
    assert "1. " in first and "60. " not in first
    assert re.search(r"\d+ more items", first)


def test_pages_links_and_metadata(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    reader = PdfReader(io.BytesIO(render_plan_pdf(plan, LINK, details=True)))
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    }
    assert {r["url"] for item in plan["items"] for r in item["resources"]} <= uris
    assert LINK in uris
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Plan d’apprentissage — Ingénieur·e MLOps"
    assert meta.author == "advisor"
    assert meta.subject and "IA" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert f"Page {len(reader.pages)}" in reader.pages[-1].extract_text()


def test_the_sources_and_attributions_are_cited_with_their_dates(advisor: Advisor) -> None:
    english = text_of(render_plan_pdf(make_plan(advisor, "en"), details=True))
    assert "Un article sur le MLOps" in english and "https://example.org/mlops" in english
    assert "ESCO classification of the European Commission" in english
    assert "O*NET" in english
    assert "June 1, 2024" in english and "2024-06-01" not in english
    french = text_of(render_plan_pdf(make_plan(advisor, "fr"), details=True))
    assert "1er juin 2024" in french and "2024-06-01" not in french


def test_each_skill_shows_what_its_sources_say(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    text = flat(text_of(render_plan_pdf(plan, quotes=skill_quotes(advisor, plan), details=True)))
    # The fixture's article on MLOps, quoted beside the skill it supports, in French marks.
    assert "« A sentence of article-two about model-serving in production. »" in text
    assert "Presse Exemple, Un article sur le MLOps, 1er juin 2024" in text


def test_each_skill_says_what_its_levels_mean(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    text = flat(text_of(render_plan_pdf(plan, details=True)))
    item = next(i for i in plan["items"] if i["target_anchor"])
    assert flat(f"Niveau {item['target']} (") in text
    assert flat(item["target_anchor"]) in text
    assert "vous savez" not in text


def sixty_items(plan: dict[str, Any]) -> dict[str, Any]:
    """A 60-item plan from a real one, with a very long skill name to wrap."""
    big = copy.deepcopy(plan)
    template = plan["items"]
    big["items"] = []
    for rank in range(1, 61):
        item = copy.deepcopy(template[rank % len(template)])
        item["rank"] = rank
        item["skill"] = f"{item['skill']}-{rank}"
        if rank == 2:
            item["label"] = "Conception d’architectures distribuées " * 4 + "— très long intitulé"
        big["items"].append(item)
    return big


def test_a_sixty_item_plan_keeps_its_summary_and_paginates_its_details(
    advisor: Advisor,
) -> None:
    plan = sixty_items(make_plan(advisor, "fr"))
    assert render_plan_document(plan, LINK).pages == 2
    full = render_plan_pdf(plan, LINK, details=True)
    assert len(PdfReader(io.BytesIO(full)).pages) >= 6
    text = text_of(full)
    assert "60. " in text and "très long intitulé" in text


def test_the_ranked_table_is_in_the_plans_order(advisor: Advisor) -> None:
    plan = make_plan(advisor, "en")
    plan["items"] = list(reversed(plan["items"]))  # whatever order the list comes in
    text = page_texts(render_plan_pdf(plan, LINK, details=True))[2]
    table = text.split("The plan's items, in the order of study")[1].split("Each skill")[0]
    ranks = [int(n) for n in re.findall(r"^(\d+) ", table, flags=re.MULTILINE)]
    assert ranks == sorted(ranks) and len(ranks) == len(plan["items"])


def test_long_addresses_break_at_slashes(advisor: Advisor) -> None:
    plan = make_plan(advisor, "en")
    url = "https://example.org/" + "/".join(f"section-{n}-of-a-long-address" for n in range(8))
    plan["items"][0]["resources"] = [{**plan["items"][0]["resources"][0], "url": url}]
    second = page_texts(render_plan_pdf(plan, LINK))[1]
    lines = [line for line in second.splitlines() if "section-" in line or "example.org" in line]
    assert len(lines) > 1  # the address runs over several lines
    for line in lines[:-1]:
        assert line.rstrip().endswith("/"), line


def render_png(pdf: bytes, tmp_path: Path, page: int) -> Image.Image:
    pdftoppm = require_binary("pdftoppm")
    source = tmp_path / "plan.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-png", "-r", "50", "-f", str(page), "-l", str(page), str(source)]
        + [str(tmp_path / f"page{page}")],
        check=True,
    )
    (png,) = tmp_path.glob(f"page{page}-*.png")
    return Image.open(png).convert("L")


def ink_fraction(image: Image.Image, box: tuple[int, int, int, int] | None = None) -> float:
    region = image.crop(box) if box else image
    histogram = region.histogram()  # 256 grey levels
    return sum(histogram[:200]) / sum(histogram)


@pytest.mark.parametrize("page", [1, 2, 3])
def test_rendered_pages_have_ink_and_nothing_spills_into_the_margins(
    advisor: Advisor, tmp_path: Path, page: int
) -> None:
    pdf = render_plan_pdf(sixty_items(make_plan(advisor, "fr")), LINK, details=page == 3)
    image = render_png(pdf, tmp_path, page)
    width, height = image.size
    assert ink_fraction(image) > 0.01  # not blank
    margin = int(width * 0.05)  # 10.5 mm of the 18 mm margins
    assert ink_fraction(image, (0, 0, margin, height)) == 0
    assert ink_fraction(image, (width - margin, 0, width, height)) == 0


def test_page_1_has_the_timeline_drawn_in_colour(advisor: Advisor, tmp_path: Path) -> None:
    pdftoppm = require_binary("pdftoppm")
    source = tmp_path / "plan.pdf"
    source.write_bytes(render_plan_pdf(make_plan(advisor, "en"), LINK))
    subprocess.run(
        [pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", str(source), str(tmp_path / "p")],
        check=True,
    )
    (png,) = tmp_path.glob("p-*.png")
    colours = Image.open(png).convert("RGB").getcolors(maxcolors=1 << 20) or []
    # The first stage's bars are the accent blue (#0b57d0): some of the page is that blue.
    blue = sum(n for n, (r, g, b) in colours if b > 150 and r < 60 and g < 120)
    assert blue > 50


def with_milestones(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan with milestones as the planner writes them, and a reason for the first item."""
    plan = copy.deepcopy(plan)
    skills = [i["skill"] for i in plan["items"]]
    plan["milestones"] = [
        {
            "id": "ready",
            "title": "Ready for the role",
            "end_week": 7,
            "end_date": "2027-01-11",
            "skills": skills,
        },
    ]
    plan["items"][0]["why_here"] = "Everything else in the plan runs in containers."
    return plan


def test_the_two_pages_summarise_the_plan_for_a_manager(advisor: Advisor) -> None:
    plan = with_milestones(sixty_items(make_plan(advisor, "en", assessments={"python": 4})))
    first, second = page_texts(render_plan_pdf(plan, LINK))
    assert "Learning plan" in first and "MLOps engineer" in first
    assert flat(FRENCH_NAME) in flat(first) and "Fit today" in first
    # Strengths from where the person stands on every skill of the role.
    assert "Strengths: Python (level 4)." in flat(first)
    assert "The role's skills" in flat(first) and "4 skills, 1 already at the plan's level" in flat(
        first
    )
    assert "Milestones" in first and "Ready for the role" in first
    assert "end of week 7, January 11, 2027" in flat(first)
    # A milestone counts its skills and names the first three, never a run-on list.
    assert "60 skills: " in flat(first) and "and 57 others" in flat(first)
    assert "items, and why" in second
    for item in plan["items"][:3]:
        assert flat(f"{item['rank']}. {item['label']}")[:30] in flat(second)
    assert "Everything else in the plan runs in containers." in second
    assert "First stage:" in second and "Start with:" in second
    assert "full plan adds every item's levels" in flat(second)


def test_the_private_link_is_on_page_1_only_and_said_to_be_private(advisor: Advisor) -> None:
    reader = PdfReader(io.BytesIO(render_plan_pdf(make_plan(advisor, "fr"), LINK, details=True)))
    texts = [page.extract_text() for page in reader.pages]
    assert LINK in texts[0] and "Ce lien est privé" in texts[0]
    assert all(LINK not in text for text in texts[1:])
    for number, page in enumerate(reader.pages):
        uris = {
            a.get_object()["/A"].get("/URI")
            for a in page.get("/Annots", [])
            if "/A" in a.get_object()
        }
        assert (LINK in uris) == (number == 0)


def test_no_word_of_the_table_is_cut_across_two_lines(advisor: Advisor) -> None:
    plan = sixty_items(make_plan(advisor, "fr"))
    texts = page_texts(render_plan_pdf(plan, LINK, details=True))
    table = "\n".join(texts[2:]).split("Chaque compétence en détail")[0]
    words = {
        word.strip("(),.;:—")
        for item in plan["items"]
        for word in f"{item['label']} {item['domain_label']}".split()
    }
    cut = sorted(w for w in words if len(w) > 3 and w not in table)
    assert cut == []


def test_transfer_credit_is_said_next_to_the_item(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    plan["items"][1]["transfer"] = {"from": ["foundations.python"], "share": 0.4, "hours_saved": 6}
    second = page_texts(render_plan_pdf(plan, LINK, {"foundations.python": "Python"}))[1]
    said = "Vous connaissez «\u00a0Python\u00a0»\u00a0: environ 40\u00a0% d’effort en moins."
    assert flat(said) in flat(second)


# What a French plan must never print: a decimal point, an ISO date, a colon, semicolon,
# question or exclamation mark without the no-break space before it, a level description
# (third person) after "vous savez", an hour count whose agreement is wrong.
FRENCH_FAULTS = {
    "ASCII decimal": re.compile(r"\d\.\d"),
    "ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    # A PDF's text comes back with its no-break spaces as spaces: what can be read is
    # whether the space is there at all (the page's test reads the no-break space itself).
    "colon without a space before it": re.compile(r"(?<=\S)[:;!?](?!\d)"),
    "a level description after « vous savez »": re.compile(r"vous savez"),
    "« 1 h gagnées »": re.compile(r"\b1\s?h gagnées"),
}


def french_faults(text: str) -> list[str]:
    # An address's colon, a time (9:00), a version and a licence are names, not prose.
    text = re.sub(r"https?://\S+", "", text).replace("O*NET 29.2", "O*NET")
    text = re.sub(r"CC\s+BY\s+4.0", "CC BY", text)
    return [
        f"{name}: {m.group(0)!r} in …{text[max(m.start() - 30, 0) : m.end() + 30]!r}…"
        for name, pattern in FRENCH_FAULTS.items()
        for m in pattern.finditer(text)
    ]


def test_a_french_pdf_is_french_to_the_last_digit(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr", hours_per_week=7, deadline_weeks=4)
    plan["items"][0]["transfer"] = {"from": ["foundations.python"], "share": 0.25, "hours_saved": 1}
    plan["items"][0]["hours"] = 1261.5
    for pdf in (render_plan_pdf(plan, LINK), render_plan_pdf(plan, LINK, details=True)):
        text = text_of(pdf).replace(LINK, "")
        assert french_faults(text) == []
    assert " 1 261,5 " in flat(text_of(render_plan_pdf(plan, LINK, details=True)))


def test_the_two_pages_show_the_new_planners_plan_truthfully(shipped: Advisor) -> None:
    """Each stage with its own weeks, the steps inside items, own study against practice at
    work after the switch week, the implied levels, strengths from where the person stands on
    the role, and every stage done by the deadline with the one under way."""
    profile = {
        "language": "en",
        "target_role": "mlops-engineer",
        "hours_per_week": 6,
        "deadline_weeks": 10,
        "assessments": {"foundations.kubernetes": 4, "foundations.linux": 4},
    }
    plan = plan_for_profile(shipped, profile, now=NOW)[1]
    labels = {"foundations.linux": "Linux administration"}
    document = render_plan_document(plan, LINK, labels)
    assert document.pages == 2
    first, second = (flat(t) for t in page_texts(document.body))
    assert plan["implied"] and flat(plan["implied"][0]["why"]) in first
    # The role's skills first, then what the person is strong in beyond the role.
    assert "Strengths: Kubernetes (level 4) and Linux administration (level 4)." in first
    assert flat(plan["switch_note"]) in first and "Practice at work" in first
    shown = [i for i in plan["items"] if flat(f"{i['rank']}. {i['label']}") in second]
    assert any(p["steps"] for i in shown for p in i["parts"])
    assert any(p["practice_hours"] for i in shown for p in i["parts"])
    for item in shown:
        for part in item["parts"]:
            first_week, last_week = part["start_week"], part["end_week"]
            weeks = f"Week {first_week}" if first_week == last_week else f"Weeks {first_week}–"
            assert f"{weeks}" in second
            for step in part["steps"]:
                assert flat(f"starting with “{step['label']}” to level {step['target']}") in second
            # The steps are part of the block: their hours are in the stage's.
            own = part["hours"] + sum(step["hours"] for step in part["steps"])
            practice = part["practice_hours"] + sum(s["practice_hours"] for s in part["steps"])
            if practice:
                assert f"{own} h of your own study and {practice} h of practice at work" in second
            else:
                assert f"to level {part['target']}, {own} h" in second
    deadline = plan["deadline"]
    assert deadline["parts_done"] and deadline["in_progress"]
    assert "Every stage done by then:" in second
    for going in deadline["in_progress"]:
        name = next(
            s["label"]
            for i in plan["items"]
            for p in i["parts"]
            for s in [{"skill": i["skill"], "label": i["label"]}, *p["steps"]]
            if s["skill"] == going["skill"]
        )
        assert flat(f"Under way at the deadline: {name} to level {going['target']}") in second


def test_a_french_markdown_plan_is_french_to_the_last_digit(shipped: Advisor) -> None:
    """The Markdown export formats its numbers and dates as the page and the PDF do."""
    from advisor.core.wording import plan_markdown
    from advisor.i18n import words_for

    profile = {
        "language": "fr",
        "target_role": "mlops-engineer",
        "hours_per_week": 6,
        "deadline_weeks": 10,
        "assessments": {"foundations.kubernetes": 4},
    }
    plan = plan_for_profile(shipped, profile, now=NOW)[1]
    plan["items"][0]["hours"] = 1261.5
    text = plan_markdown(plan, words_for("fr"))
    # A resource’s title is a name, in its own language: its link is left out of the reading.
    assert french_faults(re.sub(r"\[[^]]*\]\([^)]*\)", "", text)) == []
    assert "| 1 261,5 |" in text.replace("\u202f", " ").replace("\u00a0", " ")
    assert "Vous finiriez le " in text and "Votre échéance\u00a0: le " in text
    assert "*Première phase*\u00a0: semaines 1 à " in text
    assert plan["implied"][0]["why"] in text and plan["switch_note"] in text
