"""`advisor taxonomy ...`: check and export the skills taxonomy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

import click


def data_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="ADVISOR_SKILLS_DATA",
        help="Taxonomy folder (default: the bundled skills_data/).",
    )(function)


@click.group("taxonomy")
def taxonomy_group() -> None:
    """Check and export the skills taxonomy in skills_data/."""


@taxonomy_group.command("check")
@data_option
def check(data_dir: Path | None) -> None:
    """Validate every file; print each problem as FILE:LINE: FIELD: MESSAGE."""
    from advisor import services

    folder = services.skills_data_path(data_dir)
    problems = services.check_taxonomy(folder)
    for problem in problems:
        click.echo(
            f"{folder / problem.file}:{problem.line}: {problem.field}: {problem.message}", err=True
        )
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {folder}")
    summary = services.taxonomy_summary(services.load_taxonomy(folder))
    click.echo(f"{folder}: ok — {summary}")


@taxonomy_group.command("export")
@data_option
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def export(data_dir: Path | None, fmt: str, output: TextIO) -> None:
    """Write the whole taxonomy: domains, levels, skills, roles and sources."""
    from advisor import services

    taxonomy = services.load_taxonomy(services.skills_data_path(data_dir))
    json.dump(services.export_taxonomy(taxonomy), output, ensure_ascii=False, indent=2)
    output.write("\n")
