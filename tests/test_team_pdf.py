"""A team's dashboard as one PDF page, read back with pypdf: the team's summary drawn from a
real SQLite store, in English and in French; the page before five members shared; and a role
of many requirements, which still fits on one page."""

from __future__ import annotations

import copy
import io
import random
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_file
from babel.support import Translations
from pypdf import PdfReader

from advisor.core.wording import team_dict
from advisor.i18n import TRANSLATIONS_DIR, words_for
from advisor.pdf import TEAM_LAYOUT, PlanDocument, render_team_pdf
from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.store import Store
from advisor.resources import skills_data_dir
from advisor.services import plans, teams
from advisor.services.advisor import Advisor, build_advisor
from tests.conftest import FIXTURE_TAXONOMY

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
DAY = date(2026, 12, 7)
ROLE = "mlops-engineer"
LINK = "https://advisor.example/teams/coach-token-abc"
TEAM_MODULE = Path(__file__).resolve().parent.parent / "advisor" / "pdf" / "team.py"
# Six members: model serving at 0, 0, 0, 3, 4, 4 makes a band of levels 3–4 (one person at 3
# and two at 4 are merged); everyone's containers at 1 is a gap all six share; no one rated
# model monitoring, a level missing from the team.
SERVING = (0, 0, 0, 3, 4, 4)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    engine = make_engine(f"sqlite:///{tmp_path / 'advisor-test.sqlite3'}")
    prepare(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(FIXTURE_TAXONOMY, DAY)


@pytest.fixture(scope="module")
def shipped() -> Advisor:
    return build_advisor(skills_data_dir(), DAY)


def team_summary(
    store: Store,
    advisor: Advisor,
    language: str,
    ratings: list[dict[str, int]],
    *,
    role: str = ROLE,
    chosen: bool = True,
    name: str = "Ops to MLOps, spring cohort",
) -> dict[str, Any]:
    """The summary the dashboard's PDF is drawn from, after each of `ratings` joined."""
    data = {"name": name, "language": language, "target_role": role if chosen else None}
    team = teams.create_team(store=store, advisor=advisor, data=data, now=NOW)
    for assessments in ratings:
        profile = {
            "language": language,
            "target_role": role,
            "hours_per_week": 5,
            "assessments": assessments,
        }
        plans.save_plan(
            store=store,
            advisor=advisor,
            profile_data=profile,
            now=NOW,
            team_invitation=team.invitation_token,
        )
    found = teams.dashboard(store=store, advisor=advisor, coach_token=team.coach_token)
    return team_dict(
        name=found.team.name,
        language=found.team.language,
        created_at=found.team.created_at,
        view=found.view,
        taxonomy=advisor.taxonomy,
        role_chosen=found.role_chosen,
    )


def six_members(serving: tuple[int, ...] = SERVING) -> list[dict[str, int]]:
    return [
        {"mlops.model-serving": n, "foundations.python": 3, "foundations.containers": 1}
        for n in serving
    ]


def text_of(document: PlanDocument) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(document.body)).pages)


def flat(text: str) -> str:
    """Spaces, no-break spaces and line ends as one space."""
    return " ".join(text.split())


def one_page(summary: dict[str, Any], link: str | None = LINK) -> str:
    """The summary's PDF, checked to be one page, as flat text."""
    document = render_team_pdf(summary, link, day=DAY)
    assert document.body.startswith(b"%PDF") and document.pages == 1
    assert len(PdfReader(io.BytesIO(document.body)).pages) == 1
    return flat(text_of(document))


def gap_line(gap: dict[str, Any], language: str) -> str:
    """A shared gap's line as the table reads back: skill, level, people, hours, hours saved."""
    words = words_for(language)
    people = words.number(gap["people"])
    if not gap["people_exact"]:
        people = words.phrase("at least {n}", n=people)
    hours = [
        words.phrase("{hours} h", hours=words.number(gap[k]))
        for k in ("course_hours", "saved_hours")
    ]
    return flat(" ".join([gap["label"], str(gap["required"]), people, *hours]))


