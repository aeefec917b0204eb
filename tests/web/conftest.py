"""A taxonomy wider than the fixture's: a role with many core skills, an "any one of" group,
an origin role and quoted sources, made in a temporary copy of the fixture folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient

from advisor.app import create_app
from tests.conftest import FIXTURE_TAXONOMY

WIDE_SKILLS = 30
QUOTE = "Serving models reliably is now the bottleneck of most machine learning teams."


def _skill(n: int) -> dict[str, object]:
    text = {"en": f"Wide skill {n:02d}", "fr": f"Compétence large {n:02d}"}
    return {
        "id": f"wide.skill-{n:02d}",
        "label": text,
        "aliases": {"en": [f"wide {n:02d}"], "fr": [f"large {n:02d}"]},
        "description": {"en": f"Skill number {n}.", "fr": f"Compétence numéro {n}."},
        "anchors": {
            level: {"en": f"Level {level} of {n}.", "fr": f"Niveau {level} de {n}."}
            for level in (1, 2, 3, 4, 5)
        },
        "prerequisites": [],
        "sources": [{"id": "article-one", "quote": f"Wide skill {n:02d} is in demand."}],
        "effort_hours": [4, 6, 8, 10, 12],
        "resources": [
            {
                "title": "Docs",
                "url": "https://example.org/docs",
                "kind": "docs",
                "language": "en",
                "hours": 2,
                "cost": "free",
            }
        ],
    }


def write_wide_taxonomy(folder: Path) -> Path:
    shutil.copytree(FIXTURE_TAXONOMY, folder)
    domains = yaml.safe_load((folder / "domains.yaml").read_text(encoding="utf-8"))
    domains["domains"].append(
        {
            "id": "wide",
            "label": {"en": "Wide", "fr": "Large"},
            "description": {"en": "Many skills.", "fr": "Beaucoup de compétences."},
        }
    )
    (folder / "domains.yaml").write_text(yaml.safe_dump(domains), encoding="utf-8")
    skills = {"domain": "wide", "skills": [_skill(n) for n in range(1, WIDE_SKILLS + 1)]}
    (folder / "skills" / "wide.yaml").write_text(yaml.safe_dump(skills), encoding="utf-8")
    roles = yaml.safe_load((folder / "roles.yaml").read_text(encoding="utf-8"))
    roles["roles"].append(
        {
            "id": "wide-role",
            "label": {"en": "Wide role", "fr": "Rôle large"},
            "description": {"en": "Needs a lot.", "fr": "Demande beaucoup."},
            "requirements": {
                f"wide.skill-{n:02d}": {"level": 3, "importance": 4 + n % 2} for n in range(1, 23)
            },
            "any_of": [
                {
                    "id": "clouds",
                    "label": {"en": "A cloud", "fr": "Un cloud"},
                    "skills": ["wide.skill-29", "wide.skill-30"],
                    "level": 2,
                    "importance": 5,
                }
            ],
        }
    )
    (folder / "roles.yaml").write_text(yaml.safe_dump(roles, allow_unicode=True), encoding="utf-8")
    origin = {
        "origin_roles": [
            {
                "id": "ops-person",
                "label": {"en": "Operations technician", "fr": "Technicien·ne d’exploitation"},
                "aliases": {"en": ["ops tech"], "fr": ["technicien exploitation"]},
                "description": {"en": "Keeps things running.", "fr": "Fait tourner les choses."},
                "typical": {
                    "foundations.containers": 3,
                    "wide.skill-25": 4,
                    "wide.skill-26": 2,
                    "foundations.python": 1,
                },
            }
        ]
    }
    (folder / "origin_roles.yaml").write_text(
        yaml.safe_dump(origin, allow_unicode=True), encoding="utf-8"
    )
    mlops = (folder / "skills" / "mlops.yaml").read_text(encoding="utf-8")
    shipped = (
        '{id: article-two, quote: "A sentence of article-two about model-serving in production."}'
    )
    cited = f'{{id: article-two, quote: "{QUOTE}"}}'
    assert shipped in mlops
    (folder / "skills" / "mlops.yaml").write_text(
        mlops.replace(shipped, cited, 1), encoding="utf-8"
    )
    return folder


@pytest.fixture
def wide_app(app_config: dict[str, object], tmp_path: Path) -> Iterator[Flask]:
    folder = write_wide_taxonomy(tmp_path / "wide-taxonomy")
    application = create_app({**app_config, "SKILLS_DATA": str(folder)})
    yield application
    application.extensions["advisor.store"].close()


@pytest.fixture
def wide_client(wide_app: Flask) -> FlaskClient:
    return wide_app.test_client()
