"""`advisor plan PROFILE.json`: JSON and Markdown out, errors that name the file and field."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from advisor.cli import cli

FIXTURE = str(Path(__file__).parent / "fixtures" / "taxonomy")


def write(tmp_path: Path, content: str, name: str = "profile.json") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--data", FIXTURE])
    return result.exit_code, result.stdout, result.stderr


def test_json_plan_to_a_file(tmp_path: Path) -> None:
    profile = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 8}))
    out = tmp_path / "plan.json"
    code, _, _ = run("plan", str(profile), "-o", str(out))
    assert code == 0
    plan = json.loads(out.read_text(encoding="utf-8"))
    assert plan["target_role"]["id"] == "mlops-engineer"
    assert [i["rank"] for i in plan["items"]] == list(range(1, len(plan["items"]) + 1))
    assert plan["weeks"] == -(-plan["total_hours"] // 8)


def test_markdown_plan_in_french(tmp_path: Path) -> None:
    profile = write(
        tmp_path,
        json.dumps({"language": "fr", "target_role": "mlops-engineer", "hours_per_week": 8}),
    )
    code, out, _ = run("plan", str(profile), "--format", "md")
    assert code == 0
    assert out.startswith("# Plan d’apprentissage — Ingénieur·e MLOps")
    assert "| 1 | " in out and "Pourquoi" in out


def test_a_previous_plan_adds_progress(tmp_path: Path) -> None:
    first = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 8}))
    old = tmp_path / "old.json"
    assert run("plan", str(first), "-o", str(old))[0] == 0
    second = write(
        tmp_path,
        json.dumps(
            {
                "target_role": "mlops-engineer",
                "hours_per_week": 8,
                "assessments": {"foundations.containers": 2},
            }
        ),
        "second.json",
    )
    code, out, _ = run("plan", str(second), "--previous", str(old))
    assert code == 0
    assert json.loads(out)["progress"]["levels_gained"][0]["skill"] == "foundations.containers"


def test_an_invalid_profile_names_each_field(tmp_path: Path) -> None:
    profile = write(
        tmp_path,
        json.dumps({"target_role": "astronaut", "hours_per_week": 61, "assessments": {"x": 1}}),
    )
    code, _, err = run("plan", str(profile))
    assert code == 1
    assert f"{profile}: target_role: unknown role 'astronaut'" in err
    assert f"{profile}: hours_per_week: must be from 1 to 60, not 61" in err
    assert f"{profile}: assessments.x: unknown skill 'x'" in err


def test_broken_json_names_the_file_and_line(tmp_path: Path) -> None:
    profile = write(tmp_path, '{\n  "hours_per_week": 8,\n}')
    code, _, err = run("plan", str(profile))
    assert code == 1
    assert f"{profile}:3: not valid JSON" in err


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    code, _, err = run("plan", str(tmp_path / "nope.json"))
    assert code == 1 and "nope.json: cannot be read" in err


def test_a_plan_for_a_job_ad(tmp_path: Path) -> None:
    ad = "MLOps engineer\n\nRequirements:\n- Model serving, Python\n\nNice to have:\n- Haskell"
    profile = write(tmp_path, json.dumps({"target_ad": ad, "hours_per_week": 5}))
    code, out, _ = run("plan", str(profile))
    assert code == 0
    role = json.loads(out)["target_role"]
    assert role["from_ad"] is True and role["label"] == "MLOps engineer"
    assert {r["skill"] for r in role["requirements"]} == {
        "mlops.model-serving",
        "foundations.python",
    }
    assert [o["label"] for o in role["outside_taxonomy"]] == ["Haskell"]


def test_a_role_and_an_ad_together_name_the_field(tmp_path: Path) -> None:
    both = {"target_role": "mlops-engineer", "target_ad": "Python", "hours_per_week": 5}
    code, _, err = run("plan", str(write(tmp_path, json.dumps(both))))
    assert code != 0 and "target_ad: give either target_role or target_ad" in err


def test_extract_json_lists_esco_concepts(tmp_path: Path) -> None:
    ad = write(tmp_path, "We use Python and Erlang.", "ad.txt")
    code, out, _ = run("extract", "--json", str(ad))
    assert code == 0
    found = json.loads(out)
    assert {c["label"] for c in found["esco"]} >= {"Erlang"}
    erlang = next(c for c in found["esco"] if c["label"] == "Erlang")
    assert erlang["spans"] == [[18, 24]] and erlang["uri"].startswith("http://data.europa.eu/")


def test_prefill_typical_from_the_command_line_says_what_was_assumed(tmp_path: Path) -> None:
    profile = write(
        tmp_path,
        json.dumps(
            {
                "language": "fr",
                "target_role": "mlops-engineer",
                "hours_per_week": 6,
                "current_role": "administrateur systèmes Linux",
            }
        ),
    )
    shipped = CliRunner()
    plain = shipped.invoke(cli, ["plan", str(profile), "--format", "md"]).stdout
    assert "**Poste d’origine**\u00a0: Administrateur·rice systèmes Linux." in plain
    assert "n’ont pas été appliqués" in plain and '`"prefill": "typical"`' in plain
    assumed = shipped.invoke(cli, ["plan", str(profile), "--format", "md", "--prefill", "typical"])
    assert assumed.exit_code == 0
    assert "Ses niveaux habituels tiennent lieu de ceux des 12 compétences" in assumed.stdout
    body = json.loads(shipped.invoke(cli, ["plan", str(profile), "--prefill", "typical"]).stdout)
    assert body["assumed"]["origin_role"] == "linux-sysadmin"


def test_pdf_two_pages_or_the_full_plan(tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    profile = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 6}))
    summary, full = tmp_path / "plan.pdf", tmp_path / "full.pdf"
    assert run("plan", str(profile), "--format", "pdf", "-o", str(summary))[0] == 0
    assert run("plan", str(profile), "--format", "pdf", "--details", "-o", str(full))[0] == 0
    assert len(PdfReader(io.BytesIO(summary.read_bytes())).pages) == 2
    assert len(PdfReader(io.BytesIO(full.read_bytes())).pages) > 2


def test_ics_plan_with_a_start_weekday_and_time(tmp_path: Path) -> None:
    from icalendar import Calendar

    profile = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 6}))
    code, out, _ = run(
        "plan", str(profile), "--format", "ics", "--start", "2027-03-01", "--weekday", "sunday"
    )
    assert code == 0
    events = Calendar.from_ical(out).walk("VEVENT")
    starts = [e.decoded("DTSTART") for e in events if "DURATION" in e]
    # From Sundays at 9:00: a day holds at most 4 h, the rest of a 6-hour week is on Monday
    # (a second skill that day starts when the first one's block ends).
    assert starts and {s.weekday() for s in starts} == {6, 0}
    assert all(s.hour >= 9 for s in starts)
    assert min(s.time() for s in starts).isoformat() == "09:00:00"
    assert min(starts).date().isoformat() == "2027-03-07"


def test_a_start_too_late_for_the_weeks_hours_is_refused(tmp_path: Path) -> None:
    plan = {"target_role": "mlops-engineer", "hours_per_week": 40}
    profile = write(tmp_path, json.dumps(plan))
    code, _, err = run("plan", str(profile), "--format", "ics", "--at", "21:00")
    assert code == 2
    # 40 hours over seven days is 5 h 45 a day: from 18:15 at the latest, to end by midnight.
    assert "--at: must be 18:15 or earlier" in err


def test_wrong_calendar_options_are_named(tmp_path: Path) -> None:
    profile = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 6}))
    code, _, err = run("plan", str(profile), "--format", "ics", "--at", "7h", "--weekday", "x")
    assert code == 2
    assert "--at: must be a time written HH:MM" in err and "--weekday: must be one of" in err


def test_markdown_says_once_from_which_week_practice_counts(tmp_path: Path) -> None:
    profile = write(tmp_path, json.dumps({"target_role": "mlops-engineer", "hours_per_week": 5}))
    result = CliRunner().invoke(cli, ["plan", str(profile), "--format", "md"])
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("With it, "))
    assert "h of practice at work. From week " in line
    assert line.count("week") == 1
