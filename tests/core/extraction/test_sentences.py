"""Sentences as evidence: which sentences of a text mention each skill."""

from __future__ import annotations

import pytest

from advisor.core.extraction import (
    SkillMatcher,
    sentences_with,
)
from advisor.core.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def matcher(taxonomy: Taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)


def test_sentences_are_kept_as_evidence(matcher: SkillMatcher) -> None:
    text = "Intro. We use Kubernetes daily! Nothing else here."
    evidence = sentences_with(text, matcher.find(text))
    assert evidence == {"foundations.kubernetes": ("We use Kubernetes daily!",)}


def test_evidence_sentences_ignore_hard_wraps() -> None:
    from advisor.core.extraction import Mention, sentences_with

    text = (
        "We deploy our machine learning models to production every week with\n"
        "Kubernetes and Argo, e.g. for batch scoring. Then we monitor them.\n"
        "Skills\n- Kubernetes"
    )
    start = text.index("Kubernetes")
    mentions = [Mention("k8s", start, start + 10, "Kubernetes")]
    last = text.rindex("Kubernetes")
    mentions.append(Mention("k8s", last, last + 10, "Kubernetes"))
    assert sentences_with(text, mentions)["k8s"] == (
        "We deploy our machine learning models to production every week with Kubernetes and "
        "Argo, e.g. for batch scoring.",
        "- Kubernetes",
    )
