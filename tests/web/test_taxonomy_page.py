"""The taxonomy page shows the curator's report: the same figures, in English and in French."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from advisor.app import create_app
from advisor.i18n import words_for
from advisor.resources import skills_data_dir
from advisor.services.taxonomy import curators_report, load_taxonomy
from tests.conftest import FIXTURE_TAXONOMY


class _Tables(HTMLParser):
    """The text of each cell of the page's table, row by row, and every link's target."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a":
            self.links += [value or "" for name, value in attrs if name == "href"]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _read(client: FlaskClient, language: str) -> tuple[str, _Tables]:
    response = client.get("/taxonomy", headers={"Accept-Language": language})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    tables = _Tables()
    tables.feed(page)
    return page, tables


def _expected_rows(folder: Path, language: str) -> list[list[str]]:
    """The report's rows as the page must write them: labels, then Babel's numbers."""
    taxonomy = load_taxonomy(folder)
    report = curators_report(taxonomy)
    words = words_for(language)
    labels = {d.id: d.label.in_(language) for d in taxonomy.domains}
    total = "Tous les domaines" if language == "fr" else "All domains"
    rows = []
    for label, f in [(labels[d], f) for d, f in report.domains] + [(total, report.total)]:
        counts = (f.skills, f.citations)
        shares = (f.primary_share, f.naming_share)
        rest = (
            f.short_quotes,
            f.misplaced_sources,
            f.sources_without_kind,
            len(f.without_french_resource),
            len(f.single_citation),
        )
        rows.append(
            [
                label,
                *(words.number(n) for n in counts),
                *(words.percent(s) for s in shares),
                *(words.number(n) for n in rest),
            ]
        )
    return rows


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_table_shows_the_reports_figures(client: FlaskClient, language: str) -> None:
    _, tables = _read(client, language)
    assert tables.rows[1:] == _expected_rows(FIXTURE_TAXONOMY, language)


def test_the_page_writes_numbers_as_each_language_does(client: FlaskClient) -> None:
    # Four of the fixture's seven citations come from primary sources.
    _, english = _read(client, "en")
    _, french = _read(client, "fr")
    assert english.rows[-1][3] == "57%"
    assert french.rows[-1][3] == "57\u00a0%"
    assert french.rows[0][:4] == [
        "Domaine",
        "Compétences",
        "Références",
        "Issues de sources primaires",
    ]


def test_the_lists_name_skills_by_their_labels_in_the_readers_language(
    client: FlaskClient,
) -> None:
    taxonomy = load_taxonomy(FIXTURE_TAXONOMY)
    report = curators_report(taxonomy)
    english, _ = _read(client, "en")
    french, _ = _read(client, "fr")
    for skill_id in report.total.without_french_resource:
        label = taxonomy.skills[skill_id].label
        assert f"<li>{label.en}</li>" in english
        assert f"<li>{label.fr}</li>" in french
    assert "Compétences sans ressource en français" in french


def test_each_role_lists_the_definitions_it_cites(client: FlaskClient) -> None:
    taxonomy = load_taxonomy(FIXTURE_TAXONOMY)
    page, tables = _read(client, "fr")
    for role in taxonomy.roles.values():
        assert role.label.fr in page
        for cited in role.sources:
            assert taxonomy.sources[cited.source].url in tables.links
            assert cited.supports.fr in page
    assert "Rôles sans définition citée\u00a0: 0 sur 2." in page


def test_every_page_links_to_the_taxonomy_page(client: FlaskClient) -> None:
    home = _Tables()
    home.feed(client.get("/").get_data(as_text=True))
    assert "/taxonomy" in home.links


@pytest.fixture(scope="module")
def shipped_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder = tmp_path_factory.mktemp("shipped")
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret-key-not-for-production",
            "INSTANCE_PATH": str(folder / "instance"),
            "DATABASE_URL": f"sqlite:///{folder / 'advisor-test.sqlite3'}",
            "SKILLS_DATA": str(skills_data_dir()),
            "RATELIMIT_ENABLED": False,
        }
    )
    yield application
    application.extensions["advisor.store"].close()


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_shipped_taxonomys_page_shows_its_report(shipped_app: Flask, language: str) -> None:
    _, tables = _read(shipped_app.test_client(), language)
    assert tables.rows[1:] == _expected_rows(skills_data_dir(), language)
