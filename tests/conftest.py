"""Fixtures shared by every test: a fresh app on a real temporary SQLite file, its client."""

from __future__ import annotations

import http.client
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from advisor.app import create_app

FIXTURE_TAXONOMY = Path(__file__).parent / "fixtures" / "taxonomy"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
EXTRACTION = Path(__file__).resolve().parent.parent / "advisor" / "core" / "extraction"


def stale_builds() -> list[str]:
    """Extension modules older than the source beside them (`scripts/compile_extraction.py`):
    Python would import them instead of the source, and the suite would test old code."""
    stale = []
    for build in EXTRACTION.glob("*.so"):
        source = EXTRACTION / f"{build.name.split('.')[0]}.py"
        if source.exists() and build.stat().st_mtime < source.stat().st_mtime:
            stale.append(source.name)
    return sorted(stale)


def pytest_sessionstart(session: pytest.Session) -> None:
    stale = stale_builds()
    if stale:
        pytest.exit(
            f"compiled extraction modules older than {', '.join(stale)}: run `make setup` "
            "(or `scripts/compile_extraction.py --remove` to test the sources alone)",
            returncode=3,
        )


def require_binary(name: str) -> str:
    """The path of an external program a test drives; skip without it, but fail in CI."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (the README test command installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return path


def postgres_server_url() -> str:
    """The PostgreSQL server `make test` started; skip without it, but fail in CI."""
    url = os.environ.get("PYTEST_POSTGRES_URL")
    if not url:
        message = "PYTEST_POSTGRES_URL is not set (make test starts a PostgreSQL server)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def poll_until(
    condition: Callable[[], bool], *, deadline: float, failure: Callable[[], str]
) -> None:
    """Wait until `condition()` holds, checking every 50 ms; fail after `deadline` seconds with
    `failure()` (a server's log, say). While a server starts, `condition` may find the connection
    refused, reset or cut (OSError, HTTPException): that is "not yet", not a failure."""
    end = time.monotonic() + deadline
    while True:
        try:
            if condition():
                return
        except (OSError, http.client.HTTPException):
            pass
        if time.monotonic() > end:
            pytest.fail(f"not ready after {deadline:.0f} s:\n{failure()}", pytrace=False)
        time.sleep(0.05)


# The PostgreSQL half of every database test carries the `postgres` marker: `-m "not postgres"`.
DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[str]:
    """The URL of a fresh, empty database: a SQLite file in `folder`, or a new database on the
    PostgreSQL server, dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'advisor-test.sqlite3'}"
        return
    server = make_url(postgres_server_url())
    name = f"advisor_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new database on the PostgreSQL server."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def app_config(tmp_path: Path) -> dict[str, object]:
    """The test mapping given to `create_app`; tests may change it before `app` is built."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'advisor-test.sqlite3'}",
        "WTF_CSRF_ENABLED": False,
        "SKILLS_DATA": str(FIXTURE_TAXONOMY),
        "RATELIMIT_ENABLED": False,
    }


@pytest.fixture
def app(app_config: dict[str, object]) -> Iterator[Flask]:
    application = create_app(app_config)
    yield application
    application.extensions["advisor.store"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No ADVISOR_* variable from the developer's shell leaks into a configuration test."""
    for name in list(os.environ):
        if name.startswith("ADVISOR_"):
            monkeypatch.delenv(name)
    return monkeypatch
