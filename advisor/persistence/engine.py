"""The database engine: made from the settings, checked, and migrated in one place."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlmodel import create_engine

from advisor.config import ConfigError
from advisor.config import database_url as database_url
from advisor.persistence import migrate

URL_EXAMPLES = "sqlite:////path/to/advisor.sqlite3 or postgresql+psycopg://user:password@host/db"


def make_engine(url: str) -> Engine:
    """An engine for `url`, or a ConfigError that says what is wrong with the URL."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise ConfigError(
            f"ADVISOR_DATABASE_URL is not a database URL ({error}); use {URL_EXAMPLES}"
        ) from error
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return create_engine(url, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError) as error:
        raise ConfigError(
            f"no driver for the database URL scheme {parsed.drivername!r} ({error}); "
            f"use {URL_EXAMPLES}"
        ) from error


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # WAL lets readers and one writer work at once; foreign keys make deletes cascade;
        # secure_delete overwrites erased rows with zeros instead of leaving them in free space.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def engine_for(settings: Mapping[str, Any], instance_path: str) -> Engine:
    """The engine of these settings, creating the instance folder for the default SQLite."""
    if not settings.get("DATABASE_URL"):
        Path(instance_path).mkdir(parents=True, exist_ok=True)
    return make_engine(database_url(settings, instance_path))


def check_reachable(engine: Engine) -> None:
    """A trivial query, or a ConfigError naming the database and the reason in one line."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise ConfigError(f"cannot reach the database at {where(engine)}: {reason}") from error


def prepare(engine: Engine, revision: str = "head") -> None:
    """Check the database answers, then bring its schema to `revision` (the newest by default).

    Every entry point that opens the database (the app, gunicorn's master, the CLI) calls this,
    so a database is never used at an older schema than the code expects.
    """
    check_reachable(engine)
    migrate.upgrade(engine, revision)


def where(engine: Engine) -> str:
    """The database's URL with any password hidden, for messages."""
    return engine.url.render_as_string(hide_password=True)