def merged_bands(summary: dict[str, Any]) -> list[str]:
    return [
        f"{band['low']}–{band['high']}"
        for row in summary["heatmap"]
        for band in row["bands"]
        if band["low"] < band["high"]
    ]


def english_pieces() -> list[str]:
    """The English text of every phrase the team PDF draws, cut at its placeholders: none may
    be left in the French page."""
    keywords = {"phrase": None, "plural": (1, 2)}
    found = extract_from_file("python", str(TEAM_MODULE), keywords=keywords)
    messages = [
        m
        for _, message, _, _ in found
        for m in ([message] if isinstance(message, str) else message)
    ]
    pieces = {
        piece.strip(" .:,()")
        for message in messages
        for piece in re.split(r"\{[^}]*\}|\|", message)
    }
    # "Date" is French too.
    return sorted(p for p in pieces if len(p) >= 6)


def test_an_english_dashboard_is_one_page_with_every_row_and_gap(
    store: Store, advisor: Advisor
) -> None:
    summary = team_summary(store, advisor, "en", six_members(), chosen=False)
    assert summary["waiting_for"] == 0 and summary["target_role"]["chosen_by"] == "members"
    text = one_page(summary)
    assert "Team dashboard" in text and "Ops to MLOps, spring cohort" in text
    assert "MLOps engineer (the role most members aim for)" in text
    assert "Members who shared 6" in text and "December 7, 2026" in text
    coverage = words_for("en").percent(summary["coverage"])
    assert f"{coverage}, weighted by importance, mean of the members" in text
    for row in summary["heatmap"]:
        assert flat(row["label"]) in text
    assert "3–4" in merged_bands(summary) and "3 (levels 3–4)" in text
    assert summary["shared_gaps"]
    for gap in summary["shared_gaps"][:5]:
        assert gap_line(gap, "en") in text
    assert any(not gap["people_exact"] for gap in summary["shared_gaps"])
    assert "at least 3" in text
    assert summary["missing"]
    for row in summary["missing"]:
        line = re.search(rf"No one is at level {row['level']} or above in ([^.]*)\.", text)
        assert line is not None and f"“{row['label']}”" in line.group(1)
    assert "Counts of 1 or 2 people are never shown" in text and "(a band such as 3–4)" in text
    assert f"Dashboard online (private link): {LINK}" in text
    assert TEAM_LAYOUT == "1"


def test_a_french_dashboard_is_in_french_only(store: Store, advisor: Advisor) -> None:
    name = "Chargé·es d’exploitation — « promo d’hiver » & co"
    summary = team_summary(store, advisor, "fr", six_members(), name=name)
    text = one_page(summary)
    assert flat(name) in text and "Tableau de bord de l’équipe" in text
    assert "Poste visé Ingénieur·e MLOps" in text and "7 décembre 2026" in text
    assert "Membres ayant partagé 6" in text and "pondérée par l’importance" in text
    assert "Les niveaux de l’équipe, compétence par compétence" in text
    for row in summary["heatmap"]:
        assert flat(row["label"]) in text
    assert "(niveaux 3–4)" in text and "Écarts partagés" in text
    for gap in summary["shared_gaps"][:5]:
        assert gap_line(gap, "fr") in text
    assert "au moins 3" in text
    for row in summary["missing"]:
        # One line a level: "Personne n’atteint le niveau 3 en « A » et « B »."
        line = re.search(rf"Personne n’atteint le niveau {row['level']} en ([^.]*)\.", text)
        assert line is not None and f"« {row['label']} »" in line.group(1)
    assert "Les effectifs de 1 ou 2 personnes ne sont jamais affichés" in text
    assert f"Tableau de bord en ligne (lien privé) : {LINK}" in text
    leftovers = [piece for piece in english_pieces() if piece in text]
    assert leftovers == []


