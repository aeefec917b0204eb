"""A folder of articles cannot make `advisor ingest` read outside it, hang, or exhaust memory,
and one bad file never costs the others (issue 12, item 1)."""

from __future__ import annotations

import os
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from advisor.cli import cli
from advisor.persistence.engine import make_engine, prepare
from advisor.persistence.store import Store
from advisor.services import corpus
from advisor.services.advisor import build_advisor
from tests.conftest import FIXTURE_TAXONOMY

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ARTICLE = "# Serving models\n\nTeams need model serving and Kubernetes.\n"


def ingest(tmp_path: Path, *paths: Path) -> Result:
    env = {
        "ADVISOR_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "ADVISOR_INSTANCE_PATH": str(tmp_path / "instance"),
        "ADVISOR_SKILLS_DATA": str(FIXTURE_TAXONOMY),
    }
    return CliRunner().invoke(cli, ["ingest", *map(str, paths)], env=env)


def stored_texts(tmp_path: Path) -> str:
    engine = make_engine(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT title, source, text FROM article").fetchall()
    engine.dispose()
    return "\n".join(" ".join(map(str, row)) for row in rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.md").write_text(ARTICLE, encoding="utf-8")
    return articles


def test_links_to_files_outside_the_folder_are_refused(tmp_path: Path, folder: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:SECRET-KEY-1234:/root:/bin/bash\n", encoding="utf-8")
    (folder / "p.txt").symlink_to(secret)
    (folder / "e.txt").symlink_to("/proc/self/environ")
    result = ingest(tmp_path, folder)
    assert result.exit_code == 0, result.output
    assert "added 1," in result.output
    assert f"{folder / 'p.txt'}: refused: is a symbolic link to a file outside its folder" in (
        result.stderr
    )
    assert f"{folder / 'e.txt'}: refused:" in result.stderr
    assert "SECRET-KEY-1234" not in stored_texts(tmp_path)


def test_a_link_named_directly_may_not_leave_its_folder_either(
    tmp_path: Path, folder: Path
) -> None:
    # `advisor ingest folder/*` names every file: the shell's glob must not open a way out.
    (folder / "p.txt").symlink_to("/etc/passwd")
    result = ingest(tmp_path, folder / "p.txt")
    assert result.exit_code != 0
    assert "outside its folder" in result.stderr
    assert "root:" not in stored_texts(tmp_path)


def test_a_link_inside_the_folder_is_followed(tmp_path: Path, folder: Path) -> None:
    (folder / "alias.md").symlink_to(folder / "good.md")
    result = ingest(tmp_path, folder)
    assert "added 1, already known 1, refused 0" in result.output


def test_a_fifo_is_refused_without_waiting(tmp_path: Path, folder: Path) -> None:
    os.mkfifo(folder / "f.txt")
    outcome: list[Result] = []
    worker = threading.Thread(target=lambda: outcome.append(ingest(tmp_path, folder)))
    worker.start()
    worker.join(timeout=60)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(folder / "f.txt", "wb"):
            pass
        pytest.fail("ingest waited on a FIFO")
    assert f"{folder / 'f.txt'}: refused: is not a regular file" in outcome[0].stderr
    assert "added 1," in outcome[0].output


def test_links_to_devices_are_refused_even_inside_the_folder(tmp_path: Path) -> None:
    # /dev/zero claims a size of 0: only a bounded read or a refusal keeps memory flat.
    inside = tmp_path / "articles"
    inside.mkdir()
    (inside / "z.txt").symlink_to("/dev/zero")
    found = corpus.find_articles([inside])
    assert found.files == []
    assert found.refused[0][1] == "is a symbolic link to a file outside its folder"
    with pytest.raises(ValueError, match="not a regular file"):
        corpus.read_article(inside / "z.txt")  # even when a caller skips the folder checks


def test_reads_are_bounded_whatever_size_the_file_claims(tmp_path: Path) -> None:
    from advisor.core.limits import MAX_ARTICLE_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 10))
    with pytest.raises(ValueError, match="too large"):
        corpus.read_article(big)


def test_a_name_that_is_not_utf8_is_reported_and_the_rest_saved(
    tmp_path: Path, folder: Path
) -> None:
    bad = os.path.join(os.fsencode(folder), b"z\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(b"Kubernetes everywhere.\n")
    result = ingest(tmp_path, folder)
    assert result.exit_code == 0, result.output
    assert "z\\xff.txt: refused: its name is not UTF-8" in result.stderr
    assert "added 1, already known 0, refused 1" in result.output


def test_a_missing_path_is_an_error(tmp_path: Path, folder: Path) -> None:
    result = ingest(tmp_path, folder, tmp_path / "no-such-folder")
    assert result.exit_code != 0
    assert f"{tmp_path / 'no-such-folder'}: refused: does not exist" in result.stderr
    assert "added 1," in result.output  # the good folder was still ingested


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\xff\xfe not utf-8")
    result = ingest(tmp_path, broken)
    assert result.exit_code != 0
    assert "no article could be read" in result.stderr


def test_the_service_reports_what_it_refused(tmp_path: Path, folder: Path) -> None:
    (folder / "p.txt").symlink_to("/etc/passwd")
    engine = make_engine(f"sqlite:///{tmp_path / 'service.sqlite3'}")
    prepare(engine)
    advisor = build_advisor(FIXTURE_TAXONOMY, date(2026, 11, 24))
    report = corpus.ingest([folder], store=Store(engine), advisor=advisor, now=NOW)
    engine.dispose()
    assert report.added == 1
    assert [(p.name, r) for p, r in report.refused] == [
        ("p.txt", "is a symbolic link to a file outside its folder")
    ]
