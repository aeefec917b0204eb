"""Finding skills in English and French text, with exact spans."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.core.extraction import (
    SkillMatcher,
    extract_skills,
    summary,
)
from advisor.core.taxonomy import Taxonomy, fold_text
from advisor.taxonomy.loading import load_taxonomy
from tests.core.conftest import SHIPPED


@functools.cache
def shipped_matcher() -> SkillMatcher:
    """One matcher for the properties' examples (a fixture would be built anew per example)."""
    return SkillMatcher(load_taxonomy(SHIPPED))


@pytest.fixture(scope="module")
def matcher(taxonomy: Taxonomy) -> SkillMatcher:
    return SkillMatcher(taxonomy)


def found(matcher: SkillMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.skill, m.text) for m in matcher.find(text)]


def test_spans_point_into_the_original_text(matcher: SkillMatcher) -> None:
    text = "Wir suchen: Retrieval-Augmented Generation (RAG) mit Kubernetes."
    for mention in matcher.find(text):
        assert text[mention.start : mention.end] == mention.text
    assert found(matcher, text) == [
        ("llm-apps.rag", "Retrieval-Augmented Generation (RAG)"),
        ("foundations.kubernetes", "Kubernetes"),
    ]


def test_hyphens_spaces_and_case_do_not_matter_for_ordinary_names(matcher: SkillMatcher) -> None:
    assert found(matcher, "retrieval augmented generation")[0][0] == "llm-apps.rag"
    assert found(matcher, "KUBERNETES and kubernetes")[0][0] == "foundations.kubernetes"


def test_acronyms_are_case_sensitive(matcher: SkillMatcher) -> None:
    assert found(matcher, "a RAG pipeline") == [("llm-apps.rag", "RAG")]
    assert found(matcher, "an old rag and a Rag") == []


def test_go_and_lambda_need_their_context(matcher: SkillMatcher) -> None:
    assert found(matcher, "We write backend services in Go.") == [("foundations.go", "Go")]
    assert found(matcher, "Go to the shop and come back.") == []
    assert ("cloud-native.aws-lambda", "Lambda") in found(
        matcher, "A Lambda behind API Gateway on AWS."
    )
    assert found(matcher, "Lambda calculus is elegant.") == []


def test_french_accents_apostrophes_elisions_and_plurals(matcher: SkillMatcher) -> None:
    text = (
        "L’ingénierie de prompts, l'apprentissage automatique et les bases de données vectorielles."
    )
    assert [s for s, _ in found(matcher, text)] == [
        "llm-apps.prompt-engineering",
        "foundations.ml-fundamentals",
        "llm-apps.vector-databases",
    ]
    assert found(matcher, "des réseaux TCP/IP")[0][0] == "foundations.networking"
    assert found(matcher, "several vector databases")[0][0] == "llm-apps.vector-databases"


def test_french_and_english_mentions_give_the_same_skill(matcher: SkillMatcher) -> None:
    pairs = [
        ("retrieval-augmented generation", "génération augmentée par récupération"),
        ("prompt engineering", "ingénierie de prompts"),
        ("model serving", "mise en service de modèles"),
        ("data drift", "dérive des données"),
        ("infrastructure as code", "infrastructure en tant que code"),
        ("EU AI Act", "règlement européen sur l’IA"),
        ("vector database", "base de données vectorielle"),
        ("machine learning", "apprentissage automatique"),
    ]
    for english, french in pairs:
        assert [s for s, _ in found(matcher, english)] == [s for s, _ in found(matcher, french)], (
            english
        )


def test_the_longest_name_wins_and_the_shorter_is_not_reported(matcher: SkillMatcher) -> None:
    skills = [s for s, _ in found(matcher, "We deploy on AWS Lambda.")]
    assert skills == ["cloud-native.aws-lambda"]  # not also foundations.aws for "AWS"


def test_words_inside_other_words_are_not_mentions(matcher: SkillMatcher) -> None:
    assert found(matcher, "dragons, digitalisation and pythonic names") == []


def test_summary_shape(taxonomy: Taxonomy, matcher: SkillMatcher) -> None:
    extraction = extract_skills("RAG, RAG et Kubernetes pour l’équipe.", taxonomy, "auto", matcher)
    shape = summary(extraction, taxonomy, file="offre.txt")
    assert shape["language"] == "fr" and shape["file"] == "offre.txt"
    assert shape["skills"][0] == {
        "id": "llm-apps.rag",
        "label": "Génération augmentée par récupération (RAG)",
        "count": 2,
        "spans": [[0, 3], [5, 8]],
    }


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_valid_non_overlapping_spans(text: str) -> None:

    found_ = shipped_matcher().find(text)
    assert len(fold_text(text)) == len(text)
    previous_end = 0
    for mention in found_:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.start >= previous_end or mention.start == found_[0].start
        previous_end = max(previous_end, mention.end)


def test_inflected_forms_match_in_both_languages(matcher: SkillMatcher) -> None:
    assert skills_of(matcher, "Vous concevrez une base de données vectorielle.") == [
        "llm-apps.vector-databases"
    ]
    assert skills_of(matcher, "Les bases de données vectorielles.") == ["llm-apps.vector-databases"]
    assert skills_of(matcher, "We tune several vector databases.") == ["llm-apps.vector-databases"]


