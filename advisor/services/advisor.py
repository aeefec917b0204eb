"""The fitted advisor: the taxonomy, the role model and the planner, built once per process."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advisor import resources
from advisor.core.esco import EscoIndex, esco_index
from advisor.core.extraction import SkillMatcher
from advisor.core.planning import Planner
from advisor.core.taxonomy import Taxonomy
from advisor.taxonomy.files import load_taxonomy

if TYPE_CHECKING:  # scikit-learn loads only where the model is fitted
    from advisor.core.scoring import RoleFitModel


@dataclass(frozen=True)
class Advisor:
    """What every plan is computed with: loaded and fitted once per process, then shared."""

    taxonomy: Taxonomy
    model: RoleFitModel
    planner: Planner
    demand: Mapping[str, float]
    matcher: SkillMatcher
    esco: EscoIndex

    def with_demand(self, demand: Mapping[str, float]) -> Planner:
        """A planner that weighs market demand by `demand` instead of the sources' prior."""
        return Planner(self.taxonomy, self.model, demand)


def skills_data_path(configured: str | Path | None) -> Path:
    """The taxonomy folder to use: the configured one, else the bundled one."""
    return Path(configured) if configured else resources.skills_data_dir()


def build_advisor(folder: Path, today: date) -> Advisor:
    """Load the taxonomy in `folder` and fit the role model on it (about a second)."""
    from advisor.core.scoring import fit_role_model

    taxonomy = load_taxonomy(folder)
    model = fit_role_model(taxonomy)
    prior = taxonomy.demand_prior(today)
    esco = load_esco_index(taxonomy)
    matcher = SkillMatcher(taxonomy, esco)
    return Advisor(taxonomy, model, Planner(taxonomy, model, prior), prior, matcher, esco)


def load_esco_index(taxonomy: Taxonomy) -> EscoIndex:
    """The bundled ESCO ICT index, linked to `taxonomy`'s skills."""
    data = json.loads(resources.esco_index_file().read_text(encoding="utf-8"))
    return esco_index(data, taxonomy)
