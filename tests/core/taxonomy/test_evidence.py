"""The evidence rules as functions: which URLs are not the publisher's page, which quotes name
their skill."""

from __future__ import annotations

import pytest

from advisor.core.taxonomy import (
    OnetFlag,
    Skill,
    Text,
    misplaced,
    names_skill,
    publisher_host,
    skill_names,
)


def skill(label: str, fr: str, aliases: tuple[str, ...] = (), tool: str | None = None) -> Skill:
    return Skill(
        id="test.skill",
        domain="test",
        label=Text(label, fr),
        description=Text("", ""),
        aliases={"en": aliases, "fr": ()},
        anchors={},
        prerequisites=(),
        effort_hours=(1, 1, 1, 1, 1),
        onet=OnetFlag(tool, True, True) if tool else None,
    )


GO = skill("Go programming", "Programmation en Go", ("Go", "Golang"))
AI_ACT = skill("EU AI Act compliance", "Conformité au règlement européen sur l’IA (AI Act)")
LLM = skill("Large language models", "Grands modèles de langage", ("LLM",))


@pytest.mark.parametrize(
    ("quote", "subject", "named"),
    [
        ("Go is an open source programming language.", GO, True),
        ("Google designed a new language for its servers.", GO, False),
        ("The AI Act applies from 2 August 2026 for most provisions.", AI_ACT, True),
        ("Most LLMs are trained on public text.", LLM, True),
        ("Les grands modèles de langage sont entraînés sur des textes publics.", LLM, True),
        ("Transformers are trained on public text.", LLM, False),
    ],
)
def test_a_quote_names_its_skill_by_label_alias_or_bracketed_name(
    quote: str, subject: Skill, named: bool
) -> None:
    assert names_skill(quote, subject) is named


def test_the_tool_listed_for_a_skill_is_one_of_its_names() -> None:
    assert "kubernetes" in skill_names(
        skill("Container orchestration", "Orchestration", (), "Kubernetes")
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://www.slideshare.net/someone/talk",
        "https://info.5y1.org/panda-library-python_1_42a338.html",
        "https://raw.githubusercontent.com/org/repo/main/README.md",
        "https://github.com/user-attachments/files/15524714/2020-Scrum-Guide-US.pdf",
        "https://github.com/dotnet/docs/blob/0241e78/docs/architecture/principles.md",
        "https://d1udkpklcxvaqz.cloudfront.net/presentation/oct2022/talk",
        "https://docs.pytorch.org/docs/stable/_sources/distributed.fsdp.fully_shard.md.txt",
    ],
)
def test_copies_and_raw_files_are_not_the_publishers_page(url: str) -> None:
    assert misplaced(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/spring-projects/spring-boot/wiki/Spring-Boot-3.0-Release-Notes",
        "https://arxiv.org/abs/2409.16425",
        "https://www.cnil.fr/fr/intelligence-artificielle",
        "https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html",
    ],
)
def test_the_publishers_pages_are(url: str) -> None:
    assert misplaced(url) is None


def test_hosts_are_grouped_without_www() -> None:
    assert publisher_host("https://www.nist.gov/itl/ai-risk-management-framework") == "nist.gov"