def test_verbs_made_from_english_nouns_in_french(matcher: SkillMatcher) -> None:
    assert skills_of(matcher, "Il faut fine-tuner un modèle sur nos données.") == [
        "llm-apps.fine-tuning"
    ]
    assert "foundations.docker" in skills_of(matcher, "Conteneuriser une application Java.")
    assert "foundations.docker" in skills_of(matcher, "We containerize every service with Docker.")


def test_plural_acronyms_keep_their_case(matcher: SkillMatcher) -> None:
    assert found(matcher, "We run models on GPUs.") == [("ai-infrastructure.gpu-computing", "GPUs")]
    assert found(matcher, "Nos modèles tournent sur des GPUs.") == [
        ("ai-infrastructure.gpu-computing", "GPUs")
    ]
    assert found(matcher, "Two RAGs, then old rags.") == [("llm-apps.rag", "RAGs")]


def test_an_acronym_and_its_expansion_are_one_mention(matcher: SkillMatcher) -> None:
    assert found(matcher, "Our stack uses IaC (Infrastructure as Code) everywhere.") == [
        ("foundations.terraform", "IaC (Infrastructure as Code)")
    ]
    assert found(matcher, "Nous pratiquons l'Infrastructure as Code (IaC) au quotidien.") == [
        ("foundations.terraform", "Infrastructure as Code (IaC)")
    ]


def test_an_adjective_may_stand_inside_a_term(matcher: SkillMatcher) -> None:
    assert found(matcher, "Vous construirez des pipelines robustes de données.") == [
        ("data-engineering.etl-elt", "pipelines robustes de données")
    ]
    assert found(matcher, "We build an event-driven scalable architecture.") == [
        ("cloud-native.event-driven-architecture", "event-driven scalable architecture")
    ]


def test_english_terms_in_french_text(matcher: SkillMatcher) -> None:
    text = "Vous maîtrisez le prompt engineering, les vector databases et le machine learning."
    assert skills_of(matcher, text) == [
        "llm-apps.prompt-engineering",
        "llm-apps.vector-databases",
        "foundations.ml-fundamentals",
    ]


def test_a_person_is_not_an_activity(matcher: SkillMatcher) -> None:
    assert skills_of(matcher, "We hire web developers and data engineers.") == []
    assert "software-engineering.web-frontend" in skills_of(matcher, "Front-end development.")


def test_a_lower_case_list_of_tools_reads_acronyms_as_written(matcher: SkillMatcher) -> None:
    assert "foundations.sql" in skills_of(matcher, "e-commerce ruby sql heroku")
    assert "foundations.sql" not in skills_of(matcher, "Some sql, and Ruby.")


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Les", "bases", "de", "données", "GPUs", "(RAG)", "l’IaC", "modernes", "—", "  "]
        ),
        max_size=30,
    )
)
def test_spans_of_french_words_are_whole_words_of_the_original(words: list[str]) -> None:
    text = " ".join(words)
    for mention in shipped_matcher().find(text, "fr"):
        assert text[mention.start : mention.end] == mention.text
        assert mention.start == 0 or not text[mention.start - 1].isalnum()
        assert mention.end == len(text) or not text[mention.end].isalnum()


def skills_of(matcher: SkillMatcher, text: str) -> list[str]:
    return [s for s, _ in found(matcher, text)]


def test_french_names_of_cloud_data_modelling_and_dashboards(matcher: SkillMatcher) -> None:
    def skills(text: str) -> set[str]:
        return set(skills_of(matcher, text))

    assert "foundations.cloud-fundamentals" in skills("Expérience des plateformes en nuage (AWS).")
    assert "data-engineering.data-modeling" in skills(
        "Il conçoit les schémas : la conception de bases de données relationnelles."
    )
    assert "data-engineering.data-modeling" in skills("Database design for a payments team.")
    # "Dashboards" and « tableaux de bord » are business intelligence next to data words only.
    assert "data-engineering.bi-dashboards" in skills(
        "Créer des tableaux de bord qui suivent les indicateurs de vente."
    )
    assert "data-engineering.bi-dashboards" in skills("Build dashboards on top of SQL views.")
    assert skills("Le tableau de bord de la voiture affiche la vitesse.") == set()


def test_architecture_of_systems_is_system_design_next_to_software(matcher: SkillMatcher) -> None:
    def skills(text: str) -> set[str]:
        return set(skills_of(matcher, text))

    assert "software-architecture.system-design" in skills(
        "Architecture de systèmes logiciels à forte charge."
    )
    # Electronics and the enterprise's information systems are other trades.
    assert skills("Architecture des systèmes électroniques embarqués.") == set()
    assert skills("Architecture des systèmes d'information de la banque.") == set()


def test_streaming_and_flux_need_their_context(matcher: SkillMatcher) -> None:
    def skills(text: str) -> set[str]:
        return set(skills_of(matcher, text))

    assert "data-engineering.stream-processing" in skills("Pipelines batch et streaming.")
    assert skills("A video streaming service for families.") == set()
    assert "cloud-native.gitops" in skills("Deploy with Flux on our Kubernetes clusters.")
    assert skills("Les flux de travail de l'équipe.") == set()
    assert skills("Flux de travail et organisation.") == set()
