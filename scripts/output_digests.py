"""Digests of what advisor produces, to show that a change of code changes no output.

Run with `.venv/bin/python scripts/output_digests.py > digests.txt` on two commits and compare
the files (`diff`): one line per output, `name sha256`. It plans a sweep of profiles (every
target role, and none, against every origin role's typical levels, and none; both languages,
with and without a deadline, at several weekly hours) and the personas of `bench/personas.py`,
as JSON and Markdown, a PDF per target role (its text, page by page), the extraction of the
labelled job-ad sentences in `../shared/data/benchmarks/` and of the French VDAB check, and the
taxonomy export. Dates are those of a fixed day, so two runs on different days agree.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from advisor.resources import skills_data_dir
from advisor.services.advisor import Advisor, build_advisor
from advisor.services.plan_build import plan_for_profile

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = next(
    (
        p / "shared" / "data" / "benchmarks"
        for p in ROOT.parents
        if (p / "shared" / "data").is_dir()
    ),
    ROOT.parent / "shared" / "data" / "benchmarks",
)
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
HOURS = (3, 6, 10)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")


def sweep(advisor: Advisor) -> Iterator[tuple[str, dict[str, Any]]]:
    """Profiles over every target role (and none) and every origin role (and none)."""
    roles = [None, *sorted(advisor.taxonomy.roles)]
    origins = [None, *sorted(advisor.taxonomy.origin_roles)]
    index = 0
    for role in roles:
        for origin in origins:
            typical = advisor.taxonomy.origin_roles[origin].typical if origin else {}
            profile: dict[str, Any] = {
                "language": ("en", "fr")[index % 2],
                "target_role": role,
                "hours_per_week": HOURS[index % len(HOURS)],
                "assessments": dict(typical),
            }
            if index % 3 == 0:
                profile["deadline_weeks"] = 26
            index += 1
            yield f"sweep:{role}:{origin}", profile


def bench_personas(advisor: Advisor) -> Iterator[tuple[str, dict[str, Any]]]:
    spec = importlib.util.spec_from_file_location("personas", ROOT / "bench" / "personas.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, profile in module.personas(advisor).items():
        yield f"persona:{name}", profile


def plan_outputs(advisor: Advisor) -> Iterator[tuple[str, str]]:
    from advisor.core.wording import plan_markdown
    from advisor.i18n import words_for

    pdf_roles: set[str | None] = set()
    for name, profile in [*sweep(advisor), *bench_personas(advisor)]:
        _, plan = plan_for_profile(advisor, profile, now=NOW, plan_id="digest")
        yield f"{name}:json", digest(canonical(plan))
        yield f"{name}:md", digest(plan_markdown(plan, words_for(plan["language"])).encode())
        role = profile.get("target_role")
        if role not in pdf_roles:
            pdf_roles.add(role)
            yield f"{name}:pdf", digest(pdf_text(advisor, plan).encode("utf-8"))


def pdf_text(advisor: Advisor, plan: dict[str, Any]) -> str:
    from advisor.pdf import render_plan_pdf
    from advisor.services.assessment import skill_labels, skill_quotes

    labels, quotes = skill_labels(advisor, plan["language"]), skill_quotes(advisor, plan)
    reader = PdfReader(io.BytesIO(render_plan_pdf(plan, labels=labels, quotes=quotes)))
    return "\f".join(page.extract_text() for page in reader.pages)


def texts() -> Iterator[tuple[str, str]]:
    gold = BENCHMARKS / "decorte_validation" / "validation_gold.jsonl"
    for number, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        yield f"decorte:{number}", json.loads(line)["sentence"]
    vdab = BENCHMARKS / "vdab_fr" / "derived_ict_subset_fr.csv"
    with vdab.open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.DictReader(stream)):
            yield f"vdab:{number}", row["vdab_label_fr"]


def extraction_outputs(advisor: Advisor) -> Iterator[tuple[str, str]]:
    from advisor.services.corpus import extract_text

    for name, text in texts():
        yield name, digest(canonical(extract_text(advisor, text, "auto")))


def taxonomy_outputs(advisor: Advisor) -> Iterator[tuple[str, str]]:
    from advisor.services.taxonomy import export_taxonomy

    yield "taxonomy:export", digest(canonical(export_taxonomy(advisor.taxonomy, TODAY)))


def main() -> int:
    advisor = build_advisor(skills_data_dir(), TODAY)
    everything = hashlib.sha256()
    for produce in (plan_outputs, extraction_outputs, taxonomy_outputs):
        for name, value in produce(advisor):
            everything.update(f"{name} {value}\n".encode())
            sys.stdout.write(f"{name} {value}\n")
    sys.stdout.write(f"all {everything.hexdigest()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
