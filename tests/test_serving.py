"""gunicorn as deployed (gunicorn_conf, two workers), on SQLite and on PostgreSQL: plans
created concurrently all land, a killed worker loses nothing committed, logs keep no tokens."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import bindparam, create_engine, text

from tests.conftest import DATABASES, FIXTURE_TAXONOMY, fresh_database, poll_until

pytestmark = pytest.mark.slow
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
PROFILE = {
    "language": "fr",
    "target_role": "mlops-engineer",
    "hours_per_week": 7,
    "assessments": {"foundations.python": 2},
}
# How a worker killed mid-request can cut its response: a reset or refused connection
# (OSError), or a closed one before or during the reply (http.client.RemoteDisconnected,
# IncompleteRead, BadStatusLine: all HTTPException).
CUT_RESPONSE = (OSError, http.client.HTTPException)


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
    def __init__(
        self, process: subprocess.Popen[bytes], base: str, log: Path, database_url: str
    ) -> None:
        self.process, self.base, self.log, self.database_url = process, base, log, database_url

    def workers(self) -> list[int]:
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in found.stdout.split()]

    def healthy(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.log.read_text()}")
        return request("GET", self.base + "/healthz")[0] == 200

    def wait_until_healthy(self, deadline: float = 120) -> None:
        poll_until(self.healthy, deadline=deadline, failure=self.log.read_text)


@pytest.fixture(scope="session", params=DATABASES)
def shared_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """One gunicorn per database for the whole run; each test makes its own plans (tokens)."""
    folder = tmp_path_factory.mktemp(f"gunicorn-{request.param}")
    with fresh_database(request.param, folder) as database_url:
        port = free_port()
        log = folder / "gunicorn.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
        env.update(
            {
                "ADVISOR_SECRET_KEY": "serving-test-secret-0123456789",
                "ADVISOR_DATABASE_URL": database_url,
                "ADVISOR_SKILLS_DATA": str(FIXTURE_TAXONOMY),
                "ADVISOR_INSTANCE_PATH": str(folder / "instance"),
                "ADVISOR_RATELIMIT_ENABLED": "false",
                "BIND": f"127.0.0.1:{port}",
                # Two workers are enough to see one killed while the other serves.
                "WEB_CONCURRENCY": "2",
            }
        )
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [GUNICORN, "-c", "python:advisor.gunicorn_conf", "advisor.wsgi:app"],
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        served = Server(process, f"http://127.0.0.1:{port}", log, database_url)
        try:
            served.wait_until_healthy()
            yield served
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture
def server(shared_server: Server) -> Server:
    """The shared server, checked alive and answering with both workers before each test."""
    shared_server.wait_until_healthy()
    poll_until(
        lambda: len(shared_server.workers()) == 2,
        deadline=120,
        failure=shared_server.log.read_text,
    )
    return shared_server


def plan_rows(database_url: str, tokens: set[str] | None = None) -> int:
    """How many plans the database holds, or how many of these tokens it holds."""
    engine = create_engine(database_url)
    query = text("SELECT COUNT(*) FROM plan")
    if tokens is not None:
        query = text("SELECT COUNT(*) FROM plan WHERE token IN :tokens").bindparams(
            bindparam("tokens", expanding=True)
        )
    with engine.connect() as connection:
        parameters = {"tokens": sorted(tokens)} if tokens is not None else {}
        count = int(connection.execute(query, parameters).scalar_one())
    engine.dispose()
    return count


def test_two_hundred_concurrent_plans_all_land(server: Server) -> None:
    before = plan_rows(server.database_url)  # the server is shared: count this test's rows
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(
            pool.map(lambda _: request("POST", server.base + "/api/v1/plans", PROFILE), range(200))
        )
    assert [status for status, _ in results] == [201] * 200
    ids = {str(body["id"]) for _, body in results}
    assert len(ids) == 200
    assert plan_rows(server.database_url, ids) == 200
    assert plan_rows(server.database_url) == before + 200
    assert server.process.poll() is None


def test_a_killed_worker_loses_no_committed_plan(server: Server) -> None:
    created: list[str] = []
    failures: list[int] = []
    stop = threading.Event()

    def load() -> None:
        while not stop.is_set():
            try:
                status, body = request("POST", server.base + "/api/v1/plans", PROFILE)
            except CUT_RESPONSE:
                failures.append(0)  # the connection the killed worker held, cut somehow
                continue
            if status == 201:
                created.append(str(body["id"]))
            else:
                failures.append(status)

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        poll_until(lambda: len(created) >= 10, deadline=60, failure=server.log.read_text)
        victim = server.workers()[0]
        os.kill(victim, signal.SIGKILL)
        at_kill = len(created)
        # Plans keep landing after the kill, and the arbiter replaces the dead worker.
        poll_until(
            lambda: (
                len(created) >= at_kill + 15
                and victim not in (workers := server.workers())
                and len(workers) == 2
            ),
            deadline=120,
            failure=server.log.read_text,
        )
    finally:
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
    start = server.log.stat().st_size  # the shared log: look at this test's lines
    with urllib.request.urlopen(f"{server.base}/plans/{token}", timeout=30) as page:
        assert page.status == 200
    poll_until(
        lambda: '"GET /plans/… ' in server.log.read_bytes()[start:].decode(errors="replace"),
        deadline=30,
        failure=server.log.read_text,
    )
    log = server.log.read_text()
    assert "/plans/…" in log
    assert token not in log
