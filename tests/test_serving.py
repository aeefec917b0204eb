"""gunicorn as deployed (gthread, 2 workers × 4 threads), on SQLite and on PostgreSQL: plans
created concurrently all land, a killed worker loses nothing committed, logs keep no tokens."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import FIXTURE_TAXONOMY

pytestmark = pytest.mark.slow
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PROFILE = {
    "language": "fr",
    "target_role": "mlops-engineer",
    "hours_per_week": 7,
    "assessments": {"foundations.python": 2},
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def request(method: str, url: str, body: object | None = None) -> tuple[int, dict[str, object]]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Server:
    def __init__(self, process: subprocess.Popen[bytes], base: str, log: Path) -> None:
        self.process, self.base, self.log = process, base, log

    def workers(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in found.stdout.split()]


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    log = tmp_path / "gunicorn.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(
        {
            "ADVISOR_SECRET_KEY": "serving-test-secret-0123456789",
            "ADVISOR_DATABASE_URL": database_url,
            "ADVISOR_SKILLS_DATA": str(FIXTURE_TAXONOMY),
            "ADVISOR_INSTANCE_PATH": str(tmp_path / "instance"),
            "ADVISOR_RATELIMIT_ENABLED": "false",
            "BIND": f"127.0.0.1:{port}",
        }
    )
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [GUNICORN, "-c", "python:advisor.gunicorn_conf", "advisor.wsgi:app"],
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if request("GET", base + "/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        raise AssertionError(log.read_text())
    yield Server(process, base, log)
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def plan_rows(database_url: str) -> int:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        count = int(connection.execute(text("SELECT COUNT(*) FROM plan")).scalar_one())
    engine.dispose()
    return count


def test_two_hundred_concurrent_plans_all_land(server: Server, database_url: str) -> None:
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(
            pool.map(lambda _: request("POST", server.base + "/api/v1/plans", PROFILE), range(200))
        )
    assert [status for status, _ in results] == [201] * 200
    ids = {body["id"] for _, body in results}
    assert len(ids) == 200
    assert plan_rows(database_url) == 200
    assert server.process.poll() is None


def test_a_killed_worker_loses_no_committed_plan(server: Server) -> None:
    created: list[str] = []
    failures: list[int] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set():
            try:
                status, body = request("POST", server.base + "/api/v1/plans", PROFILE)
            except OSError:
                failures.append(0)  # the connection the killed worker held
                continue
            if status == 201:
                created.append(str(body["id"]))
            else:
                failures.append(status)

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    victim = server.workers()[0]
    os.kill(victim, signal.SIGKILL)
    time.sleep(3.0)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert len(created) > 20
    assert all(status in {0, 500, 502} for status in failures)  # only requests in flight
    for token in created:
        assert request("GET", f"{server.base}/api/v1/plans/{token}")[0] == 200
    assert request("GET", server.base + "/healthz")[0] == 200
    assert victim not in server.workers() and len(server.workers()) == 2


def test_access_logs_keep_no_plan_token(server: Server) -> None:
    status, body = request("POST", server.base + "/api/v1/plans", PROFILE)
    assert status == 201
    token = str(body["id"])
    with urllib.request.urlopen(f"{server.base}/plans/{token}", timeout=30) as page:
        assert page.status == 200
    time.sleep(0.5)
    log = server.log.read_text()
    assert "/plans/…" in log
    assert token not in log
