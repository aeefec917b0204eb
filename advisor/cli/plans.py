"""`advisor plan PROFILE.json`: a plan from a profile file, as JSON, Markdown, a PDF (two pages,
or the full plan with `--details`) or an iCalendar file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from advisor.cli.options import data_option, existing_store, load_advisor


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
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "pdf", "ics"]),
    default="json",
    show_default=True,
)
@click.option("--details", is_flag=True, help="pdf: the full plan, not the two-page summary.")
@click.option("--start", help="ics: the first day of week 1, YYYY-MM-DD (default: today).")
@click.option(
    "--weekday", help="ics: the day of the study blocks, monday … sunday (default: saturday)."
)
@click.option("--at", "at", help="ics: the time the study blocks start, HH:MM (default: 09:00).")
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
@click.option(
    "--prefill",
    type=click.Choice(["none", "typical"]),
    default=None,
    help="typical: the levels typical of the profile's current role stand in for the skills "
    'it does not rate (the plan lists them as assumed). Overrides the file\'s "prefill".',
)
@data_option
def plan_command(
    profile_file: Path,
    fmt: str,
    details: bool,
    start: str | None,
    weekday: str | None,
    at: str | None,
    output: Path | None,
    previous: Path | None,
    prefill: str | None,
    data_dir: Path | None,
) -> None:
    """Build the ranked, scheduled learning plan for the profile in PROFILE_FILE."""
    from advisor.core.errors import InvalidPlan, InvalidProfile
    from advisor.core.wording import InvalidCalendar, calendar_options, plan_markdown
    from advisor.i18n import words_for
    from advisor.services.plan_build import check_earlier_plan, plan_for_profile

    try:
        calendar = calendar_options({"start": start, "weekday": weekday, "at": at})
    except InvalidCalendar as error:
        for field, message in error.fields.items():
            click.echo(f"--{field}: {message}", err=True)
        raise click.UsageError("invalid calendar options") from None
    profile_data = read_json(profile_file)
    if prefill is not None and isinstance(profile_data, dict):
        profile_data = {**profile_data, "prefill": prefill}
    earlier = read_json(previous) if previous else None
    advisor = load_advisor(data_dir)
    # The same demand as the web and the API: the ingested articles', when a database exists.
    store = existing_store()
    demand = None
    if store:
        from advisor.services.plans import current_demand

        demand = current_demand(store, advisor)
        store.close()
    try:
        if previous is not None:
            check_earlier_plan(earlier)  # `null` in the file too
        _, plan = plan_for_profile(
            advisor, profile_data, now=datetime.now(UTC), previous=earlier, demand=demand
        )
    except InvalidPlan as error:
        raise click.ClickException(f"{previous}: not a plan made by advisor ({error})") from None
    except InvalidProfile as error:
        for field, message in error.fields.items():
            click.echo(f"{profile_file}: {field}: {message}", err=True)
        raise click.ClickException(f"{profile_file}: invalid profile") from None
    if fmt == "pdf":
        from advisor.pdf import render_plan_pdf
        from advisor.services.assessment import skill_labels, skill_quotes

        if output is None:
            raise click.UsageError("--format pdf needs -o FILE (a PDF is not for a terminal)")
        labels, quotes = skill_labels(advisor, plan["language"]), skill_quotes(advisor, plan)
        write(output, render_plan_pdf(plan, labels=labels, quotes=quotes, details=details))
        return
    if fmt == "ics":
        from advisor.ics import plan_ics

        try:
            body = plan_ics(plan, calendar)
        except InvalidCalendar as error:
            for field, message in error.fields.items():
                click.echo(f"--{field}: {message}", err=True)
            raise click.UsageError("invalid calendar options") from None
        if output is None:
            click.echo(body.decode("utf-8").rstrip("\r\n"))
        else:
            write(output, body)
        return
    text = (
        plan_markdown(plan, words_for(plan["language"]))
        if fmt == "md"
        else json.dumps(plan, ensure_ascii=False, indent=2)
    )
    if output is None:
        click.echo(text.rstrip("\n"))
    else:
        write(output, (text.rstrip("\n") + "\n").encode("utf-8"))


def write(path: Path, content: bytes) -> None:
    """Write the output file, or a CLI error naming it and the reason."""
    try:
        path.write_bytes(content)
    except OSError as error:
        raise click.ClickException(f"{path}: cannot be written: {error.strerror}") from None
