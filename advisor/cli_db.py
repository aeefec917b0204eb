"""`advisor db ...`: the database schema, through Alembic migrations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy import Engine


@click.group("db")
def db_group() -> None:
    """Apply and inspect schema migrations (the database of ADVISOR_DATABASE_URL)."""


def _engine() -> Engine:
    from advisor import db
    from advisor.app import create_settings_app

    return db.engine_for(create_settings_app())


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
def upgrade(revision: str) -> None:
    """Apply the migrations the database lacks (creates the schema on an empty database)."""
    from advisor import migrate
    from advisor.db import check_reachable

    engine = _engine()
    check_reachable(engine)
    before = migrate.current_revision(engine)
    migrate.upgrade(engine, revision)
    after = migrate.current_revision(engine)
    where = engine.url.render_as_string(hide_password=True)
    click.echo(f"{where}: {before or 'empty'} → {after}")
    engine.dispose()


@db_group.command("current")
def current() -> None:
    """Print the database's revision and the newest one."""
    from advisor import migrate
    from advisor.db import check_reachable

    engine = _engine()
    check_reachable(engine)
    click.echo(f"current: {migrate.current_revision(engine) or 'empty'}; head: {migrate.head()}")
    engine.dispose()
