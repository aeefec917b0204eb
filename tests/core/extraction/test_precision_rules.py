"""The precision rules of extraction, on the shipped taxonomy and ESCO's ICT skills."""

from __future__ import annotations

import json

import pytest

from advisor.core.extraction import SkillMatcher, esco_index
from advisor.core.extraction.esco_concepts import empty_index, transversal_skills
from advisor.core.taxonomy import Taxonomy
from advisor.resources import esco_index_file


@pytest.fixture(scope="module")
def matcher(taxonomy: Taxonomy) -> SkillMatcher:
    data = json.loads(esco_index_file().read_text(encoding="utf-8"))
    return SkillMatcher(taxonomy, esco_index(data, taxonomy))


def skills(matcher: SkillMatcher, text: str) -> list[str]:
    return [m.skill for m in matcher.find(text)]


def concepts(matcher: SkillMatcher, text: str) -> list[str]:
    return [matcher.esco.label(m.skill, "en") for m in matcher.find_all(text)[1]]


def test_sql_server_is_a_product_not_the_sql_skill(matcher: SkillMatcher) -> None:
    assert "foundations.sql" not in skills(matcher, "Administer SQL Server 2019 clusters.")
    assert "SQL Server" in concepts(matcher, "Administer SQL Server 2019 clusters.")
    assert "foundations.sql" in skills(matcher, "Write SQL for the server team.")


def test_words_that_are_an_esco_concept_name_it_rather_than_a_skill_link(
    matcher: SkillMatcher,
) -> None:
    # "CSS" is ESCO's own concept; the web front-end skill it also names links to front-end
    # design, which the words do not say.
    for text in ("Langage informatique CSS", "Strong CSS skills."):
        assert "software-engineering.web-frontend" in skills(matcher, text)
        assert concepts(matcher, text)[-1:] == ["CSS"]
        assert "implement front-end website design" not in concepts(matcher, text)
    assert "MySQL" in concepts(matcher, "Tuning MySQL queries.")
    assert "operate relational database management system" not in concepts(
        matcher, "Tuning MySQL queries."
    )
    # No ESCO concept is called "HTML": the skill's link stands.
    assert "implement front-end website design" in concepts(matcher, "Semantic HTML pages.")
    # An alternative label is no concept's own name: "Windows scripting" keeps the scripting
    # skill's link beside it.
    assert "use scripting programming" in concepts(matcher, "Windows scripting et PowerShell")


def test_a_vendors_product_is_the_product_not_its_kind(matcher: SkillMatcher) -> None:
    for text in ("Microsoft SQL Server", "Administrer Microsoft SQL Server 2019."):
        assert concepts(matcher, text) == ["SQL Server"]


def test_a_products_name_keeps_its_capital(matcher: SkillMatcher) -> None:
    # "Versant" is a database product under ESCO's database management systems; « versants »
    # are the slopes of a valley.
    assert concepts(matcher, "Migration d'une base Versant vers PostgreSQL.")[:1] == [
        "database management systems"
    ]
    assert concepts(matcher, "Tracer des développements de versants sur schémas") == []


def test_a_french_name_is_not_too_long_for_its_articles(matcher: SkillMatcher) -> None:
    # Seven words with its three « de », three that mean something, like its English label.
    assert concepts(matcher, "Les systèmes de gestion de base de données") == [
        "database management systems"
    ]


def test_a_short_french_name_is_read_as_french(matcher: SkillMatcher) -> None:
    # No common word to tell the language: the elided article does, and « l'infrastructure »
    # is then the word « infrastructure ».
    assert concepts(matcher, "Gérer l'infrastructure TIC") == ["ICT infrastructure"]


def test_a_team_or_a_meeting_is_not_a_skill(matcher: SkillMatcher) -> None:
    assert skills(matcher, "You will support our machine learning developers.") == []
    assert skills(matcher, "You will attend the scrum meetings.") == []
    assert skills(matcher, "Vous rejoindrez l'équipe machine learning.") == []
    assert "foundations.ml-fundamentals" in skills(matcher, "You know machine learning well.")


def test_names_joined_by_a_slash_share_the_team_around_them(matcher: SkillMatcher) -> None:
    assert concepts(matcher, "Experience with working in Scrum/Agile teams is a plus.") == []
    assert concepts(matcher, "Vous rejoindrez l'équipe DevOps/Kubernetes du site.") == []
    assert concepts(matcher, "Vous pratiquez Scrum/Kanban au quotidien.") != []


def test_optimisation_is_mathematics_only_in_its_context(matcher: SkillMatcher) -> None:
    assert skills(matcher, "Cost optimisation of our cloud invoices.") == []
    assert skills(matcher, "Optimisez le stockage des données.") == []
    assert skills(matcher, "Optimize your cloud costs.") == []
    assert "foundations.math-for-ml" in skills(
        matcher, "Optimisation by gradient descent and linear algebra."
    )


def test_cloud_alone_needs_a_cloud_context(matcher: SkillMatcher) -> None:
    assert "foundations.cloud-fundamentals" in skills(
        matcher, "Migrate our apps to the cloud (AWS)."
    )
    assert "foundations.cloud-fundamentals" in skills(matcher, "Une expérience du cloud public.")
    assert skills(matcher, "We will draw a word cloud of the answers.") == []


