"""Shared by bench/web.py and bench/load.py: gunicorn servers, wrk runs, and their figures."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POST_LUA = ROOT / "bench" / "post_plan.lua"


@dataclass
class Run:
    requests_per_second: float
    p99_ms: float
    errors: int
    requests: int = 0
    cpu_ms_per_request: float = 0.0


@dataclass
class Server:
    """A running gunicorn: its address, and its master's pid (to read the workers' CPU time)."""

    base: str
    pid: int
    log: Path

    def __str__(self) -> str:
        return self.base

    def __add__(self, path: str) -> str:
        return self.base + path

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        try:
            return [int(p) for p in children.read_text().split()]
        except OSError:
            return []

    def cpu_seconds(self) -> float:
        """CPU time of the workers, live ones and those that exited (reaped by the master)."""
        tick = os.sysconf("SC_CLK_TCK")

        def fields(pid: int) -> list[str]:
            try:
                return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return []

        master = fields(self.pid)
        total = (int(master[13]) + int(master[14])) / tick if master else 0.0
        for pid in self.workers():
            worker = fields(pid)
            if worker:
                total += (int(worker[11]) + int(worker[12])) / tick
        return total

    def restarts(self) -> int:
        """Workers that exited so far (recycled, timed out or crashed; gunicorn boots another)."""
        log = self.log.read_text(errors="replace")
        return log.count("Worker exiting") + log.count("WORKER TIMEOUT")


def ensure_wrk() -> str:
    """wrk from Debian; installed on first use (the benchmark, not the tests, needs it)."""
    if shutil.which("wrk") is None:
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL
        )
    path = shutil.which("wrk")
    assert path, "wrk could not be installed"
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def gunicorn(app: str, env: dict[str, str], *extra: str) -> Iterator[Server]:
    """gunicorn with advisor's production configuration (gunicorn_conf's defaults, unless the
    environment or `extra` command-line options say otherwise)."""
    port = free_port()
    full = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")},
        **env,
        "BIND": f"127.0.0.1:{port}",
    }
    log = Path(tempfile.mkstemp(prefix="advisor-gunicorn-", suffix=".log")[1])
    process = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "-c",
            "python:advisor.gunicorn_conf",
            "--access-logfile",
            "/dev/null",
            "--chdir",
            str(ROOT / "bench"),
            *extra,
            app,
        ],
        env=full,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield Server(base, process.pid, log)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def advisor_env(database_url: str, folder: Path) -> dict[str, str]:
    return {
        "ADVISOR_SECRET_KEY": "benchmark-secret-0123456789abcdef",
        "ADVISOR_DATABASE_URL": database_url,
        "ADVISOR_INSTANCE_PATH": str(folder),
        "ADVISOR_RATELIMIT_ENABLED": "false",
    }


def create_plan(base: Server | str) -> str:
    body = json.dumps(profile()).encode()
    request = urllib.request.Request(
        str(base) + "/api/v1/plans",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return str(json.loads(response.read())["id"])


def profile() -> dict[str, object]:
    return {
        "language": "en",
        "target_role": "mlops-engineer",
        "hours_per_week": 8,
        "assessments": {"foundations.python": 3, "foundations.linux": 3, "foundations.docker": 2},
    }


def wrk(
    url: str,
    seconds: int,
    connections: int,
    script: Path | None = None,
    server: Server | None = None,
) -> Run:
    """One wrk run; with `server`, the CPU its workers spent per request is measured too."""
    cpu = server.cpu_seconds() if server else 0.0
    command = [ensure_wrk(), "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"99%\s+([\d.]+\w+)", out).group(1))  # type: ignore[union-attr]
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    spent = (server.cpu_seconds() - cpu) * 1000 / max(requests, 1) if server else 0.0
    return Run(rps, p99, errors + (int(non_2xx.group(1)) if non_2xx else 0), requests, spent)


def _ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]", "", text)  # type: ignore[union-attr]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="advisor-bench-"))
