"""Use cases shared by the web views and the CLI; collaborators are passed in, never looked up."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from advisor import repository, resources, taxonomy_files
from advisor.core import serialize
from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy_yaml import Problem


@dataclass(frozen=True)
class Health:
    """What `/healthz` reports: whether the database answered, and why not if it did not."""

    database_ok: bool
    detail: str = "ok"


def check_health(*, session: Session) -> Health:
    """Ask the database a trivial question; a failure is reported, not raised."""
    try:
        ok = repository.database_answers(session=session)
    except SQLAlchemyError as error:
        return Health(database_ok=False, detail=type(error).__name__)
    return Health(database_ok=ok, detail="ok" if ok else "unexpected answer")


def skills_data_path(configured: str | Path | None) -> Path:
    """The taxonomy folder to use: the configured one, else the bundled one."""
    return Path(configured) if configured else resources.skills_data_dir()


def check_taxonomy(folder: Path) -> list[Problem]:
    """Every problem in a taxonomy folder, with file, line and field."""
    return taxonomy_files.check_taxonomy(folder)


def load_taxonomy(folder: Path) -> Taxonomy:
    """The taxonomy in `folder`; raises `TaxonomyError` listing its problems."""
    return taxonomy_files.load_taxonomy(folder)


def taxonomy_summary(taxonomy: Taxonomy) -> str:
    """One line of counts a curator can eyeball after a check."""
    linked = sum(1 for s in taxonomy.skills.values() if s.esco)
    return (
        f"version {taxonomy.version}: {len(taxonomy.skills)} skills in "
        f"{len(Counter(s.domain for s in taxonomy.skills.values()))} domains, "
        f"{len(taxonomy.roles)} roles, {len(taxonomy.sources)} sources, "
        f"{linked} ESCO links"
    )


def export_taxonomy(taxonomy: Taxonomy, today: date | None = None) -> dict[str, Any]:
    """The whole taxonomy as JSON-ready data, each skill with its demand prior."""
    demand = taxonomy.demand_prior(today or date.today())
    return serialize.taxonomy_dict(taxonomy, demand)
