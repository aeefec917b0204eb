"""The taxonomy as values: skills, domains, levels, target roles, the roles people come from and
the sources behind them; folding names for lookups; the typography checks of its French and
English; and the taxonomy's plain JSON shapes (`advisor taxonomy export`, the API).

Built by the shell (`advisor.taxonomy`) from `skills_data/`; everything here is immutable.
"""

from advisor.core.taxonomy.folding import fold, fold_text
from advisor.core.taxonomy.json_shapes import (
    SkillShapes,
    skill_dict,
    source_dict,
    taxonomy_dict,
    text_dict,
)
from advisor.core.taxonomy.origin_roles import match_origin_role, typical_levels
from advisor.core.taxonomy.typography import french_faults, pasted_label, without_label
from advisor.core.taxonomy.values import (
    LANGUAGES,
    Alternatives,
    Domain,
    EscoLink,
    Language,
    Level,
    OnetFlag,
    OriginRole,
    Prerequisite,
    Requirement,
    Resource,
    Role,
    Skill,
    Source,
    Taxonomy,
    Text,
    UnknownRole,
    UnknownSkill,
)

__all__ = [
    "LANGUAGES",
    "Alternatives",
    "Domain",
    "EscoLink",
    "Language",
    "Level",
    "OnetFlag",
    "OriginRole",
    "Prerequisite",
    "Requirement",
    "Resource",
    "Role",
    "Skill",
    "SkillShapes",
    "Source",
    "Taxonomy",
    "Text",
    "UnknownRole",
    "UnknownSkill",
    "fold",
    "fold_text",
    "french_faults",
    "match_origin_role",
    "pasted_label",
    "skill_dict",
    "source_dict",
    "taxonomy_dict",
    "text_dict",
    "typical_levels",
    "without_label",
]