def test_singular_plural_and_hyphen_forms_match(matcher: SkillMatcher) -> None:
    assert "Haskell" in concepts(matcher, "Some Haskell.")
    assert skills(matcher, "one vector database") == ["llm-apps.vector-databases"]
    assert skills(matcher, "two vector databases") == ["llm-apps.vector-databases"]
    assert skills(matcher, "Retrieval-augmented generation") == skills(
        matcher, "retrieval augmented generation"
    )
    assert "e-learning" in concepts(matcher, "Build elearning courses.")


def test_esco_names_a_skill_beyond_the_taxonomy_and_behind_its_links(
    matcher: SkillMatcher,
) -> None:
    found = concepts(matcher, "Python, Erlang and machine learning.")
    assert "Erlang" in found and "machine learning" in found
    assert "search engines" not in concepts(matcher, "Deploy on Google Cloud.")


def test_overlaps_prefer_the_name_the_text_repeats(matcher: SkillMatcher) -> None:
    from advisor.core.extraction.precision_rules import resolve

    # "data science" and "science platform" overlap; the text names the first elsewhere too.
    candidates = [(0, 12, "a"), (5, 21, "b"), (40, 52, "a")]
    assert resolve(candidates) == [(0, 12, "a"), (40, 52, "a")]
    assert resolve([(0, 12, "a"), (5, 21, "b")]) == [(5, 21, "b")]


@pytest.mark.parametrize(
    "text",
    [
        "L'agilité commerciale de nos équipes est un atout.",
        "La transformation organisationnelle est en cours.",
        "Business agility and organisational transformation are on the agenda.",
        "We manage the pipeline of candidates and the sales pipeline.",
        "Le pipeline de candidats et la supervision de l'équipe commerciale.",
        "The tasks include monitoring the animals' health.",
        "La restauration collective et les conteneurs maritimes.",
        "Superviser une unité de production.",
        "We will draw a word cloud of the answers.",
        "Nos commerciaux suivent un profile client précis.",
        # Digital is the medium here, not a computer system.
        "La restauration numérique de films anciens.",
        "Supervision numérique des chantiers.",
        # Using tools is what every trade does; a model calling tools is another thing.
        "Utilisation d'outils de bureautique et du logiciel de paie.",
        "Good tool use and safety awareness are required on the shop floor.",
    ],
)
def test_management_and_hr_vocabulary_gives_nothing(matcher: SkillMatcher, text: str) -> None:
    assert skills(matcher, text) == [] and concepts(matcher, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "L'utilisation d'outils par les agents LLM.",
        "Le modèle choisit ses outils : l’utilisation d’outils est au cœur des agents.",
        "Agents with tool use and memory.",
    ],
)
def test_tool_use_beside_a_model_or_an_agent_is_function_calling(
    matcher: SkillMatcher, text: str
) -> None:
    assert skills(matcher, text) == ["llm-apps.function-calling"]


def test_a_management_skill_does_not_make_a_text_technical(matcher: SkillMatcher) -> None:
    text = (
        "Dans un monde où l'agilité est devenue le mantra de toute entreprise, "
        "la conduite du changement s'impose."
    )
    assert skills(matcher, text) == ["professional.change-management"]
    # A technical skill beside it still does.
    assert "professional.agile-delivery" in skills(
        matcher, "L'agilité au quotidien : Scrum, Jira et intégration continue."
    )


def test_transversal_skills_are_those_linked_outside_ict(
    matcher: SkillMatcher, taxonomy: Taxonomy
) -> None:
    transversal = transversal_skills(taxonomy, matcher.esco)
    assert {"professional.change-management", "professional.project-management"} <= transversal
    assert not {"foundations.python", "it-operations.backup-recovery"} & transversal
    # Without ESCO, nothing tells ICT apart: no skill is taken for transversal.
    assert transversal_skills(taxonomy, empty_index()) == frozenset()


def test_ordinary_words_are_skills_in_a_technical_text(matcher: SkillMatcher) -> None:
    assert "software-architecture.observability" in skills(
        matcher, "La supervision, les logs et les métriques de nos applications."
    )
    assert "foundations.cloud-fundamentals" in skills(matcher, "java cloud python")


def test_part_of_an_expansion_names_nothing(matcher: SkillMatcher) -> None:
    text = "Des APIs (Application Programming Interfaces) bien documentées."
    assert "ICT system programming" not in concepts(matcher, text)


def test_concepts_esco_has_in_english_only_are_read_and_shown_in_french(
    matcher: SkillMatcher,
) -> None:
    text = "Maîtrise des systèmes d'exploitation Linux, science des données et RGPD."
    found = {m.skill for m in matcher.find_all(text, "fr")[1]}
    labels = {matcher.esco.label(uri, "fr") for uri in found}
    assert {"systèmes d’exploitation", "science des données", "RGPD"} <= labels
    assert {"operating systems", "data science", "GDPR"} <= {
        matcher.esco.label(uri, "en") for uri in found
    }
    # An acronym keeps its case: « rgpd » in lower case is no name.
    assert matcher.find_all("Le respect du rgpd.", "fr")[1] == []


def test_concepts_no_skill_links_to_are_also_named_in_french(matcher: SkillMatcher) -> None:
    text = "Vision par ordinateur, réalité augmentée et contrats intelligents en Solidity."
    found = {m.skill for m in matcher.find_all(text, "fr")[1]}
    labels = {matcher.esco.label(uri, "fr") for uri in found}
    assert {"vision par ordinateur", "réalité augmentée", "contrat intelligent"} <= labels
    # A product's name is the same in both languages.
    assert "Solidity" in labels
    assert "computer vision" in {matcher.esco.label(uri, "en") for uri in found}
