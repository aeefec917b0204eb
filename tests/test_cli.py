"""`advisor serve` as a person runs it: a real process, a real port, real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ADVISOR = str(Path(sys.executable).parent / "advisor")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def env_with(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(settings)
    return env


def wait_for(url: str, process: subprocess.Popen[str]) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise AssertionError(f"advisor serve exited: {process.stderr.read()}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} never answered")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = env_with(ADVISOR_INSTANCE_PATH=str(tmp_path / "instance"), ADVISOR_SECRET_KEY="k" * 32)
    process = subprocess.Popen(
        [ADVISOR, "serve", "--port", str(port)],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz", process)
        yield base
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_serve_answers_the_home_page_and_health_on_sqlite(served: str, tmp_path: Path) -> None:
    with urllib.request.urlopen(served + "/") as response:
        assert response.status == 200
        assert "advisor" in response.read().decode()
    with urllib.request.urlopen(served + "/healthz") as response:
        assert response.status == 200
    assert (tmp_path / "instance" / "advisor.sqlite3").is_file()


def test_a_bad_setting_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    env = env_with(
        ADVISOR_INSTANCE_PATH=str(tmp_path),
        ADVISOR_SECRET_KEY="k" * 32,
        ADVISOR_DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none",
    )
    done = subprocess.run([ADVISOR, "serve"], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1
    assert (
        "cannot reach the database at postgresql+psycopg://nobody@127.0.0.1:1/none" in done.stderr
    )
    assert "Traceback" not in done.stderr


def test_a_missing_secret_says_how_to_set_one(tmp_path: Path) -> None:
    env = env_with(ADVISOR_INSTANCE_PATH=str(tmp_path))
    done = subprocess.run([ADVISOR, "serve"], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert "export ADVISOR_SECRET_KEY=" in done.stderr
    assert "Traceback" not in done.stderr
