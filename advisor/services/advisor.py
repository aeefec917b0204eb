"""The fitted advisor: the taxonomy, the role model and the planner, built once per process."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advisor import resources
from advisor.core.planning import Planner, Relatedness
from advisor.core.taxonomy import LANGUAGES, CuratorsReport, SkillShapes, Taxonomy, curators_report
from advisor.taxonomy.loading import load_taxonomy

if TYPE_CHECKING:  # scikit-learn loads only where the model is fitted, extraction at first use
    from advisor.core.extraction import EscoIndex, SkillMatcher
    from advisor.core.planning import RoleFitModel


@dataclass(frozen=True)
class Advisor:
    """What every plan is computed with: loaded and fitted once per process, then shared."""

    taxonomy: Taxonomy
    model: RoleFitModel
    planner: Planner
    demand: Mapping[str, float]
    relatedness: Relatedness = Relatedness()
    # The skills' parts of a plan item, shaped once per process (None: shaped per plan).
    shapes: SkillShapes | None = None

    # Built at their first use: the web app asks for them at start-up, while a command that
    # only plans never pays for them.
    @functools.cached_property
    def esco(self) -> EscoIndex:
        """The bundled ESCO ICT index, linked to the taxonomy's skills."""
        return load_esco_index(self.taxonomy)

    @functools.cached_property
    def matcher(self) -> SkillMatcher:
        """The skill matcher of the taxonomy and the ESCO index (for texts and job ads)."""
        from advisor.core.extraction import SkillMatcher

        return SkillMatcher(self.taxonomy, self.esco)

    @functools.cached_property
    def evidence(self) -> CuratorsReport:
        """The curator's report of the taxonomy's evidence, as the taxonomy page shows it."""
        return curators_report(self.taxonomy)

    def with_demand(self, demand: Mapping[str, float]) -> Planner:
        """A planner that weighs market demand by `demand` instead of the sources' prior."""
        return Planner(self.taxonomy, self.model, demand, self.relatedness)


def skills_data_path(configured: str | Path | None) -> Path:
    """The taxonomy folder to use: the configured one, else the bundled one."""
    return Path(configured) if configured else resources.skills_data_dir()


def build_advisor(folder: Path, today: date) -> Advisor:
    """Load the taxonomy in `folder` and fit the role model on it (about a second); the skill
    matcher and the ESCO index are built at their first use (`warm` builds them now)."""
    from advisor.core.planning import fit_role_model

    taxonomy = load_taxonomy(folder)
    model = fit_role_model(taxonomy)
    prior = taxonomy.demand_prior(today)
    related = load_relatedness(taxonomy)
    planner = Planner(taxonomy, model, prior, related)
    shapes = SkillShapes(taxonomy).precompute(LANGUAGES)
    return Advisor(taxonomy, model, planner, prior, related, shapes)


def load_relatedness(taxonomy: Taxonomy, path: Path | None = None) -> Relatedness:
    """The shipped relatedness of skills, limited to the skills `taxonomy` has (a curator's
    taxonomy folder may have fewer, or renamed ones: those simply get no credit)."""
    data = json.loads((path or resources.relatedness_file()).read_text(encoding="utf-8"))
    related = {
        s: {o: v for o, v in others.items() if o in taxonomy.skills}
        for s, others in data.get("related", {}).items()
        if s in taxonomy.skills
    }
    return Relatedness.from_data({"related": related})


def load_esco_index(taxonomy: Taxonomy) -> EscoIndex:
    """The bundled ESCO ICT index, linked to `taxonomy`'s skills."""
    from advisor.core.extraction import esco_index

    data = json.loads(resources.esco_index_file().read_text(encoding="utf-8"))
    return esco_index(data, taxonomy)


def warm(advisor: Advisor) -> Advisor:
    """Build now what `advisor` would build at its first use (a server, at start-up)."""
    _ = advisor.matcher
    _ = advisor.evidence
    return advisor
