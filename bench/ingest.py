"""`advisor ingest` of 10,000 articles: wall time and peak memory of the command.

Run with `.venv/bin/python bench/ingest.py`. Articles are Markdown files of 20 SkillSpan
sentences each, with dates spread over two years, written to a temporary folder and ingested
into a fresh SQLite database by the real command. Goal: peak memory under 500 MB.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus_text import documents

ARTICLES = 10_000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="advisor-ingest-bench-"))
    texts = documents(1, sentences_per_document=20)
    base = len(texts)
    docs = [texts[i % base] + f" (article {i})" for i in range(ARTICLES)]
    for i, text in enumerate(docs):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        (folder / f"{i:05d}.md").write_text(
            f"# Job ad {i}\n\ndate: {2025 + i % 2}-{month:02d}-{day:02d}\n\n{text}\n",
            encoding="utf-8",
        )
    size = sum(p.stat().st_size for p in folder.glob("*.md")) / 1e6
    env = {k: v for k, v in os.environ.items() if not k.startswith("ADVISOR_")}
    env.update(
        {
            "ADVISOR_DATABASE_URL": f"sqlite:///{folder / 'ingest.sqlite3'}",
            "ADVISOR_INSTANCE_PATH": str(folder),
        }
    )
    advisor = str(Path(sys.executable).parent / "advisor")
    started = time.perf_counter()
    done = subprocess.run([advisor, "ingest", str(folder)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(done.stdout.strip().splitlines()[-1] if done.stdout else done.stderr)
    print(
        f"{ARTICLES} articles ({size:.1f} MB) in {seconds:.1f} s: "
        f"{ARTICLES / seconds:.0f} articles/s; peak memory {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
