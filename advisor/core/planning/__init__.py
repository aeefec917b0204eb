"""Planning: from a person's profile to a ranked, staged, scheduled plan.

It owns the profile and its validation, the role fit (a scikit-learn estimator), the gaps and
their priority, the credit for related skills, the two stages (the core at a working level,
then the role's full level), each skill's parts and their order of study, the schedule in
weeks, the plan's values and milestones, the planner that runs those steps, and the progress
between two assessments, and a team's view of a role that singles no member out. See
docs/ranking.md and docs/teams.md.

The role-fit model imports scikit-learn (about a second): `RoleFitModel` and `fit_role_model`
are loaded at their first use, so a command that only reads a saved plan never pays for it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from advisor.core.planning.gaps import Gap, find_gaps
from advisor.core.planning.implied import ImpliedLevel, implied_levels, with_floors
from advisor.core.planning.plan import (
    DeadlineCheck,
    Milestone,
    Part,
    PartDone,
    PartInProgress,
    Plan,
    PlanItem,
    Reason,
    RoleFit,
    Step,
    WhatIf,
)
from advisor.core.planning.planner import Planner
from advisor.core.planning.priority import FACTOR_WEIGHTS
from advisor.core.planning.profile import (
    INVALID_UNICODE,
    Profile,
    is_unicode_text,
    parse_profile,
    resolve_skill_id,
)
from advisor.core.planning.progress import LevelChange, Progress, measure_progress
from advisor.core.planning.relatedness import Relatedness, Transfer, transfer_for
from advisor.core.planning.schedule import (
    STUDY_SHARE_IN_ROLE,
    Period,
    Placement,
    months_of,
    place_blocks,
    schedule_periods,
)
from advisor.core.planning.stage_targets import (
    CORE_IMPORTANCE,
    DEEPEN,
    READY,
    READY_WEEKS,
    STAGES,
    WORKING_LEVEL,
    planned_level,
)
from advisor.core.planning.team import (
    MIN_CELL,
    MIN_SHARED,
    Band,
    HeatRow,
    SharedGap,
    TeamSettings,
    TeamView,
    bands_of,
    parse_team,
    team_view,
)

if TYPE_CHECKING:
    from advisor.core.planning.role_fit import RoleFitModel, fit_role_model

# Names loaded at their first use, and the module that holds each.
_LAZY = {"RoleFitModel": "role_fit", "fit_role_model": "role_fit"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CORE_IMPORTANCE",
    "MIN_CELL",
    "MIN_SHARED",
    "DEEPEN",
    "FACTOR_WEIGHTS",
    "INVALID_UNICODE",
    "READY",
    "READY_WEEKS",
    "STAGES",
    "STUDY_SHARE_IN_ROLE",
    "WORKING_LEVEL",
    "DeadlineCheck",
    "Gap",
    "Band",
    "HeatRow",
    "SharedGap",
    "TeamSettings",
    "TeamView",
    "ImpliedLevel",
    "LevelChange",
    "Milestone",
    "Part",
    "PartDone",
    "PartInProgress",
    "Period",
    "Placement",
    "Plan",
    "PlanItem",
    "Planner",
    "Profile",
    "Progress",
    "Reason",
    "Step",
    "Relatedness",
    "RoleFit",
    "RoleFitModel",
    "Transfer",
    "WhatIf",
    "find_gaps",
    "implied_levels",
    "fit_role_model",
    "is_unicode_text",
    "measure_progress",
    "months_of",
    "parse_profile",
    "parse_team",
    "bands_of",
    "team_view",
    "place_blocks",
    "planned_level",
    "resolve_skill_id",
    "schedule_periods",
    "transfer_for",
    "with_floors",
]
