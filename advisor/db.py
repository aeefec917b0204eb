"""The database engine of an app, and one session per request.

The engine is made in the app factory and kept in `app.extensions`, never at import time, so two
apps (or a test and the server) never share a connection pool by accident.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, g
from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlmodel import Session, create_engine

from advisor import migrate
from advisor.config import ConfigError

EXTENSION_KEY = "advisor.engine"
URL_EXAMPLES = "sqlite:////path/to/advisor.sqlite3 or postgresql+psycopg://user:password@host/db"


def database_url(app: Flask) -> str:
    """The configured URL, or a SQLite file in the instance folder."""
    configured = app.config.get("DATABASE_URL")
    if configured:
        return str(configured)
    return f"sqlite:///{Path(app.instance_path) / 'advisor.sqlite3'}"


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
        # WAL lets readers and one writer work at once; foreign keys make deletes cascade.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return engine


def engine_for(app: Flask) -> Engine:
    """The engine of an app's settings, creating the instance folder for the default SQLite."""
    if app.config.get("DATABASE_URL") is None:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return make_engine(database_url(app))


def check_reachable(engine: Engine) -> None:
    """A trivial query, or a ConfigError naming the database and the reason in one line."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        where = engine.url.render_as_string(hide_password=True)
        raise ConfigError(f"cannot reach the database at {where}: {reason}") from error


def create_schema(engine: Engine) -> None:
    """Check the database answers, then bring its schema to the newest migration."""
    check_reachable(engine)
    migrate.upgrade(engine)


def init_app(app: Flask) -> None:
    """Make the engine (and the SQLite folder and schema); close sessions on teardown."""
    engine = engine_for(app)
    if app.config["AUTO_MIGRATE"]:
        create_schema(engine)
    app.extensions[EXTENSION_KEY] = engine
    app.teardown_appcontext(_close_session)


def get_engine(app: Flask) -> Engine:
    engine: Engine = app.extensions[EXTENSION_KEY]
    return engine


def get_session() -> Session:
    """The session of the current request, opened on first use."""
    if "db_session" not in g:
        from flask import current_app

        g.db_session = Session(get_engine(current_app._get_current_object()))  # type: ignore[attr-defined]
    session: Session = g.db_session
    return session


def _close_session(_error: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
