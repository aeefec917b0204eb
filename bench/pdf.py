"""PDF rendering time against a plain ReportLab document, in the same run.

Run with `.venv/bin/python bench/pdf.py`. Plans are real plans built on the shipped taxonomy
(profiles aimed at the roles with the most requirements). The baseline is a plain ReportLab
document with the same embedded font: a title, a 25-row table of plain strings and a 25-bar
chart. The first render of each (fresh process, fonts registered) is printed, then the median
of `RUNS` renders, interleaved with the baseline's; the ratio is plan ÷ plain document.
Goal: a 25-item plan ≤ 2× the plain document. (A saved plan's PDF is rendered once and its
bytes kept in the database: see services.plans.plan_pdf.)
"""

from __future__ import annotations

import copy
import io
import statistics
import time
from datetime import UTC, date, datetime
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from advisor.pdf import render_plan_pdf
from advisor.pdf.styles import register_fonts
from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.plans import plan_for_profile

RUNS = 30
LINK = "https://advisor.example/plans/x"


def plan_with(items: int, advisor: Advisor) -> dict[str, Any]:
    """A real plan, its items repeated (with new ranks) until it has `items` of them."""
    role = max(advisor.taxonomy.roles.values(), key=lambda r: len(r.requirements))
    profile = {
        "language": "fr",
        "target_role": role.id,
        "hours_per_week": 6,
        "current_role": "Administrateur système",
    }
    _, plan = plan_for_profile(advisor, profile, now=datetime.now(UTC))
    real = plan["items"]
    plan["items"] = []
    for rank in range(1, items + 1):
        item = copy.deepcopy(real[(rank - 1) % len(real)])
        item["rank"] = rank
        plan["items"].append(item)
    return plan


def plain_document() -> bytes:
    """The baseline: a title, a 25-row table of plain strings and a 25-bar chart."""
    regular, bold = register_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4)
    rows = [["#", "Compétence", "Niveau", "Heures", "Semaines", "Priorité"]]
    rows += [
        [str(n), f"Compétence numéro {n} — données", f"{n % 4} → 4", "24", f"{n}–{n + 3}", "0.61"]
        for n in range(1, 26)
    ]
    table = Table(rows, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 8.5)]))
    drawing = Drawing(170 * mm, 440)
    bars = HorizontalBarChart()
    bars.x, bars.y, bars.width, bars.height = 62 * mm, 30, 100 * mm, 400
    bars.data = [[n % 4 for n in range(25)], [4] * 25]
    bars.categoryAxis.categoryNames = [f"Compétence {n}" for n in range(25)]
    bars.categoryAxis.labels.fontName = regular
    drawing.add(bars)
    title = Paragraph("Plan d’apprentissage", ParagraphStyle("t", fontName=bold, fontSize=20))
    document.build([title, table, drawing])
    return buffer.getvalue()


def timed(render: Any) -> float:
    started = time.perf_counter()
    render()
    return (time.perf_counter() - started) * 1000


def main() -> None:
    advisor = build_advisor(skills_data_dir(), date.today())
    plans = {count: plan_with(count, advisor) for count in (25, 60)}
    first_plain = timed(plain_document)
    first_plan = timed(lambda: render_plan_pdf(plans[25], LINK))
    print(f"first render : plain document {first_plain:6.1f} ms, 25-item plan {first_plan:6.1f} ms")
    for count, plan in plans.items():
        plain, mine = [], []
        for _ in range(RUNS):
            plain.append(timed(plain_document))
            mine.append(timed(lambda plan=plan: render_plan_pdf(plan, LINK)))
        size = len(render_plan_pdf(plan, LINK))
        ratio = statistics.median(mine) / statistics.median(plain)
        print(
            f"{count:3d} items: median {statistics.median(mine):6.1f} ms, "
            f"plain document {statistics.median(plain):5.1f} ms, ratio {ratio:5.2f}x, "
            f"{size / 1024:5.1f} KiB"
        )


if __name__ == "__main__":
    main()
