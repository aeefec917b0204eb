"""The package finds its bundled files in a checkout and in a built wheel; the core stays pure."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from advisor import resources

ROOT = Path(__file__).resolve().parent.parent


def run_python(code: str, *, pythonpath: Path | None = None) -> str:
    env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd="/", check=True
    )
    return done.stdout.strip()


def test_checkout_layout_finds_templates_and_taxonomy() -> None:
    assert resources.templates_dir() == ROOT / "templates"
    assert resources.skills_data_dir() == ROOT / "skills_data"


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("advisor-*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def test_the_wheel_ships_templates_skills_data_and_translations(unpacked_wheel: Path) -> None:
    package = unpacked_wheel / "advisor"
    assert (package / "templates" / "base.html").is_file()
    assert (package / "skills_data").is_dir()
    assert (package / "translations" / "fr" / "LC_MESSAGES" / "messages.mo").is_file()
    assert (package / "static" / "style.css").is_file()
    assert (package / "core" / "data" / "relatedness.json").is_file()
    # The wheel is pure Python: extraction compiled in a checkout is for that machine alone.
    assert (package / "core" / "extraction" / "matcher.py").is_file()
    assert not list(package.rglob("*.so"))


def test_an_installed_wheel_finds_its_own_copies(unpacked_wheel: Path) -> None:
    code = "import advisor.resources as r; print(r.templates_dir()); print(r.skills_data_dir())"
    templates, skills_data = run_python(code, pythonpath=unpacked_wheel).splitlines()
    assert Path(templates) == unpacked_wheel / "advisor" / "templates"
    assert Path(skills_data) == unpacked_wheel / "advisor" / "skills_data"


def test_importing_the_core_imports_no_web_or_database_library() -> None:
    code = (
        "import sys, pkgutil, importlib, advisor.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'advisor.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "shell = ('flask', 'wtforms', 'flask_wtf', 'sqlmodel', 'sqlalchemy', 'yaml')\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in shell))"
    )
    assert run_python(code, pythonpath=ROOT) == "[]"


def test_cli_help_starts_without_scikit_learn_or_flask() -> None:
    code = (
        "import sys, advisor.cli\n"
        "print(sorted({n.split('.')[0] for n in sys.modules} & {'sklearn', 'flask', 'sqlmodel'}))"
    )
    assert run_python(code, pythonpath=ROOT) == "[]"


def test_cli_help_lists_the_commands() -> None:
    done = subprocess.run(
        [Path(sys.executable).parent / "advisor", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "serve" in done.stdout
