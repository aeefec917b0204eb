"""What several commands share: the `--data` option, the fitted advisor, the migrated store."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from advisor.persistence.store import Store
    from advisor.services.advisor import Advisor


def data_option(function: click.decorators.FC) -> click.decorators.FC:
    """`--data DIR` (or ADVISOR_SKILLS_DATA): a taxonomy folder instead of the bundled one."""
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="ADVISOR_SKILLS_DATA",
        help="Taxonomy folder (default: the bundled skills_data/).",
    )(function)


def load_advisor(data_dir: Path | None) -> Advisor:
    from advisor.services.advisor import build_advisor, skills_data_path

    return build_advisor(skills_data_path(data_dir), date.today())


def settings_engine() -> Engine:
    """The engine of the configured database (ADVISOR_DATABASE_URL or the instance SQLite)."""
    from advisor.config import create_settings_app
    from advisor.persistence.engine import engine_for

    app = create_settings_app()
    return engine_for(app.config, app.instance_path)


def open_store() -> Store:
    """The configured database, checked and migrated to the newest schema."""
    from advisor.persistence.engine import prepare
    from advisor.persistence.store import Store

    engine = settings_engine()
    prepare(engine)
    return Store(engine)


def existing_store() -> Store | None:
    """The configured database when there is one already (a PostgreSQL URL, or an SQLite file
    that exists), migrated; None otherwise, so commands without a database stay fast."""
    from advisor.config import create_settings_app, database_url, existing_sqlite_file

    app = create_settings_app()
    if existing_sqlite_file(database_url(app.config, app.instance_path)) is False:
        return None
    return open_store()
