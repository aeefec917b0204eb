"""The PDF read back with pypdf, and page 1 rendered with pdftoppm: what a person would see."""

from __future__ import annotations

import copy
import io
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from advisor.pdf import render_plan_pdf
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.assessment import skill_quotes
from advisor.services.plans import plan_for_profile
from tests.conftest import FIXTURE_TAXONOMY, require_binary

FRENCH_NAME = "Chargée d’exploitation — « Linux » & œuvres"
LINK = "https://advisor.example/plans/abc"


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE_TAXONOMY, date(2026, 11, 24))


def make_plan(advisor: Advisor, language: str, **extra: Any) -> dict[str, Any]:
    profile = {
        "language": language,
        "target_role": "mlops-engineer",
        "hours_per_week": 6,
        "current_role": FRENCH_NAME,
        **extra,
    }
    return plan_for_profile(advisor, profile, now=datetime(2026, 11, 24, tzinfo=UTC))[1]


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_french_plan_is_in_french_with_its_accents(advisor: Advisor) -> None:
    text = text_of(render_plan_pdf(make_plan(advisor, "fr"), LINK))
    assert "Plan d’apprentissage" in text and "Ingénieur·e MLOps" in text
    assert "Mise en service de modèles" in text and "Semaine par semaine" in text
    assert FRENCH_NAME in text
    assert "Learning plan" not in text


def test_an_english_plan_is_in_english(advisor: Advisor) -> None:
    text = text_of(render_plan_pdf(make_plan(advisor, "en"), LINK))
    assert "Learning plan" in text and "Model serving" in text and "How the ranking works" in text
    assert "Plan d’apprentissage" not in text


def test_pages_links_and_metadata(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    reader = PdfReader(io.BytesIO(render_plan_pdf(plan, LINK)))
    assert len(reader.pages) >= 3
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


def test_the_sources_and_attributions_are_cited(advisor: Advisor) -> None:
    plan = make_plan(advisor, "en")
    text = text_of(render_plan_pdf(plan))
    assert "Un article sur le MLOps" in text and "https://example.org/mlops" in text
    assert "ESCO classification of the European Commission" in text
    assert "O*NET" in text


def test_each_skill_shows_what_its_sources_say(advisor: Advisor) -> None:
    plan = make_plan(advisor, "fr")
    text = " ".join(text_of(render_plan_pdf(plan, quotes=skill_quotes(advisor, plan))).split())
    # The fixture's article on MLOps, quoted beside the skill it supports, in French marks.
    assert "« A sentence of article-two about model-serving in production. »" in text
    assert "Presse Exemple, Un article sur le MLOps, 2024-06-01" in text


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


def test_a_sixty_item_plan_paginates_and_long_names_wrap(advisor: Advisor) -> None:
    pdf = render_plan_pdf(sixty_items(make_plan(advisor, "fr")), LINK)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) >= 8
    text = text_of(pdf)
    assert "60. " in text and "très long intitulé" in text


def render_png(pdf: bytes, tmp_path: Path, page: int) -> Image.Image:
    pdftoppm = require_binary("pdftoppm")
    source = tmp_path / "plan.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            pdftoppm,
            "-png",
            "-r",
            "50",
            "-f",
            str(page),
            "-l",
            str(page),
            str(source),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("page-*.png")
    return Image.open(png).convert("L")


def ink_fraction(image: Image.Image, box: tuple[int, int, int, int] | None = None) -> float:
    region = image.crop(box) if box else image
    histogram = region.histogram()  # 256 grey levels
    return sum(histogram[:200]) / sum(histogram)


@pytest.mark.parametrize("page", [1, 2])
def test_rendered_pages_have_ink_and_nothing_spills_into_the_margins(
    advisor: Advisor, tmp_path: Path, page: int
) -> None:
    pdf = render_plan_pdf(sixty_items(make_plan(advisor, "fr")), LINK)
    image = render_png(pdf, tmp_path, page)
    width, height = image.size
    assert ink_fraction(image) > 0.01  # not blank
    margin = int(width * 0.05)  # 10.5 mm of the 18 mm margins
    assert ink_fraction(image, (0, 0, margin, height)) == 0
    assert ink_fraction(image, (width - margin, 0, width, height)) == 0


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def with_milestones(plan: dict[str, Any]) -> dict[str, Any]:
    """The plan with the fields the planner adds: milestones with dates, a reason per item."""
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


def test_the_first_two_pages_summarise_the_plan_for_a_manager(advisor: Advisor) -> None:
    plan = with_milestones(make_plan(advisor, "en", assessments={"python": 4}))
    first, second, third, *_ = page_texts(render_plan_pdf(plan, LINK, {"foundations.python": "Py"}))
    assert "Learning plan" in first and "MLOps engineer" in first
    assert FRENCH_NAME in first and "Fit today" in first
    assert "Strengths" in first and "Py (4)" in first
    assert "Milestones" in first and "Ready for the role" in first
    assert "end of week 7, January 11, 2027" in first
    assert "The first five items, and why" in second
    for item in plan["items"][:5]:
        assert f"{item['rank']}. {item['label']}" in second
    assert "Everything else in the plan runs in containers." in second
    assert "Ranked skills, and why" in third and "Ranked skills" not in first + second


def test_the_private_link_is_on_page_1_only_and_said_to_be_private(advisor: Advisor) -> None:
    reader = PdfReader(io.BytesIO(render_plan_pdf(make_plan(advisor, "fr"), LINK)))
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
    texts = page_texts(render_plan_pdf(plan, LINK))
    table = "\n".join(
        text for text in texts[2:] if "Compétences par priorité" in text or "Semaines" in text
    )
    table = table.split("Niveaux actuels et visés")[0]
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
    assert " ".join(said.split()) in " ".join(second.split())  # spaces and line ends as one
