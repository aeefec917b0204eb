"""`advisor serve` as a person runs it: a real process, a real port, real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import poll_until

# Each test starts the real `advisor` command, a cold Python start of several seconds.
pytestmark = pytest.mark.slow
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


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = env_with(ADVISOR_INSTANCE_PATH=str(tmp_path / "instance"), ADVISOR_SECRET_KEY="k" * 32)
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [ADVISOR, "serve", "--port", str(port)],
            env=env,
            text=True,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"advisor serve exited:\n{log.read_text()}")
        with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
            return bool(response.status == 200)

    try:
        # A cold start on a loaded 2-core machine (imports, migrations, the taxonomy) can take
        # tens of seconds: poll for a minute, then fail with the server's log.
        poll_until(answers, deadline=60, failure=log.read_text)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_serve_answers_the_home_page_and_health_on_sqlite(served: str, tmp_path: Path) -> None:
    with urllib.request.urlopen(served + "/", timeout=30) as response:
        assert response.status == 200
        assert "advisor" in response.read().decode()
    with urllib.request.urlopen(served + "/healthz", timeout=30) as response:
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
