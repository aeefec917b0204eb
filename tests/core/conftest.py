"""Core tests need no app and no database: a taxonomy, a fitted model and a planner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from advisor.core.planning import Planner, RoleFitModel, fit_role_model
from advisor.core.taxonomy import Taxonomy
from advisor.services.advisor import load_relatedness
from advisor.taxonomy.loading import load_taxonomy

FIXTURE = Path(__file__).parent.parent / "fixtures" / "taxonomy"
SHIPPED = Path(__file__).parent.parent.parent / "skills_data"
TODAY = date(2026, 11, 24)


@pytest.fixture(scope="session")
def small_taxonomy() -> Taxonomy:
    return load_taxonomy(FIXTURE)


@pytest.fixture(scope="session")
def small_model(small_taxonomy: Taxonomy) -> RoleFitModel:
    return fit_role_model(small_taxonomy)


@pytest.fixture(scope="session")
def small_planner(small_taxonomy: Taxonomy, small_model: RoleFitModel) -> Planner:
    return Planner(small_taxonomy, small_model, small_taxonomy.demand_prior(TODAY))


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The taxonomy shipped in skills_data/."""
    return load_taxonomy(SHIPPED)


@pytest.fixture(scope="session")
def model(taxonomy: Taxonomy) -> RoleFitModel:
    return fit_role_model(taxonomy)


@pytest.fixture(scope="session")
def planner(taxonomy: Taxonomy, model: RoleFitModel) -> Planner:
    """The planner as the app builds it, with the shipped relatedness of skills."""
    return Planner(taxonomy, model, taxonomy.demand_prior(TODAY), load_relatedness(taxonomy))
