"""Ingesting articles on SQLite and PostgreSQL: once per content, mentions, demand, evidence."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import cli
from advisor.core.limits import MAX_ARTICLE_BYTES
from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.plans import count_rows
from advisor.persistence.store import Store
from advisor.resources import skills_data_dir
from advisor.services import corpus, plans
from advisor.services.advisor import Advisor, build_advisor

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ARTICLE_EN = (
    "# MLOps in 2026\n\ndate: 2026-10-01\n\nTeams need model serving and Kubernetes. "
    "RAG is everywhere.\n"
)
ARTICLE_FR = (
    "<html><head><title>Le RAG en production</title><meta name='date' content='2026-09-12'>"
    "<script>var hidden = 'Terraform';</script></head><body><p>La génération augmentée par "
    "récupération et Kubernetes progressent.</p></body></html>"
)


@pytest.fixture(scope="module")
def advisor() -> Advisor:
    return build_advisor(skills_data_dir(), date(2026, 11, 24))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    engine = make_engine(database_url)
    prepare(engine)
    yield Store(engine)
    engine.dispose()


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "fr").mkdir(parents=True)
    (folder / "mlops.md").write_text(ARTICLE_EN, encoding="utf-8")
    (folder / "same-again.md").write_text(ARTICLE_EN, encoding="utf-8")
    (folder / "fr" / "rag.html").write_text(ARTICLE_FR, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00 not utf-8")
    (folder / "huge.txt").write_text("x" * (MAX_ARTICLE_BYTES + 1))
    return folder


def test_ingest_counts_each_article_once_and_refuses_bad_files(
    store: Store, advisor: Advisor, articles: Path
) -> None:
    report = corpus.ingest([articles], store=store, advisor=advisor, now=NOW)
    assert (report.added, report.duplicates) == (2, 1)
    refused = {path.name: reason for path, reason in report.refused}
    assert refused["broken.txt"].startswith("is not UTF-8 text")
    assert refused["huge.txt"].startswith("too large")
    again = corpus.ingest([articles], store=store, advisor=advisor, now=NOW)
    assert (again.added, again.duplicates) == (0, 3)


def test_evidence_and_demand_come_from_the_articles(
    store: Store, advisor: Advisor, articles: Path
) -> None:
    corpus.ingest([articles], store=store, advisor=advisor, now=NOW)
    corpus.refresh_demand(store=store, advisor=advisor, today=NOW.date(), now=NOW)
    kubernetes = corpus.evidence(store=store, advisor=advisor, skill_id="foundations.kubernetes")
    found = kubernetes["evidence"]
    assert [e["date"] for e in found] == ["2026-10-01", "2026-09-12"]
    assert "Kubernetes" in found[0]["sentences"][0]
    terraform = corpus.evidence(store=store, advisor=advisor, skill_id="foundations.terraform")
    assert terraform["evidence"] == []  # the script was dropped
    assert kubernetes["demand"] > advisor.demand["foundations.kubernetes"]


def test_plans_use_the_refreshed_demand(store: Store, advisor: Advisor, articles: Path) -> None:
    profile = {"target_role": "mlops-engineer", "hours_per_week": 8}
    before = plans.create_plan(store=store, advisor=advisor, profile_data=profile, now=NOW)
    corpus.ingest([articles], store=store, advisor=advisor, now=NOW)
    corpus.refresh_demand(store=store, advisor=advisor, today=NOW.date(), now=NOW)
    after = plans.create_plan(store=store, advisor=advisor, profile_data=profile, now=NOW)

    def demand_of(plan: dict[str, object], skill: str) -> float:
        item = next(i for i in plan["items"] if i["skill"] == skill)  # type: ignore[attr-defined]
        return next(r["value"] for r in item["reasons"] if r["factor"] == "demand")

    # The articles mention model serving: its demand moves from the sources' prior to the blend.
    stored = corpus.evidence(store=store, advisor=advisor, skill_id="mlops.model-serving")
    assert demand_of(before, "mlops.model-serving") == advisor.demand["mlops.model-serving"]
    assert demand_of(after, "mlops.model-serving") == stored["demand"]
    assert stored["demand"] != advisor.demand["mlops.model-serving"]
    assert count_rows_of(store)["plan"] == 2


def test_cli_ingest_suggest_and_extract(articles: Path, tmp_path: Path) -> None:
    env = {
        "ADVISOR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "ADVISOR_INSTANCE_PATH": str(tmp_path),
    }
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(articles)], env=env)
    assert result.exit_code == 0, result.output
    assert "added 2, already known 1, refused 2" in result.output
    assert "broken.txt: refused: is not UTF-8 text" in result.output
    suggest = runner.invoke(cli, ["taxonomy", "suggest", "--top", "5"], env=env)
    assert suggest.exit_code == 0
    extract = runner.invoke(cli, ["extract", "--json", str(articles / "fr" / "rag.html")], env=env)
    assert extract.exit_code == 0
    assert '"id": "llm-apps.rag"' in extract.output and '"language": "fr"' in extract.output


def count_rows_of(store: Store) -> dict[str, int]:
    with store.read() as session:
        return count_rows(session=session)


def test_the_cli_plan_reads_the_same_demand_as_the_api(articles: Path, tmp_path: Path) -> None:
    env = {
        "ADVISOR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "ADVISOR_INSTANCE_PATH": str(tmp_path),
    }
    profile = tmp_path / "profile.json"
    profile.write_text('{"target_role": "mlops-engineer", "hours_per_week": 8}', encoding="utf-8")
    runner = CliRunner()

    def demand_in_plan() -> float:
        result = runner.invoke(cli, ["plan", str(profile)], env=env)
        assert result.exit_code == 0, result.output
        item = next(
            i for i in json.loads(result.output)["items"] if i["skill"] == "mlops.model-serving"
        )
        return float(next(r["value"] for r in item["reasons"] if r["factor"] == "demand"))

    before = demand_in_plan()  # no database yet: the sources' prior, and none is created
    assert not (tmp_path / "cli.sqlite3").exists()
    assert runner.invoke(cli, ["ingest", str(articles)], env=env).exit_code == 0
    after = demand_in_plan()
    engine = make_engine(env["ADVISOR_DATABASE_URL"])
    advisor = build_advisor(skills_data_dir(), date.today())
    stored = plans.current_demand(Store(engine), advisor)["mlops.model-serving"]
    engine.dispose()
    assert after == pytest.approx(stored) and after != before
