"""Reading texts for skills: the matcher (names of the taxonomy and of ESCO's ICT skills, with
character spans into the original text) and its precision rules, the language of a text, its
sentences as evidence, articles read from HTML, Markdown or plain text, job ads read as roles,
the market-demand signal, and emerging terms that no skill names yet.

Extraction reads the taxonomy and knows nothing of plans.
"""

from advisor.core.extraction.article_text import (
    READERS,
    ArticleText,
    is_article_name,
    reader_for,
)
from advisor.core.extraction.demand import ArticleSkills, corpus_weight, demand_signal
from advisor.core.extraction.emerging import EmergingTerm, emerging_terms
from advisor.core.extraction.esco_concepts import EscoConcept, EscoIndex, empty_index, esco_index
from advisor.core.extraction.job_ads import AD_ROLE_ID, AdRequirement, JobAd, read_ad
from advisor.core.extraction.language import detect_language
from advisor.core.extraction.matcher import (
    Extraction,
    Mention,
    SkillMatcher,
    esco_summary,
    extract_skills,
    summary,
)
from advisor.core.extraction.sentences import sentence_bounds, sentences_with

__all__ = [
    "AD_ROLE_ID",
    "READERS",
    "AdRequirement",
    "ArticleSkills",
    "ArticleText",
    "EmergingTerm",
    "EscoConcept",
    "EscoIndex",
    "Extraction",
    "JobAd",
    "Mention",
    "SkillMatcher",
    "corpus_weight",
    "demand_signal",
    "detect_language",
    "emerging_terms",
    "empty_index",
    "esco_index",
    "esco_summary",
    "extract_skills",
    "is_article_name",
    "read_ad",
    "reader_for",
    "sentence_bounds",
    "sentences_with",
    "summary",
]
