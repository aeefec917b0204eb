"""`advisor plan PROFILE.json`: a plan from a profile file, as JSON or Markdown."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from advisor.cli.options import data_option, load_advisor


def read_json(path: Path) -> Any:
    """The JSON in `path`, or a CLI error naming the file and the line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise click.ClickException(f"{path}: cannot be read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise click.ClickException(f"{path}: is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise click.ClickException(
            f"{path}:{error.lineno}: not valid JSON: {error.msg} (column {error.colno})"
        ) from None


@click.command("plan")
@click.argument("profile_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["json", "md", "pdf"]), default="json", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here instead of standard output (required for pdf).",
)
@click.option(
    "--previous",
    type=click.Path(dir_okay=False, path_type=Path),
    help="An earlier plan (JSON) of the same person: the new plan shows progress.",
)
@data_option
def plan_command(
    profile_file: Path, fmt: str, output: Path | None, previous: Path | None, data_dir: Path | None
) -> None:
    """Build the ranked, scheduled learning plan for the profile in PROFILE_FILE."""
    from advisor.core.errors import InvalidProfile
    from advisor.core.markdown import plan_markdown
    from advisor.i18n import words_for
    from advisor.services.plans import plan_for_profile

    profile_data = read_json(profile_file)
    earlier = read_json(previous) if previous else None
    advisor = load_advisor(data_dir)
    try:
        _, plan = plan_for_profile(advisor, profile_data, now=datetime.now(UTC), previous=earlier)
    except InvalidProfile as error:
        for field, message in error.fields.items():
            click.echo(f"{profile_file}: {field}: {message}", err=True)
        raise click.ClickException(f"{profile_file}: invalid profile") from None
    if fmt == "pdf":
        from advisor.pdf import render_plan_pdf
        from advisor.services.assessment import skill_labels

        if output is None:
            raise click.UsageError("--format pdf needs -o FILE (a PDF is not for a terminal)")
        output.write_bytes(render_plan_pdf(plan, labels=skill_labels(advisor, plan["language"])))
        return
    text = (
        plan_markdown(plan, words_for(plan["language"]))
        if fmt == "md"
        else json.dumps(plan, ensure_ascii=False, indent=2)
    )
    if output is None:
        click.echo(text.rstrip("\n"))
    else:
        output.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
