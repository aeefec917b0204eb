"""Body and header limits as a person and as an attacker meet them, on the dev server and on
gunicorn as deployed; HSTS over HTTPS (issue 12, item 9), and gunicorn's logs without tokens
(item 5)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server
from werkzeug.test import TestResponse

from advisor.core.limits import MAX_EXTRACT_TEXT, MAX_REQUEST_BYTES
from tests.conftest import FIXTURE_TAXONOMY

GUNICORN = str(Path(sys.executable).parent / "gunicorn")
OVERSIZED = MAX_REQUEST_BYTES + 100_000


def multipart(text: str) -> bytes:
    """The article form as a browser sends it (built here: the test client would spool it to
    a temporary file it never closes)."""
    return (
        b'--B\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
        + text.encode()
        + b'\r\n--B\r\nContent-Disposition: form-data; name="lang"\r\n\r\nauto\r\n--B--\r\n'
    )


def post_article(client: FlaskClient, text: str) -> TestResponse:
    body = multipart(text)
    return client.post("/extract", data=body, content_type="multipart/form-data; boundary=B")


def test_the_longest_text_a_field_allows_is_accepted_in_any_script(client: FlaskClient) -> None:
    # 199,000 CJK characters are 597,000 bytes of UTF-8 in a multipart form.
    assert post_article(client, "中" * (MAX_EXTRACT_TEXT - 1_000)).status_code == 200


def test_one_character_more_is_an_error_on_the_field(client: FlaskClient) -> None:
    response = post_article(client, "中" * (MAX_EXTRACT_TEXT + 1))
    assert response.status_code == 422
    assert 'id="text-error"' in response.get_data(as_text=True)


def test_hsts_only_over_https(client: FlaskClient) -> None:
    secure = client.get("/", base_url="https://advisor.test")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" not in client.get("/").headers


def chunked_post(port: int, path: str, content_type: str, body: bytes) -> int:
    """POST `body` with Transfer-Encoding: chunked (no Content-Length); the status answered."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest("POST", path)
    connection.putheader("Content-Type", content_type)
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    try:
        for start in range(0, len(body), 65_536):
            part = body[start : start + 65_536]
            connection.send(b"%x\r\n%s\r\n" % (len(part), part))
        connection.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server may answer and close before the whole body is sent
    try:
        return connection.getresponse().status
    finally:
        connection.close()


OVERSIZED_BODIES = [
    ("/api/v1/extract", "application/json", json.dumps({"text": "x" * OVERSIZED}).encode()),
    ("/api/v1/plans", "application/json", json.dumps({"experience": "x" * OVERSIZED}).encode()),
    ("/extract", "application/x-www-form-urlencoded", b"text=" + b"x" * OVERSIZED),
    (
        "/extract",
        "multipart/form-data; boundary=B",
        b'--B\r\nContent-Disposition: form-data; name="text"\r\n\r\n'
        + b"x" * OVERSIZED
        + b"\r\n--B--\r\n",
    ),
]


@pytest.fixture
def dev_server(app: Flask) -> Iterator[int]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.port
    server.shutdown()
    thread.join()


@pytest.mark.parametrize(("path", "content_type", "body"), OVERSIZED_BODIES)
def test_chunked_bodies_over_the_limit_are_413(
    dev_server: int, path: str, content_type: str, body: bytes
) -> None:
    assert chunked_post(dev_server, path, content_type, body) == 413


def test_chunked_bodies_within_the_limit_are_read(dev_server: int) -> None:
    body = json.dumps({"text": "Kubernetes and Python"}).encode()
    assert chunked_post(dev_server, "/api/v1/extract", "application/json", body) == 200


# ---------------------------------------------------------------- gunicorn as deployed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def gunicorn(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    port, log = free_port(), tmp_path / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(
        {
            "ADVISOR_SECRET_KEY": "serving-limits-secret-0123456789",
            "ADVISOR_SKILLS_DATA": str(FIXTURE_TAXONOMY),
            "ADVISOR_INSTANCE_PATH": str(tmp_path / "instance"),
            "BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "1",
        }
    )
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [GUNICORN, "-c", "python:advisor.gunicorn_conf", "advisor.wsgi:app"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(port, process, log)
        yield port, log
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _wait_until_up(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(600):
        try:
            if get(port, "/healthz") == 200:
                return
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError(log.read_text())


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    finally:
        connection.close()


@pytest.mark.slow
def test_gunicorn_limits_and_logs(gunicorn: tuple[int, Path]) -> None:
    port, log = gunicorn
    path, content_type, body = OVERSIZED_BODIES[0]
    assert chunked_post(port, path, content_type, body) == 413
    assert get(port, "/" + "x" * 5_000) in {400, 414}  # limit_request_line
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    profile = {"target_role": "mlops-engineer", "hours_per_week": 5}
    connection.request(
        "POST", "/api/v1/plans", json.dumps(profile), {"Content-Type": "application/json"}
    )
    token = json.loads(connection.getresponse().read())["id"]
    connection.close()
    encoded = f"%{ord(token[0]):02X}{token[1:]}"
    assert get(port, f"/plans/{encoded}") == 200
    get(port, f"/plans//{token}")
    get(port, f"/language/fr?next=%2Fplans%2F{token}")
    time.sleep(0.5)  # the access log is written after the answer
    text = log.read_text()
    assert token not in text and token[1:] not in text
    assert text.count("/plans/…") >= 3
