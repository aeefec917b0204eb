"""`advisor extract`, `advisor ingest` and `advisor taxonomy suggest`: skills in articles."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import click

from advisor.cli.options import data_option, load_advisor, open_store


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["auto", "en", "fr"]), default="auto", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@data_option
def extract_command(
    files: tuple[Path, ...], lang: str, as_json: bool, data_dir: Path | None
) -> None:
    """List the skills each FILE mentions (text, Markdown or HTML)."""
    from advisor.services.corpus import extract_text, printable, read_article

    advisor = load_advisor(data_dir)
    failed = 0
    for path in files:
        try:
            article, _ = read_article(path)
        except ValueError as error:
            click.echo(f"{printable(path)}: {error}", err=True)
            failed += 1
            continue
        result = {"file": printable(path), **extract_text(advisor, article.text, lang)}
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False))
        else:
            click.echo(
                f"{printable(path)} ({result['language']}): {len(result['skills'])} skill(s)"
            )
            for skill in result["skills"]:
                click.echo(f"  {skill['count']:>4} × {skill['label']} [{skill['id']}]")
            if result["esco"]:
                labels = ", ".join(c["label"] for c in result["esco"])
                click.echo(f"  ESCO ICT skills named: {labels}")
    if failed:
        raise click.ClickException(f"{failed} file(s) could not be read")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@data_option
def ingest_command(paths: tuple[Path, ...], data_dir: Path | None) -> None:
    """Add articles (files or folders of .txt, .md, .html) and refresh the demand signal.

    Each file that cannot be read is reported on one line and skipped; the exit status is
    non-zero when a PATH does not exist or when no file at all could be read.
    """
    from advisor.services.corpus import find_articles, ingest, printable, refresh_demand

    advisor = load_advisor(data_dir)
    store = open_store()
    found = find_articles(paths)
    now = datetime.now(UTC)
    with click.progressbar(length=len(found.files), label="Ingesting") as bar:
        report = ingest(
            found, store=store, advisor=advisor, now=now, progress=lambda _: bar.update(1)
        )
    total = refresh_demand(store=store, advisor=advisor, today=now.date(), now=now)
    store.close()
    for path, reason in report.refused:
        click.echo(f"{printable(path)}: refused: {reason}", err=True)
    click.echo(
        f"added {report.added}, already known {report.duplicates}, refused "
        f"{len(report.refused)}; corpus now {total} article(s); demand signal refreshed"
    )
    if report.missing:
        raise click.ClickException(f"{report.missing} path(s) do not exist")
    if report.refused and not (report.added or report.duplicates):
        raise click.ClickException("no article could be read")


@click.command("suggest")
@click.option("--top", default=30, show_default=True, type=click.IntRange(1, 500))
@data_option
def suggest_command(top: int, data_dir: Path | None) -> None:
    """Words and pairs frequent in recent ingested articles that no skill label or alias
    covers (near-duplicate articles count once)."""
    from advisor.services.corpus import suggest_terms

    advisor = load_advisor(data_dir)
    store = open_store()
    terms = suggest_terms(store=store, advisor=advisor, today=date.today(), top=top)
    if not terms:
        click.echo("no emerging term: ingest articles first (advisor ingest PATH...)")
        store.close()
        return
    click.echo(f"{'score':>8}  {'articles':>8}  term")
    for term in terms:
        click.echo(f"{term.score:8.3f}  {term.documents:>8}  {term.term}")
    store.close()
