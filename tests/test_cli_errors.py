"""`advisor plan` answers a wrong file with one line naming it and a non-zero exit, never a
traceback (issue 12, item 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advisor.cli import cli
from tests.conftest import FIXTURE_TAXONOMY

PROFILE = {"target_role": "mlops-engineer", "hours_per_week": 8}


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--data", str(FIXTURE_TAXONOMY)])


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def assert_one_line_error(result: Result, *words: str) -> None:
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    for word in words:
        assert word in lines[0]


@pytest.mark.parametrize(
    "document", [PROFILE, [], {"id": "x"}, {"id": "x", "items": [{"skill": 3}]}, "plan", None]
)
def test_a_previous_file_that_is_not_a_plan_is_refused(tmp_path: Path, document: object) -> None:
    profile = write(tmp_path / "p.json", PROFILE)
    previous = write(tmp_path / "previous.json", document)
    result = run("plan", str(profile), "--previous", str(previous))
    assert_one_line_error(result, str(previous), "not a plan made by advisor")


def test_a_real_previous_plan_is_still_accepted(tmp_path: Path) -> None:
    profile = write(tmp_path / "p.json", PROFILE)
    first = tmp_path / "first.json"
    assert run("plan", str(profile), "-o", str(first)).exit_code == 0
    result = run("plan", str(profile), "--previous", str(first))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["progress"] is not None


@pytest.mark.parametrize("fmt", ["json", "md", "pdf"])
def test_an_output_in_a_missing_folder_is_one_line(tmp_path: Path, fmt: str) -> None:
    profile = write(tmp_path / "p.json", PROFILE)
    target = tmp_path / "missing" / "dir" / f"x.{fmt}"
    result = run("plan", str(profile), "--format", fmt, "-o", str(target))
    assert_one_line_error(result, str(target), "cannot be written", "No such file or directory")
