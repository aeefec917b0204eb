"""Alembic migrations on SQLite and PostgreSQL: from empty, across every revision, and in
agreement with the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from advisor.cli import cli
from advisor.persistence import migrate
from advisor.persistence.engine import make_engine

TABLES = {
    "journey",
    "profile",
    "assessment",
    "plan",
    "plan_pdf",
    "article",
    "mention",
    "skill_demand",
    "team",
    "team_member",
}


def test_an_empty_database_is_brought_to_head(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head()
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_every_revision_upgrades_and_downgrades(database_url: str) -> None:
    engine = make_engine(database_url)
    for revision in migrate.revisions():
        migrate.upgrade(engine, revision)
        assert migrate.current_revision(engine) == revision
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert not TABLES & set(inspect(engine).get_table_names())
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head()
    engine.dispose()


def test_the_migrations_build_exactly_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
    engine.dispose()


def test_plans_saved_at_the_first_revision_survive_the_upgrade(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate.upgrade(engine, migrate.revisions()[0])
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO journey (id, created_at) VALUES (1, '2026-01-01 00:00:00')")
        )
        connection.execute(
            text(
                'INSERT INTO profile (id, journey_id, created_at, language, "current_role", '
                "hours_per_week, experience) VALUES (1, 1, '2026-01-01 00:00:00', 'fr', '', 5, '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO plan (token, journey_id, profile_id, created_at, taxonomy_version, "
                "language, body) VALUES ('t0ken', 1, 1, '2026-01-01 00:00:00', 'v1', 'fr', '{}')"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT token FROM plan")).scalar_one() == "t0ken"
    engine.dispose()


def test_db_upgrade_command(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {"ADVISOR_DATABASE_URL": url, "ADVISOR_INSTANCE_PATH": str(tmp_path)}
    runner = CliRunner()
    result = runner.invoke(cli, ["db", "upgrade"], env=env)
    assert result.exit_code == 0, result.output
    assert f"empty → {migrate.head()}" in result.output
    again = runner.invoke(cli, ["db", "current"], env=env)
    assert f"current: {migrate.head()}; head: {migrate.head()}" in again.output


def test_db_upgrade_refuses_an_unreachable_database(tmp_path: Path) -> None:
    env = {"ADVISOR_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    result = CliRunner().invoke(cli, ["db", "upgrade"], env=env)
    assert result.exit_code == 1
    assert (
        "cannot reach the database at postgresql+psycopg://nobody@127.0.0.1:1/none" in result.output
    )
