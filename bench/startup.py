"""Start-up cost of the command line: median wall time of `advisor --help` over 20 runs.

Run with `.venv/bin/python bench/startup.py`. The baseline is `python -c pass` measured in the
same run, so the ratio shows what advisor adds on top of the interpreter itself.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 20
ADVISOR = str(Path(sys.executable).parent / "advisor")


def median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    baseline = median_seconds([sys.executable, "-c", "pass"])
    help_time = median_seconds([ADVISOR, "--help"])
    print(f"python -c pass : {baseline * 1000:7.1f} ms (median of {RUNS})")
    print(f"advisor --help : {help_time * 1000:7.1f} ms (median of {RUNS})")
    print(f"ratio          : {help_time / baseline:7.2f}x the bare interpreter")


if __name__ == "__main__":
    main()
