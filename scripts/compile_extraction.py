"""Compile extraction's hot modules with mypyc, in place, beside their sources.

Run with `.venv/bin/python scripts/compile_extraction.py` (`make setup` does, whenever one of
the sources is newer than its build). The matcher's per-text work is Python loops over matches
and spans; mypyc turns the same typed source into a C extension, about 1.2 times as fast, with
the same answers (`tests/test_compiled_extraction.py` compares the two). The sources stay the
truth: Python imports an extension module before the source beside it, so a build older than
its source would shadow an edit (the test suite refuses to start then); `--remove` deletes the
build and Python reads the sources again.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "advisor" / "core" / "extraction"
# The modules a text goes through, match by match; the others run once per text or per load.
HOT_MODULES = ("normalise", "matcher", "precision_rules", "language")
# The shared library the modules' C code lives in, inside the package (not at the top level).
GROUP = "advisor.core.extraction._compiled"
BUILD = ROOT / "build" / "mypyc"


def sources() -> list[Path]:
    return [PACKAGE / f"{name}.py" for name in HOT_MODULES]


def built() -> list[Path]:
    """The extension modules of a build in place (the group's library with them)."""
    return sorted(PACKAGE.glob("*.so")) + sorted(PACKAGE.glob("*.pyd"))


def remove() -> None:
    for path in built():
        path.unlink()
    shutil.rmtree(BUILD, ignore_errors=True)


def compile_in_place() -> None:
    """Build the extensions under `build/mypyc` and copy them beside their sources; the
    compiler's output is printed only when it fails."""
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)
    log = io.StringIO()
    arguments = ["build_ext", "--inplace", "--build-temp", str(BUILD / "temp")]
    try:
        with contextlib.redirect_stdout(log), contextlib.redirect_stderr(log):
            modules = mypycify(
                [str(path.relative_to(ROOT)) for path in sources()],
                opt_level="3",
                group_name=GROUP,
                target_dir=str(BUILD / "c"),
            )
            setup(
                name="advisor-extraction-compiled",
                packages=[],
                py_modules=[],
                ext_modules=modules,
                script_args=arguments,
            )
    except (SystemExit, Exception):
        sys.stderr.write(log.getvalue())
        raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true", help="delete the build in place")
    if parser.parse_args().remove:
        remove()
        return
    remove()
    compile_in_place()
    names = ", ".join(path.name for path in built())
    print(f"compiled with mypyc: {names}")


if __name__ == "__main__":
    main()
