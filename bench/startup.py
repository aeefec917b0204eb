"""Start-up cost of the command line, as medians of fresh processes measured in the same run.

Run with `.venv/bin/python bench/startup.py`.
- `advisor --help` against `python -c pass` (the bare interpreter);
- `advisor plan profile.json` against the bare imports it needs (flask, sklearn, yaml, numpy),
  with the compiled taxonomy already cached (the first run builds it; it is not timed).
Goals: `--help` well under half a second; `advisor plan` ≤ 1.5× those imports.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
ADVISOR = str(Path(sys.executable).parent / "advisor")
IMPORTS = "import flask, sklearn, yaml, numpy"
PROFILE = {
    "language": "en",
    "target_role": "mlops-engineer",
    "hours_per_week": 8,
    "assessments": {"foundations.python": 3, "foundations.linux": 3},
}


def median_seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="advisor-startup-"))
    profile = folder / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")},
        "XDG_CACHE_HOME": str(folder / "cache"),
        "ADVISOR_INSTANCE_PATH": str(folder / "instance"),
    }
    plan = [ADVISOR, "plan", str(profile)]
    subprocess.run(plan, check=True, capture_output=True, env=env)  # fills the cache
    timings = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "advisor --help": [ADVISOR, "--help"],
        f"python -c '{IMPORTS}'": [sys.executable, "-c", IMPORTS],
        "advisor plan profile.json": plan,
    }
    seconds = {name: median_seconds(command, env) for name, command in timings.items()}
    for name, value in seconds.items():
        print(f"{name:42s} {value * 1000:7.1f} ms (median of {RUNS})")
    bare, imports = seconds["python -c pass"], seconds[f"python -c '{IMPORTS}'"]
    print(f"advisor --help ÷ bare interpreter         {seconds['advisor --help'] / bare:7.2f}x")
    plan_ratio = seconds["advisor plan profile.json"] / imports
    print(f"advisor plan ÷ its bare imports           {plan_ratio:7.2f}x")


if __name__ == "__main__":
    main()
