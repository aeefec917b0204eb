"""The `advisor` command line: thin commands over the use cases in `advisor.services`.

Start-up must stay fast (`advisor --help` well under half a second), so command modules import
Flask, SQLModel or scikit-learn inside the command, never at the top of this file.
"""

from __future__ import annotations

from typing import Any

import click

from advisor import __version__

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1"}


class AdvisorGroup(click.Group):
    """Turns a configuration error into one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from advisor.config import ConfigError
        from advisor.taxonomy.lines import TaxonomyError

        try:
            return super().invoke(ctx)
        except (ConfigError, TaxonomyError) as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=AdvisorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
def cli() -> None:
    """advisor: which AI-era skills to learn next, in what order, in how many weeks."""


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--debug", is_flag=True, help="Reload on change and show debugging pages.")
def serve(host: str, port: int, debug: bool) -> None:
    """Run the web app (SQLite in the instance folder and the bundled taxonomy by default)."""
    from werkzeug.serving import run_simple

    from advisor import logs
    from advisor.app import create_app

    settings: dict[str, object] = {"DEBUG": True} if debug else {}
    if host in LOOPBACK_HOSTS:
        # Plain HTTP that never leaves this machine: a Secure cookie would never come back.
        settings["SESSION_COOKIE_SECURE"] = False
    app = create_app(settings)
    # The dev server logs each request line: through the same filter as in production.
    logs.configure(app.config["LOG_LEVEL"])
    click.echo(f"advisor is serving on http://{host}:{port}/ (Ctrl+C to stop)")
    run_simple(host, port, app, threaded=True, use_reloader=debug, use_debugger=debug)


def _register_commands() -> None:
    from advisor.cli.corpus import extract_command, ingest_command, suggest_command
    from advisor.cli.db import db_group
    from advisor.cli.plans import plan_command
    from advisor.cli.taxonomy import taxonomy_group

    taxonomy_group.add_command(suggest_command)
    cli.add_command(extract_command)
    cli.add_command(ingest_command)
    cli.add_command(db_group)
    cli.add_command(taxonomy_group)
    cli.add_command(plan_command)


_register_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="advisor")
