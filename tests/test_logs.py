"""No plan token and nothing typed reaches a log, whichever way the token is spelled and
whichever server writes the line (issue 12, item 5)."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from advisor import logs
from tests.conftest import FIXTURE_TAXONOMY
from tests.test_serving_limits import free_port

TOKEN = "iDJx3B0mKq7Vb9cT2nW5yZ1aE4fG6hJ8"
SPELLINGS = [
    f"/plans/{TOKEN}",
    f"/plans//{TOKEN}/reassess",
    f"//plans/{TOKEN}.pdf",
    f"/plans/%69{TOKEN[1:]}",
    f"/plans/%2569{TOKEN[1:]}",
    f"/PLANS/{TOKEN}",
    f"/language/fr?next=%2Fplans%2F{TOKEN}",
    f"/api/v1/plans/{TOKEN}",
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_every_spelling_of_a_token_is_redacted(spelling: str) -> None:
    line = f'127.0.0.1 - - "GET {spelling} HTTP/1.1" 200 -'
    assert TOKEN not in logs.redact(line)
    assert TOKEN[1:] not in logs.redact(line)
    assert "/plans/…" in logs.redact(line)


def test_lines_without_a_token_are_left_alone() -> None:
    line = '"GET /extract?q=%C3%A9t%C3%A9 HTTP/1.1" 200'
    assert logs.redact(line) == line


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Logging configured as the entry points do, into a string; restored afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    stream = io.StringIO()
    logs.configure("INFO", stream)
    yield stream
    root.handlers[:] = handlers
    root.setLevel(level)
    if logging.lastResort is not None:
        logging.lastResort.removeFilter(logs.REDACTING_FILTER)


def test_any_logger_goes_through_the_filter(captured: io.StringIO) -> None:
    logging.getLogger("werkzeug").info('"%s" %s', f"GET /plans/{TOKEN} HTTP/1.1", 200)
    logging.getLogger("some.library").warning("saw %s", f"/plans//{TOKEN}")
    assert TOKEN not in captured.getvalue()
    assert captured.getvalue().count("/plans/…") == 2


def test_exceptions_are_logged_by_type_not_message(captured: io.StringIO) -> None:
    try:
        try:
            int(TOKEN)
        except ValueError as error:
            raise KeyError(f"typed: {TOKEN}") from error
    except KeyError:
        logging.getLogger("advisor.test").exception("failed")
    text = captured.getvalue()
    assert TOKEN not in text
    assert "ValueError (message not logged)" in text and "KeyError (message not logged)" in text
    assert "int(TOKEN)" in text  # the frames stay: where it failed is what an operator needs


def test_an_unexpected_error_in_a_view_logs_no_submitted_value(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    from flask import request

    app.add_url_rule("/boom", "boom", lambda: str(int(request.args["n"])))
    with caplog.at_level(logging.ERROR):
        assert app.test_client().get("/boom", query_string={"n": TOKEN}).status_code == 500
    assert TOKEN not in caplog.text
    assert "unhandled ValueError on GET /boom" in caplog.text


def test_the_log_level_setting_is_applied(captured: io.StringIO) -> None:
    logs.configure("WARNING", captured)
    logging.getLogger("advisor.test").info("chatter")
    logging.getLogger("advisor.test").warning("worth saying")
    assert "chatter" not in captured.getvalue() and "worth saying" in captured.getvalue()


@pytest.mark.slow
def test_the_dev_server_logs_no_token(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(
        {
            "ADVISOR_SECRET_KEY": "dev-server-log-test-0123456789",
            "ADVISOR_SKILLS_DATA": str(FIXTURE_TAXONOMY),
            "ADVISOR_INSTANCE_PATH": str(tmp_path / "instance"),
        }
    )
    command = [sys.executable, "-c", "from advisor.cli import main; main()"]
    command += ["serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        token = _create_plan(base)
        encoded = f"%{ord(token[0]):02X}{token[1:]}"
        for path in (f"/plans/{token}", f"/plans//{token}", f"/plans/{encoded}"):
            _get(base + path)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    log = err.decode()
    assert "/plans/…" in log
    assert token not in log and token[1:] not in log


def _create_plan(base: str) -> str:
    body = json.dumps({"target_role": "mlops-engineer", "hours_per_week": 5}).encode()
    request = urllib.request.Request(
        f"{base}/api/v1/plans", data=body, headers={"Content-Type": "application/json"}
    )
    for _ in range(300):
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return str(json.loads(answer.read())["id"])
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    raise AssertionError("the dev server did not start")


def _get(url: str) -> None:
    try:
        urllib.request.urlopen(url, timeout=10).close()
    except urllib.error.HTTPError:
        pass
