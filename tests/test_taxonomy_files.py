"""`advisor taxonomy check`: each kind of mistake is reported with its file, line and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from advisor.cli import cli
from advisor.taxonomy.files import check_taxonomy
from advisor.taxonomy.lines import Problem, TaxonomyError
from advisor.taxonomy.loading import load_taxonomy

FIXTURE = Path(__file__).parent / "fixtures" / "taxonomy"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "skills_data"
    shutil.copytree(FIXTURE, copy)
    return copy


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_containing(folder: Path, name: str, needle: str) -> int:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def only_problem(folder: Path) -> Problem:
    problems = check_taxonomy(folder)
    assert len(problems) == 1, problems
    return problems[0]


def test_the_fixture_is_sound(folder: Path) -> None:
    assert check_taxonomy(folder) == []


def test_a_missing_french_label_is_located(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        "label: {en: Model monitoring, fr: Surveillance des modèles}",
        "label: {en: Model monitoring}",
    )
    problem = only_problem(folder)
    assert problem.file == "skills/mlops.yaml"
    assert problem.line == line_containing(
        folder, "skills/mlops.yaml", "label: {en: Model monitoring}"
    )
    assert problem.field == "mlops.model-monitoring: label.fr"


def test_an_unknown_prerequisite_is_located(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        "{skill: foundations.python, level: 2}",
        "{skill: foundations.pyhton, level: 2}",
    )
    problem = only_problem(folder)
    assert problem.line == line_containing(folder, "skills/mlops.yaml", "foundations.pyhton")
    assert problem.field == "mlops.model-serving: prerequisites.1.skill"
    assert "unknown skill 'foundations.pyhton'" in problem.message


def test_a_prerequisite_cycle_is_reported(folder: Path) -> None:
    edit(
        folder,
        "skills/foundations.yaml",
        "prerequisites: []",
        "prerequisites: [{skill: mlops.model-monitoring, level: 1}]",
    )
    problems = check_taxonomy(folder)
    assert problems and all("prerequisites form a cycle" in p.message for p in problems)
    assert (
        "foundations.python → mlops.model-monitoring → mlops.model-serving" in problems[0].message
    )


def test_a_role_naming_an_unknown_skill_is_located(folder: Path) -> None:
    edit(folder, "roles.yaml", "mlops.model-monitoring: {level: 3", "mlops.monitoring: {level: 3")
    problem = only_problem(folder)
    assert (problem.file, problem.field) == (
        "roles.yaml",
        "mlops-engineer: requirements.mlops.monitoring",
    )
    assert problem.line == line_containing(folder, "roles.yaml", "mlops.monitoring:")


def test_an_alias_shared_by_two_skills_is_refused_unless_declared(folder: Path) -> None:
    edit(folder, "skills/mlops.yaml", "aliases: {en: [ML monitoring]", "aliases: {en: [docker]")
    problem = only_problem(folder)
    assert problem.field == "mlops.model-monitoring: aliases.en"
    assert "also a name of foundations.containers" in problem.message
    edit(folder, "taxonomy.yaml", "ambiguous_aliases: []", "ambiguous_aliases: [Docker]")
    assert check_taxonomy(folder) == []


def test_a_malformed_url_is_located(folder: Path) -> None:
    edit(folder, "skills/foundations.yaml", '"https://docs.docker.com/"', '"docs.docker.com"')
    problem = only_problem(folder)
    assert problem.field == "foundations.containers: resources.0.url"
    assert "not a well-formed http(s) URL" in problem.message


def test_a_duplicate_id_names_the_first_place(folder: Path) -> None:
    edit(folder, "skills/foundations.yaml", "id: foundations.containers", "id: foundations.python")
    problems = check_taxonomy(folder)
    assert any("id already used at skills/foundations.yaml:3" in p.message for p in problems)


def test_a_yaml_syntax_error_gives_its_line(folder: Path) -> None:
    edit(folder, "roles.yaml", "  - id: python-developer", "  - id: [python-developer")
    problem = only_problem(folder)
    assert problem.file == "roles.yaml" and problem.field == "(syntax)"


def test_a_key_written_twice_is_reported(folder: Path) -> None:
    edit(
        folder,
        "sources.yaml",
        "    publisher: Example Press",
        "    publisher: Example Press\n    publisher: Other",
    )
    problem = only_problem(folder)
    assert (problem.field, problem.message) == ("publisher", "key appears twice")


def test_a_skill_without_source_is_refused(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        '    sources:\n      - {id: article-two, quote: "A sentence of article-two about '
        'model-serving in production."}\n      - {id: article-one, quote: "A sentence of '
        'article-one about model serving in production."}\n  - id: mlops.model-monitoring',
        "    sources: []\n  - id: mlops.model-monitoring",
    )
    problems = check_taxonomy(folder)
    assert any(p.message == "every skill cites a source" for p in problems)


def test_a_level_out_of_range_in_a_role_is_located(folder: Path) -> None:
    edit(
        folder,
        "roles.yaml",
        "foundations.python: {level: 4, importance: 5}",
        "foundations.python: {level: 7, importance: 5}",
    )
    problem = only_problem(folder)
    assert problem.field == "python-developer: requirements.foundations.python.level"
    assert problem.line == line_containing(folder, "roles.yaml", "level: 7")


def test_the_loader_refuses_an_unsound_taxonomy(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        "level: 2}\n    effort_hours: [6",
        "level: 9}\n    effort_hours: [6",
    )
    with pytest.raises(TaxonomyError, match="problem"):
        load_taxonomy(folder)


def test_check_command_prints_file_line_field_and_fails(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        "{skill: foundations.python, level: 2}",
        "{skill: foundations.pyhton, level: 2}",
    )
    result = CliRunner().invoke(cli, ["taxonomy", "check", "--data", str(folder)])
    assert result.exit_code == 1
    line = line_containing(folder, "skills/mlops.yaml", "foundations.pyhton")
    expected = f"{folder}/skills/mlops.yaml:{line}: mlops.model-serving: prerequisites.1.skill:"
    assert expected in result.output


def test_check_command_passes_a_sound_folder(folder: Path) -> None:
    result = CliRunner().invoke(cli, ["taxonomy", "check", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    assert "4 skills in 2 domains" in result.output


def test_export_writes_the_whole_taxonomy_as_json(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "taxonomy.json"
    result = CliRunner().invoke(cli, ["taxonomy", "export", "--data", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["version"] == "test-1"
    serving = next(s for s in exported["skills"] if s["id"] == "mlops.model-serving")
    assert serving["label"] == {"en": "Model serving", "fr": "Mise en service de modèles"}
    assert serving["prerequisites"][0] == {
        "skill": "foundations.containers",
        "level": 2,
        "from_level": 1,
    }
    assert 0 < serving["demand"] <= 1
    assert {r["id"] for r in exported["roles"]} == {"mlops-engineer", "python-developer"}
    assert exported["replaced_by"]["foundations.docker-basics"] == ["foundations.containers"]


# ---------------------------------------------------------------- the writing rules


def test_a_level_description_shared_with_another_skill_is_refused(folder: Path) -> None:
    # The old fault: one sentence for every skill with its name pasted in.
    edit(folder, "skills/mlops.yaml", "3: {en: Deploys a model.", "3: {en: Applies Model serving.")
    edit(folder, "skills/mlops.yaml", "3: {en: Sets alerts.", "3: {en: Applies Model monitoring.")
    problems = check_taxonomy(folder)
    shared = [p for p in problems if "same sentence" in p.message]
    assert [p.field for p in shared] == ["mlops.model-monitoring: anchors.3.en"]
    assert "mlops.model-serving" in shared[0].message


def test_a_label_pasted_in_with_its_capital_is_refused(folder: Path) -> None:
    edit(folder, "skills/mlops.yaml", "1: {en: Calls an endpoint.", "1: {en: Knows Model serving.")
    problem = only_problem(folder)
    assert problem.field == "mlops.model-serving: anchors.1.en"
    assert "pasted in" in problem.message


@pytest.mark.parametrize(
    ("french", "fault"),
    [
        ("Connaît le vocabulaire de API REST.", "« de API » needs an elision"),
        ("Sait ce que est un modèle.", "« que est » needs an elision"),
        ("Lit les journaux de le serveur.", "« de le » is contracted"),
        ("Sert un modèle : en local.", "« : » needs a no-break space"),
        ("Sert un modèle; en local.", "« ; » needs a no-break space"),
        ("Sert un modèle « en local ».", "« and » need no-break spaces"),
    ],
)
def test_french_typography_faults_are_reported(folder: Path, french: str, fault: str) -> None:
    edit(folder, "skills/mlops.yaml", "fr: Appelle un point d’accès.", f"fr: '{french}'")
    problem = only_problem(folder)
    assert problem.field == "mlops.model-serving: anchors.1.fr"
    assert problem.message.startswith(fault)


def test_correct_french_passes(folder: Path) -> None:
    correct = "Sait ce qu’est l’API d’AWS\u00a0: le ou les modèles de « haute\u00a0» qualité."
    edit(folder, "skills/mlops.yaml", "fr: Appelle un point d’accès.", f"fr: '{correct}'")
    assert [p for p in check_taxonomy(folder) if "no-break" not in p.message] == []


def test_a_citation_needs_a_quote(folder: Path) -> None:
    edit(
        folder,
        "skills/mlops.yaml",
        '{id: article-two, quote: "A sentence of article-two about model-serving in production."}',
        "{id: article-two}",
    )
    problem = only_problem(folder)
    assert problem.field.endswith("sources.0.quote") and "required" in problem.message.lower()


def test_an_origin_role_naming_an_unknown_skill_is_located(folder: Path) -> None:
    (folder / "origin_roles.yaml").write_text(
        "origin_roles:\n"
        "  - id: sysadmin\n"
        "    label: {en: System administrator, fr: Administrateur·rice système}\n"
        "    aliases: {en: [sysadmin], fr: [admin sys]}\n"
        "    description: {en: Runs servers., fr: Exploite des serveurs.}\n"
        "    typical: {foundations.python: 2, foundations.containers: 2, foundations.linux: 4}\n",
        encoding="utf-8",
    )
    problem = only_problem(folder)
    assert (problem.file, problem.field) == (
        "origin_roles.yaml",
        "sysadmin: typical.foundations.linux",
    )
    assert problem.line == 6


def test_an_origin_role_name_read_as_another_role_is_located(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    shutil.copytree(Path(__file__).parent.parent / "skills_data", shipped)
    edit(shipped, "origin_roles.yaml", "    - Linux engineer\n", "    - Windows sysadmin\n")
    problems = check_taxonomy(shipped)
    problem = problems[0]
    assert (problem.file, problem.field) == ("origin_roles.yaml", "linux-sysadmin: aliases.en.3")
    # The Windows role's own names now tie with it: they are no longer recognised either.
    assert {p.field.split(":")[0] for p in problems[1:]} == {"windows-sysadmin"}
    assert problem.line == line_containing(shipped, "origin_roles.yaml", "- Windows sysadmin")
    assert problem.message == "'Windows sysadmin' reads as no role (too close to another)"
