"""`advisor extract`, `advisor ingest` and `advisor taxonomy suggest`: skills in articles."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from advisor.services import Advisor

DATA_OPTION = click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="ADVISOR_SKILLS_DATA",
    help="Taxonomy folder (default: bundled).",
)


def _advisor(data_dir: Path | None) -> Advisor:
    from advisor import services

    return services.build_advisor(services.skills_data_path(data_dir), date.today())


def _engine() -> Engine:
    """The configured database, migrated to the newest schema."""
    from advisor import db, migrate
    from advisor.app import create_settings_app

    engine = db.engine_for(create_settings_app())
    db.check_reachable(engine)
    migrate.upgrade(engine)
    return engine


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@DATA_OPTION
def extract_command(
    files: tuple[Path, ...], lang: str, as_json: bool, data_dir: Path | None
) -> None:
    """List the skills each FILE mentions (text, Markdown or HTML)."""
    from advisor import corpus, services

    advisor = _advisor(data_dir)
    failed = 0
    for path in files:
        try:
            article, _ = corpus.read_article(path)
        except ValueError as error:
            click.echo(f"{path}: {error}", err=True)
            failed += 1
            continue
        result = {"file": str(path), **services.extract_text(advisor, article.text, lang)}
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            click.echo(f"{path} ({result['language']}): {len(result['skills'])} skill(s)")
            for skill in result["skills"]:
                click.echo(f"  {skill['count']:>4} × {skill['label']} [{skill['id']}]")
    if failed:
        raise click.ClickException(f"{failed} file(s) could not be read")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@DATA_OPTION
def ingest_command(paths: tuple[Path, ...], data_dir: Path | None) -> None:
    """Add articles (files or folders of .txt, .md, .html) and refresh the demand signal."""
    from sqlmodel import Session

    from advisor import corpus, services

    advisor = _advisor(data_dir)
    engine = _engine()
    files = list(corpus.article_files(paths))
    now = datetime.now(UTC)
    with Session(engine) as session, click.progressbar(length=len(files), label="Ingesting") as bar:
        report = corpus.ingest(
            files,
            session=session,
            find=services.finder(advisor),
            now=now,
            progress=lambda _: bar.update(1),
        )
        total = corpus.refresh_demand(
            session=session, taxonomy=advisor.taxonomy, today=now.date(), now=now
        )
    for path, reason in report.refused:
        click.echo(f"{path}: refused: {reason}", err=True)
    click.echo(
        f"added {report.added}, already known {report.duplicates}, refused "
        f"{len(report.refused)}; corpus now {total} article(s); demand signal refreshed"
    )
    engine.dispose()


@click.command("suggest")
@click.option("--top", default=30, show_default=True, type=click.IntRange(1, 500))
@DATA_OPTION
def suggest_command(top: int, data_dir: Path | None) -> None:
    """Terms frequent in recent ingested articles that no skill label or alias covers."""
    from sqlmodel import Session

    from advisor import corpus

    advisor = _advisor(data_dir)
    engine = _engine()
    with Session(engine) as session:
        terms = corpus.suggest_terms(
            session=session, taxonomy=advisor.taxonomy, today=date.today(), top=top
        )
    if not terms:
        click.echo("no emerging term: ingest articles first (advisor ingest PATH...)")
    for term in terms:
        click.echo(f"{term.score:8.3f}  {term.documents:>5} article(s)  {term.term}")
    engine.dispose()
