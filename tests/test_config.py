"""Configuration layers and the start-up refusals that say what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.app import create_app
from advisor.config import ConfigError
from tests.conftest import FIXTURE_TAXONOMY


def production(tmp_path: Path, **extra: object) -> dict[str, object]:
    config: dict[str, object] = {
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SKILLS_DATA": str(FIXTURE_TAXONOMY),
    }
    config.update(extra)
    return config


def test_refuses_to_start_without_a_secret_outside_debug(tmp_path: Path, clean_env) -> None:
    with pytest.raises(ConfigError, match="SECRET_KEY is not set: set ADVISOR_SECRET_KEY"):
        create_app(production(tmp_path))


@pytest.mark.parametrize("placeholder", ["dev", "changeme", "short"])
def test_refuses_a_placeholder_secret(tmp_path: Path, clean_env, placeholder: str) -> None:
    with pytest.raises(ConfigError, match="placeholder"):
        create_app(production(tmp_path, SECRET_KEY=placeholder))


def test_debug_runs_without_a_secret(tmp_path: Path, clean_env) -> None:
    app = create_app(production(tmp_path, DEBUG=True))
    assert len(app.config["SECRET_KEY"]) >= 32


def test_sqlite_file_in_the_instance_folder_by_default(tmp_path: Path, clean_env) -> None:
    app = create_app(production(tmp_path, SECRET_KEY="x" * 40))
    assert (tmp_path / "instance" / "advisor.sqlite3").is_file()
    assert app.config["DATABASE_URL"] is None


def test_layers_override_in_order(tmp_path: Path, clean_env) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text(
        "SECRET_KEY = 'from-the-instance-file-0123456789'\nPUBLIC_URL = 'https://instance'\n"
        "LOG_LEVEL = 'DEBUG'\n"
    )
    clean_env.setenv("ADVISOR_PUBLIC_URL", "https://environment")
    clean_env.setenv("ADVISOR_MAX_CONTENT_LENGTH", "1000")
    app = create_app(production(tmp_path, LOG_LEVEL="WARNING"))
    assert app.config["SECRET_KEY"] == "from-the-instance-file-0123456789"
    assert app.config["PUBLIC_URL"] == "https://environment"
    assert app.config["MAX_CONTENT_LENGTH"] == 1000  # parsed, not the string "1000"
    assert app.config["LOG_LEVEL"] == "WARNING"


def test_an_unknown_environment_setting_stops_start_up(tmp_path: Path, clean_env) -> None:
    clean_env.setenv("ADVISOR_DATABSE_URL", "sqlite://")
    with pytest.raises(ConfigError, match="unknown setting ADVISOR_DATABSE_URL in the environment"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40))


def test_an_unknown_instance_setting_stops_start_up(tmp_path: Path, clean_env) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("SECRT_KEY = 'typo'\n")
    with pytest.raises(ConfigError, match="unknown setting SECRT_KEY in the instance config.py"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40))


def test_a_broken_instance_file_names_the_file(tmp_path: Path, clean_env) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "config.py").write_text("SECRET_KEY = (\n")
    with pytest.raises(ConfigError, match=r"config\.py cannot be read"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40))


def test_a_malformed_database_url_says_what_a_good_one_looks_like(
    tmp_path: Path, clean_env
) -> None:
    with pytest.raises(ConfigError, match="is not a database URL.*postgresql\\+psycopg://"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40, DATABASE_URL="not a url"))


def test_an_unknown_driver_is_named(tmp_path: Path, clean_env) -> None:
    with pytest.raises(ConfigError, match="no driver for the database URL scheme 'nosuchdb'"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40, DATABASE_URL="nosuchdb://h/db"))


def test_an_unreachable_database_stops_start_up(tmp_path: Path, clean_env) -> None:
    url = f"sqlite:///{tmp_path}/missing-folder/db.sqlite3"
    with pytest.raises(ConfigError, match="cannot reach the database at sqlite:///"):
        create_app(production(tmp_path, SECRET_KEY="x" * 40, DATABASE_URL=url))


def test_cookies_are_secure_outside_debug(tmp_path: Path, clean_env) -> None:
    app = create_app(production(tmp_path, SECRET_KEY="x" * 40))
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