@pytest.mark.parametrize(
    ("language", "waiting"),
    [
        (
            "en",
            "Waiting for 2 more members to share their ratings: nothing is shown before 5.",
        ),
        (
            "fr",
            "Encore 2 membres doivent partager leurs évaluations : rien n’est affiché en "
            "dessous de 5 membres.",
        ),
    ],
)
def test_before_five_members_the_page_waits_and_shows_no_aggregate(
    store: Store, advisor: Advisor, language: str, waiting: str
) -> None:
    summary = team_summary(store, advisor, language, six_members((0, 3, 4)))
    assert summary["waiting_for"] == 2 and summary["heatmap"] == []
    text = one_page(summary, link=None)
    assert waiting in text
    words = words_for(language)
    for absent in ("The team's levels, skill by skill", "Shared gaps", "Coverage of the role"):
        assert words.phrase(absent) not in text
    assert "Model serving" not in text and "Mise en service" not in text
    assert words.phrase("Dashboard online (private link):") not in text
    assert words.phrase("Members who shared") + " 3" in text


def test_one_member_more_to_wait_for_is_said_in_the_singular(
    store: Store, advisor: Advisor
) -> None:
    summary = team_summary(store, advisor, "fr", six_members((0, 1, 3, 4)))
    text = one_page(summary)
    assert "Encore 1 membre doit partager ses évaluations" in text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_role_of_most_requirements_fits_on_one_page(
    store: Store, shipped: Advisor, language: str
) -> None:
    role = max(
        shipped.taxonomy.roles.values(),
        key=lambda r: (len(r.requirements) + len(r.alternatives), r.id),
    )
    skills = [*role.requirements, *(s for g in role.alternatives for s in g.skills)]
    pick = random.Random(20261207)
    ratings = [{s: pick.randint(0, 5) for s in skills} for _ in range(30)]
    summary = team_summary(store, shipped, language, ratings, role=role.id)
    assert len(summary["heatmap"]) >= 14
    text = one_page(summary)
    for row in summary["heatmap"]:
        assert flat(row["label"]) in text
    for gap in summary["shared_gaps"][:5]:
        assert gap_line(gap, language) in text


def test_rows_past_the_page_are_the_least_important_and_are_counted(
    store: Store, advisor: Advisor
) -> None:
    summary = team_summary(store, advisor, "en", six_members())
    rows = summary["heatmap"]
    crowded = copy.deepcopy(summary)
    # Fifteen times the rows, each copy one step less important than the one before.
    crowded["heatmap"] = [
        {**row, "label": f"{row['label']} #{n}", "importance": row["importance"] - n}
        for n in range(15)
        for row in rows
    ]
    text = one_page(crowded)
    found = re.search(r"(\d+) less important skills are not shown here: see the CSV export", text)
    assert found is not None
    left = int(found.group(1))
    assert 0 < left < len(crowded["heatmap"])
    by_importance = sorted(crowded["heatmap"], key=lambda r: (-r["importance"], -r["required"]))
    shown = len(by_importance) - left
    assert all(row["label"] in text for row in by_importance[:shown])
    assert not any(row["label"] in text for row in by_importance[shown:])


def test_every_phrase_of_the_team_pdf_has_a_french_translation() -> None:
    """`tests/test_translations.py` reads `_` and `ngettext`; the PDF's phrases are checked
    here, singular and plural."""
    keywords = {"phrase": None, "plural": (1, 2)}
    french = Translations.load(str(TRANSLATIONS_DIR), ["fr"], domain="messages")
    untranslated = []
    for _, message, _, _ in extract_from_file("python", str(TEAM_MODULE), keywords=keywords):
        if isinstance(message, str):
            if french.gettext(message) == message and message != "Date":
                untranslated.append(message)
        elif french.ngettext(*message, 2) == message[1]:
            untranslated.append(message[0])
    assert untranslated == []
