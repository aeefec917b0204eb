"""The first render of a new plan's PDF against a plain ReportLab document, in the same run.

Run with `PYTHONPATH=. .venv/bin/python bench/pdf.py [--rounds N]`.

The plans are real plans on the shipped taxonomy, each new (never rendered before): a French
system administrator aiming at MLOps, and the role with the most requirements, at several
weekly hours. The baseline is a plain ReportLab document with the same number of pages as the
PDF it is compared with, the same embedded font and a chart: a title, a 25-bar chart, and a
25-row table of plain strings on every page.

Two measures, rounds interleaved (plain, summary, plain, full plan, …):
- in one process: each round renders a plan never rendered before (the web app's case);
- cold: each render in a fresh process, right after the plan is made there (as `advisor plan
  --format pdf` does; the plain document's process registers the font), so the first use of
  everything inside the render counts.
Each plan is compared with a plain document of as many pages as its PDF has. The ratio is the
median of the plan's renders ÷ the median of the plain document's.
Goals: the two-page PDF ≤ 2× the plain document; the full plan ≤ 3×.
"""

from __future__ import annotations

import argparse
import copy
import functools
import gc
import io
import json
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

LINK = "https://advisor.example/plans/x"
GOALS = {"summary": 2.0, "details": 3.0}
KINDS = ("summary", "details")


def plain_document(pages: int) -> bytes:
    """The baseline: a title and a 25-bar chart, then a 25-row table of plain strings on each
    of `pages` pages, in the PDF's embedded font."""
    from advisor.pdf.styles import register_fonts

    regular, bold = register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    drawing = Drawing(170 * mm, 300)
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = 62 * mm, 20, 100 * mm, 270
    bars.data = [[n % 4 for n in range(25)], [4] * 25]
    bars.categoryAxis.categoryNames = [f"Compétence {n}" for n in range(25)]
    bars.categoryAxis.labels.fontName = regular
    bars.valueAxis.labels.fontName = regular
    drawing.add(bars)
    story: list[Any] = [
        Paragraph("Plan d’apprentissage", ParagraphStyle("t", fontName=bold, fontSize=20)),
        drawing,
    ]
    for page in range(pages):
        rows = [["#", "Compétence", "Niveau", "Heures", "Semaines", "Priorité"]]
        rows += [
            [
                str(n),
                f"Compétence {page}.{n} — données",
                f"{n % 4} → 4",
                "24",
                f"{n}–{n + 3}",
                "0,61",
            ]
            for n in range(1, 26)
        ]
        table = Table(rows, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 8.5)]))
        story += [table] if page == 0 else [PageBreak(), table]
    document.build(story)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def profiles(count: int) -> list[tuple[dict[str, Any], datetime]]:
    """`count` profiles, each with the moment its plan is made: two people at several weekly
    hours, a day apart (so every plan is new: another id, other dates)."""
    advisor = shipped_advisor()
    widest = max(advisor.taxonomy.roles.values(), key=lambda r: len(r.requirements))
    people = [
        {
            "language": "fr",
            "target_role": "mlops-engineer",
            "current_role": "Administrateur système",
            "assessments": {"foundations.linux": 4, "foundations.networking": 3},
        },
        {"language": "en", "target_role": widest.id, "current_role": "System administrator"},
    ]
    made = datetime(2026, 12, 1, tzinfo=UTC)
    return [
        ({**people[n % 2], "hours_per_week": 4 + n % 5}, made + timedelta(days=n))
        for n in range(count)
    ]


@functools.cache
def shipped_advisor() -> Any:
    from advisor.resources import skills_data_dir
    from advisor.services.advisor import build_advisor

    return build_advisor(skills_data_dir(), date.today())


def plan_of(profile: dict[str, Any], now: datetime) -> dict[str, Any]:
    from advisor.services.plans import plan_for_profile

    return plan_for_profile(shipped_advisor(), profile, now=now)[1]


def render(plan: dict[str, Any], kind: str) -> bytes:
    from advisor.pdf import render_plan_pdf

    return render_plan_pdf(plan, LINK, details=kind == "details")


def timed(work: Any) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


def cold(args: list[str]) -> float:
    """One render in a fresh process, timed there after its imports and the font."""
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def child(argv: list[str]) -> None:
    """In a fresh process: import, register the font (and for a plan, make it, as
    `advisor plan --format pdf` does), then time one render and print it."""
    from advisor.pdf.styles import register_fonts

    register_fonts()
    if argv[0] == "plain":
        print(timed(lambda: plain_document(int(argv[1]))))
        return
    plan = plan_of(json.loads(argv[1]), datetime.fromisoformat(argv[2]))
    print(timed(lambda: render(plan, argv[0])))


def report(name: str, plan_ms: list[float], plain_ms: list[float], pages: list[int]) -> float:
    ratio = statistics.median(plan_ms) / statistics.median(plain_ms)
    goal = GOALS[name.split()[-1]]
    counts = f"{min(pages)}–{max(pages)}" if min(pages) != max(pages) else str(pages[0])
    print(
        f"{name:16s} {counts:>5s} pages: median {statistics.median(plan_ms):6.1f} ms, "
        f"plain document {statistics.median(plain_ms):6.1f} ms, ratio {ratio:4.2f}x "
        f"(goal ≤ {goal:g}x{'' if ratio <= goal else ', missed'})"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20, help="in-process rounds")
    parser.add_argument("--cold-rounds", type=int, default=5, help="fresh-process rounds")
    options = parser.parse_args()
    made = profiles(options.rounds + options.cold_rounds)
    plans = [plan_of(profile, now) for profile, now in made]
    # As a server worker does once started (gunicorn_conf): the taxonomy and the plans are
    # long-lived, not for the collector to walk at every render.
    gc.collect()
    gc.freeze()
    # Each plan's page counts, from a copy (the plan itself stays new).
    pages = [{k: page_count(render(copy.deepcopy(p), k)) for k in KINDS} for p in plans]
    warm = range(options.rounds)
    plain: dict[str, list[float]] = {k: [] for k in KINDS}
    mine: dict[str, list[float]] = {k: [] for k in KINDS}
    for n in warm:
        for kind in KINDS:
            plain[kind].append(timed(lambda n=n, kind=kind: plain_document(pages[n][kind])))
            mine[kind].append(timed(lambda n=n, kind=kind: render(plans[n], kind)))
    print(f"in one process, {len(warm)} new plans, interleaved with the plain document:")
    for kind in KINDS:
        report(f"  {kind}", mine[kind], plain[kind], [pages[n][kind] for n in warm])
    cold_plain: dict[str, list[float]] = {k: [] for k in KINDS}
    cold_mine: dict[str, list[float]] = {k: [] for k in KINDS}
    fresh = range(options.rounds, len(plans))
    for n in fresh:
        profile, now = made[n]
        for kind in KINDS:
            cold_plain[kind].append(cold(["plain", str(pages[n][kind])]))
            cold_mine[kind].append(cold([kind, json.dumps(profile), now.isoformat()]))
    print(f"cold, a fresh process per render, {len(fresh)} rounds interleaved:")
    for kind in KINDS:
        report(
            f"  first {kind}", cold_mine[kind], cold_plain[kind], [pages[n][kind] for n in fresh]
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("plain", "summary", "details"):
        child(sys.argv[1:])
    else:
        main()
