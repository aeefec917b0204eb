"""`advisor taxonomy check` on the evidence: each rule on a small fixture folder, each problem
located at its file, line and field; and `advisor taxonomy report`, the curator's figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import cli
from advisor.core.taxonomy import curators_report
from advisor.taxonomy.files import check_taxonomy
from advisor.taxonomy.lines import Problem
from advisor.taxonomy.loading import load_taxonomy
from tests.test_taxonomy_files import FIXTURE, edit, line_containing


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "skills_data"
    shutil.copytree(FIXTURE, copy)
    return copy


def problems_of(folder: Path, field: str) -> list[Problem]:
    problems = check_taxonomy(folder)
    found = [p for p in problems if p.field == field]
    assert found, problems
    return found


def only_problem(folder: Path) -> Problem:
    problems = check_taxonomy(folder)
    assert len(problems) == 1, problems
    return problems[0]


# ---------------------------------------------------------------- where a source sits


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://www.scribd.com/document/491461155/manual", "republishes"),
        ("https://docslib.org/download/7198212/cncf-survey-2020", "republishes"),
        ("https://euaiactnav.com/article/14", "republishes"),
        ("https://raw.githubusercontent.com/org/docs/main/overview.md", "serves raw files"),
        ("https://github.com/MicrosoftDocs/docs/blob/main/overview.md", "a file of a repository"),
        ("https://docs.example.org/_sources/guide.md.txt", "the source text of a page"),
    ],
)
def test_a_source_on_a_mirror_or_a_raw_file_is_located(folder: Path, url: str, reason: str) -> None:
    edit(folder, "sources.yaml", '"https://example.org/python"', f'"{url}"')
    problem = only_problem(folder)
    assert (problem.file, problem.field) == ("sources.yaml", "article-one: url")
    assert problem.line == line_containing(folder, "sources.yaml", url)
    assert reason in problem.message


def test_the_publishers_own_pages_pass(folder: Path) -> None:
    for url in (
        "https://eur-lex.europa.eu/eli/reg/2024/1689/oj",
        "https://github.com/mitre-atlas/atlas-data/releases/tag/v2026.08",
        "https://learn.microsoft.com/en-us/azure/azure-functions/functions-overview",
    ):
        edit(folder, "sources.yaml", '"https://example.org/python"', f'"{url}"')
        assert check_taxonomy(folder) == [], url
        edit(folder, "sources.yaml", f'"{url}"', '"https://example.org/python"')


def test_a_source_without_kind_is_located_at_its_entry(folder: Path) -> None:
    edit(folder, "sources.yaml", "    kind: press\n", "")
    problem = only_problem(folder)
    assert problem.field == "article-one: kind"
    assert problem.line == line_containing(folder, "sources.yaml", "id: article-one")
    assert "official, standard, paper, report, book, press, blog" in problem.message


def test_an_unknown_kind_is_refused_when_loading(folder: Path) -> None:
    edit(folder, "sources.yaml", "kind: press", "kind: website")
    problem = only_problem(folder)
    assert problem.field == "article-one: kind"
    assert problem.line == line_containing(folder, "sources.yaml", "kind: website")


def test_the_old_article_kind_no_longer_says_what_a_source_is(folder: Path) -> None:
    edit(folder, "sources.yaml", "kind: press", "kind: article")
    problem = only_problem(folder)
    assert problem.field == "article-one: kind"
    assert problem.line == line_containing(folder, "sources.yaml", "kind: article")
    assert curators_report(load_taxonomy(folder)).total.sources_without_kind == 1


def test_a_blog_says_why_it_is_the_evidence(folder: Path) -> None:
    edit(folder, "sources.yaml", "kind: press", "kind: blog")
    problem = only_problem(folder)
    assert problem.field == "article-one: why_cited"
    edit(
        folder,
        "sources.yaml",
        "kind: blog",
        "kind: blog\n    why_cited: the only account of the migration by the engineers who ran it",
    )
    assert check_taxonomy(folder) == []


# ---------------------------------------------------------------- what a quote shows


def test_a_quote_that_names_nothing_of_its_skill_is_located(folder: Path) -> None:
    # The old fault: Python supported by a sentence about a machine-learning package.
    edit(
        folder,
        "skills/foundations.yaml",
        '"A sentence of article-one about python in production."',
        '"Scikit-learn is a machine learning package built on NumPy and SciPy."',
    )
    problem = only_problem(folder)
    assert (problem.file, problem.field) == (
        "skills/foundations.yaml",
        "foundations.python: sources.0.quote",
    )
    assert problem.line == line_containing(folder, "skills/foundations.yaml", "Scikit-learn is")
    assert "names nothing of foundations.python" in problem.message


def test_a_quote_may_name_the_skill_by_an_alias_or_its_tool(folder: Path) -> None:
    # "Docker" is an alias of containers; the tool O*NET lists for Python is Python itself.
    edit(
        folder,
        "skills/foundations.yaml",
        '"A sentence of article-one about containers in production."',
        '"Teams ship every service as a Docker image built by the pipeline."',
    )
    assert check_taxonomy(folder) == []


def test_a_quote_under_eight_words_is_located(folder: Path) -> None:
    # The old fault: a heading of four words quoted as if it were evidence.
    edit(
        folder,
        "skills/mlops.yaml",
        '"A sentence of article-two about model-monitoring in production."',
        '"Model monitoring: the checklist"',
    )
    problem = only_problem(folder)
    assert problem.field == "mlops.model-monitoring: sources.0.quote"
    assert problem.line == line_containing(folder, "skills/mlops.yaml", "the checklist")
    assert "4 word(s)" in problem.message


def test_an_essential_skill_rests_on_two_publishers(folder: Path) -> None:
    edit(
        folder,
        "skills/foundations.yaml",
        '      - {id: python-docs, quote: "Python is an easy to learn, powerful programming '
        'language."}\n',
        "",
    )
    (problem,) = problems_of(folder, "foundations.python: sources")
    assert "python-developer needs this skill at importance 5" in problem.message


# ---------------------------------------------------------------- roles and their definitions


def test_a_role_without_sources_is_located(folder: Path) -> None:
    text = (folder / "roles.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:", text.index("id: python-developer"))
    (folder / "roles.yaml").write_text(text[:start], encoding="utf-8")
    problems = check_taxonomy(folder)
    assert [p.field for p in problems] == ["python-developer: sources"]
    assert problems[0].line == line_containing(folder, "roles.yaml", "id: python-developer")
    assert "it cites 0" in problems[0].message


def test_a_role_citing_one_definition_is_refused(folder: Path) -> None:
    edit(
        folder,
        "roles.yaml",
        '      - id: role-profile\n        quote: "Développeur',
        '      - id: role-guide\n        quote: "Développeur',
    )
    problem = only_problem(folder)
    assert problem.field == "python-developer: sources" and "it cites 1" in problem.message


def test_a_role_citing_an_unknown_source_is_located(folder: Path) -> None:
    edit(
        folder,
        "roles.yaml",
        '      - id: role-guide\n        quote: "A certified Python',
        '      - id: role-unknown\n        quote: "A certified Python',
    )
    problems = problems_of(folder, "python-developer: sources.0")
    assert problems[0].message == "unknown source 'role-unknown'"
    assert problems[0].line == line_containing(folder, "roles.yaml", "id: role-unknown")


def test_a_definition_backs_only_what_the_role_requires(folder: Path) -> None:
    edit(folder, "roles.yaml", "skills: [foundations.python]", "skills: [mlops.model-serving]")
    problem = only_problem(folder)
    assert problem.field == "python-developer: sources.0.skills"
    assert problem.message == "mlops.model-serving is not required by the role"


def test_a_source_cited_only_by_roles_is_cited(folder: Path) -> None:
    # role-guide and role-profile are cited by no skill: the fixture is sound all the same.
    taxonomy = load_taxonomy(folder)
    assert taxonomy.sources["role-guide"].skills == ()
    assert taxonomy.sources["role-guide"].roles == ("mlops-engineer", "python-developer")
    role = taxonomy.roles["mlops-engineer"]
    assert [c.source for c in role.sources] == ["role-guide", "role-profile"]
    assert role.sources[0].skills == ("mlops.model-serving",)


# ---------------------------------------------------------------- French wording


@pytest.mark.parametrize(
    "french",
    [
        "Exploite une flotte et contribue correctifs au projet.",
        "Exploite une flotte et contribue des correctifs au projet.",
        "Exploite une flotte et a contribué du code en amont.",
    ],
)
def test_contribuer_given_an_object_is_located(folder: Path, french: str) -> None:
    edit(folder, "skills/mlops.yaml", "fr: Exploite une flotte.", f"fr: {french}")
    problem = only_problem(folder)
    assert problem.field == "mlops.model-serving: anchors.5.fr"
    assert problem.line == line_containing(folder, "skills/mlops.yaml", french)
    assert "« contribuer » takes no object" in problem.message


@pytest.mark.parametrize(
    "french",
    [
        "Exploite une flotte et contribue au projet par des correctifs.",
        "Exploite une flotte et contribue largement aux outils.",
        "Exploite une flotte et y contribue.",
        "Forme les analystes à contribuer sans risque.",
    ],
)
def test_contribuer_used_intransitively_passes(folder: Path, french: str) -> None:
    edit(folder, "skills/mlops.yaml", "fr: Exploite une flotte.", f"fr: {french}")
    assert check_taxonomy(folder) == []


def test_precision_for_accuracy_is_located(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        "4: {en: Tunes latency under load., fr: Règle la latence sous charge.}",
        "4: {en: Measures accuracy under load., fr: Mesure la précision sous charge.}",
    )
    problem = only_problem(folder)
    assert problem.field == "mlops.model-serving: anchors.4.fr"
    assert "« exactitude »" in problem.message
    edit(folder, "skills/mlops.yaml", "la précision sous", "l’exactitude sous")
    assert check_taxonomy(folder) == []


# ---------------------------------------------------------------- the curator's report


def test_the_report_counts_what_a_curator_reads(folder: Path) -> None:
    edit(folder, "sources.yaml", "kind: press", "kind: blog\n    why_cited: the only account")
    edit(
        folder,
        "skills/mlops.yaml",
        '"A sentence of article-two about model-monitoring in production."',
        '"Dashboards went red for a whole week in March."',
    )
    report = curators_report(load_taxonomy(folder))
    total = report.total
    # 7 citations: article-one (a blog) is cited 3 times, the others are primary.
    assert (total.skills, total.citations, total.primary_citations) == (4, 7, 4)
    assert total.quotes_naming_skill == 6 and total.short_quotes == 0
    assert total.without_french_resource == tuple(sorted(total.without_french_resource))
    assert len(total.without_french_resource) == 4
    assert total.single_citation == ("mlops.model-monitoring",)
    assert dict(total.hosts) == {"example.org": 2, "docs.python.org": 1}
    mlops = dict(report.domains)["mlops"]
    assert (mlops.citations, mlops.quotes_naming_skill) == (3, 2)
    assert report.roles_without_definitions == () and report.roles_under_defined == ()


def test_report_command_prints_text_and_json(folder: Path) -> None:
    text = CliRunner().invoke(cli, ["taxonomy", "report", "--data", str(folder)])
    assert text.exit_code == 0, text.output
    total = next(line for line in text.output.splitlines() if line.startswith("total"))
    assert total.split() == ["total", "4", "7", "57%", "100%", "0", "0", "0", "4", "1"]
    assert "Roles without cited definitions: 0 of 2" in text.output
    result = CliRunner().invoke(
        cli, ["taxonomy", "report", "--data", str(folder), "--format", "json"]
    )
    report = json.loads(result.output)
    assert report["total"]["primary_share"] == round(4 / 7, 3)
    assert report["total"]["naming_share"] == 1.0
    assert report["domains"]["foundations"]["citations"] == 4
    assert report["total"]["sources_per_host"] == {"example.org": 2, "docs.python.org": 1}
    assert report["roles"]["python-developer"] == {"definitions": 2}
    assert report["roles_without_definitions"] == []


def test_the_report_names_the_roles_without_definitions(folder: Path) -> None:
    text = (folder / "roles.yaml").read_text(encoding="utf-8")
    start = text.index("    sources:", text.index("id: python-developer"))
    (folder / "roles.yaml").write_text(text[:start], encoding="utf-8")
    report = curators_report(load_taxonomy(folder))
    assert report.roles_without_definitions == ("python-developer",)
    result = CliRunner().invoke(cli, ["taxonomy", "report", "--data", str(folder)])
    assert "Roles without cited definitions: 1 of 2 (python-developer)" in result.output


def test_a_quote_may_say_which_of_its_words_name_the_skill(folder: Path) -> None:
    quote = '"Dashboards of deployed predictors went red for a whole week in March."'
    shipped = '"A sentence of article-two about model-monitoring in production."'
    edit(
        folder,
        "skills/mlops.yaml",
        f"{{id: article-two, quote: {shipped}}}",
        f"{{id: article-two, quote: {quote}, names: deployed predictors}}",
    )
    assert check_taxonomy(folder) == []
    edit(folder, "skills/mlops.yaml", "names: deployed predictors", "names: served models")
    problem = only_problem(folder)
    assert problem.field == "mlops.model-monitoring: sources.0.names"
    assert problem.message == "'served models' is not in the quote"
