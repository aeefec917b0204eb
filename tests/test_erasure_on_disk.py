"""An erased plan leaves no copy of what the person typed in the SQLite files: not in the
database, not in its write-ahead log, not in the shared-memory index (issue 12, item 6)."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

MARKER = "Zanzibar-quokka-7731 ran the payroll cluster"
ROLE_MARKER = "Quetzal-9042 operator"


def files_of(database: Path) -> dict[str, bytes]:
    found = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{database}{suffix}")
        if path.exists():
            found[path.name] = path.read_bytes()
    return found


def holding(database: Path, text: str) -> list[str]:
    needle = text.encode()
    return [name for name, content in files_of(database).items() if needle in content]


def test_deleting_a_plan_removes_its_text_from_every_file(
    client: FlaskClient, tmp_path: Path
) -> None:
    database = tmp_path / "advisor-test.sqlite3"
    profile = {
        "target_role": "mlops-engineer",
        "hours_per_week": 6,
        "experience": MARKER,
        "current_role": ROLE_MARKER,
    }
    created = client.post("/api/v1/plans", json=profile)
    token = created.get_json()["id"]
    # A second plan of the same person, and one of someone else that must stay.
    again = client.post("/api/v1/plans", json={**profile, "previous_plan": token})
    assert again.status_code == 201
    other = client.post(
        "/api/v1/plans", json={"target_role": "python-developer", "hours_per_week": 3}
    )
    assert holding(database, MARKER), "the test must see the text before the erasure"

    assert client.delete(f"/api/v1/plans/{token}").status_code == 204

    assert holding(database, MARKER) == []
    assert holding(database, ROLE_MARKER) == []
    assert holding(database, token) == []
    assert client.get(f"/api/v1/plans/{other.get_json()['id']}").status_code == 200


def test_deleting_from_the_page_scrubs_too(client: FlaskClient, tmp_path: Path) -> None:
    from tests.web.test_flow import step2

    form = {**step2(), "experience": MARKER}
    plan = client.post("/plans", data=form).headers["Location"]
    assert client.post(f"{plan}/delete").status_code == 303
    assert holding(tmp_path / "advisor-test.sqlite3", MARKER) == []
