"""Reading a job ad as a role: title, sections in English and French, weights and levels."""

from __future__ import annotations

from advisor.core.extraction import SkillMatcher
from advisor.core.extraction.job_ads import ad_title, read_ad, section_kinds
from advisor.core.taxonomy import Taxonomy


def test_a_title_is_a_short_first_line_never_a_sentence() -> None:
    assert ad_title("MLOps engineer (m/f)\n\nWe are hiring.") == "MLOps engineer (m/f)"
    assert ad_title("We are hiring an MLOps engineer to run our models.\nMore.") == ""
    assert ad_title("# Ingénieur data\nTexte") == "Ingénieur data"


def test_sections_are_recognised_in_english_and_french() -> None:
    text = "Intro\nMust have:\n- a\nNice to have\n- b\nProfil recherché :\n- c\nUn plus :\n- d\n"
    assert [kind for _, kind in section_kinds(text)] == [
        "neutral",
        "required",
        "nice",
        "required",
        "nice",
    ]
    assert [k for _, k in section_kinds("## Compétences requises\nx\n**Souhaité**\ny")] == [
        "neutral",
        "required",
        "nice",
    ]


def test_required_repeated_and_titled_skills_weigh_more(taxonomy: Taxonomy) -> None:
    matcher = SkillMatcher(taxonomy)
    ad = read_ad(
        "Kubernetes engineer\n\nRequirements:\n- Kubernetes, Python\n- Python daily\n"
        "Bonus:\n- Terraform\n- Rust is a plus",
        taxonomy,
        matcher,
    )
    asked = {r.skill: r for r in ad.requirements}
    assert ad.title == "Kubernetes engineer" and ad.role.id == "ad"
    assert asked["foundations.kubernetes"].importance == 5  # required, repeated, in the title
    assert asked["foundations.python"].importance == 5  # required and repeated
    assert asked["foundations.terraform"].importance == 2
    assert asked["foundations.terraform"].required is False
    assert set(ad.role.requirements) == set(asked)


def test_levels_come_from_the_closest_role_else_a_working_level(taxonomy: Taxonomy) -> None:
    ad = read_ad(
        "Requirements:\n- Kubernetes\nNice to have:\n- Haskell, Rust",
        taxonomy,
        SkillMatcher(taxonomy),
    )
    for requirement in ad.requirements:
        reference = taxonomy.roles[ad.closest_role].requirements if ad.closest_role else {}
        expected = (
            reference[requirement.skill].level
            if requirement.skill in reference
            else (3 if requirement.required else 2)
        )
        assert requirement.level == expected


def test_headings_are_short_lines_not_list_items() -> None:
    from advisor.core.extraction.job_ads import heading_kind

    assert heading_kind("What you'll bring:") == "required"
    assert heading_kind("**Must-have skills**") == "required"
    assert heading_kind("Compétences techniques attendues :") == "required"
    assert heading_kind("Bonus points if you have:") == "nice"
    assert heading_kind("Ce serait un plus :") == "nice"
    assert heading_kind("Vos missions :") == "neutral"
    assert heading_kind("- Strong skills in SQL") is None
    assert heading_kind("* Kafka skills") is None
    assert heading_kind("We value strong skills in Python and in cloud platforms.") is None
