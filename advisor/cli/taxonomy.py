"""`advisor taxonomy ...`: check and export the skills taxonomy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import click

from advisor.cli.options import data_option


@click.group("taxonomy")
def taxonomy_group() -> None:
    """Check and export the skills taxonomy in skills_data/."""


@taxonomy_group.command("check")
@data_option
def check(data_dir: Path | None) -> None:
    """Validate every file; print each problem as FILE:LINE: FIELD: MESSAGE."""
    from advisor.services.advisor import skills_data_path
    from advisor.services.taxonomy import check_taxonomy, load_taxonomy, taxonomy_summary

    folder = skills_data_path(data_dir)
    problems = check_taxonomy(folder)
    for problem in problems:
        click.echo(
            f"{folder / problem.file}:{problem.line}: {problem.field}: {problem.message}", err=True
        )
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {folder}")
    click.echo(f"{folder}: ok — {taxonomy_summary(load_taxonomy(folder))}")


@taxonomy_group.command("export")
@data_option
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def export(data_dir: Path | None, fmt: str, output: TextIO) -> None:
    """Write the whole taxonomy: domains, levels, skills, roles and sources."""
    from advisor.services.advisor import skills_data_path
    from advisor.services.taxonomy import export_taxonomy, load_taxonomy

    taxonomy = load_taxonomy(skills_data_path(data_dir))
    json.dump(export_taxonomy(taxonomy), output, ensure_ascii=False, indent=2)
    output.write("\n")


@taxonomy_group.command("report")
@data_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def report(data_dir: Path | None, fmt: str) -> None:
    """The curator's report: primary sources, quotes naming their skill, publisher hosts, French
    resources, single citations and role definitions, per domain and in total."""
    from advisor.services.advisor import skills_data_path
    from advisor.services.taxonomy import curators_report, load_taxonomy, report_dict, report_text

    report = curators_report(load_taxonomy(skills_data_path(data_dir)))
    if fmt == "json":
        click.echo(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    else:
        click.echo(report_text(report))
