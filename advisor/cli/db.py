"""`advisor db ...`: the database schema, through Alembic migrations."""

from __future__ import annotations

import click

from advisor.cli.options import settings_engine


@click.group("db")
def db_group() -> None:
    """Apply and inspect schema migrations (the database of ADVISOR_DATABASE_URL)."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def upgrade(revision: str) -> None:
    """Apply the migrations the database lacks (creates the schema on an empty database)."""
    from advisor.persistence import migrate
    from advisor.persistence.engine import check_reachable, prepare, where

    engine = settings_engine()
    check_reachable(engine)
    before = migrate.current_revision(engine)
    prepare(engine, revision)
    click.echo(f"{where(engine)}: {before or 'empty'} → {migrate.current_revision(engine)}")
    engine.dispose()


@db_group.command("current")
def current() -> None:
    """Print the database's revision and the newest one."""
    from advisor.persistence import migrate
    from advisor.persistence.engine import check_reachable

    engine = settings_engine()
    check_reachable(engine)
    click.echo(f"current: {migrate.current_revision(engine) or 'empty'}; head: {migrate.head()}")
    engine.dispose()
