"""The install, automated: the wheel and the sdist hold the add-on alone, and a fresh
`wagtail start` site that installs the wheel and follows docs/install.md runs a symposium.

Needs the network (or pip's cache) for the build backend and the wheel's dependencies.
Takes about two minutes; `-m "not install"` leaves it out.
"""

import json
import os
import shlex
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from . import docsteps

pytestmark = pytest.mark.install

REPO = Path(__file__).resolve().parents[2]
WALKTHROUGH = Path(__file__).with_name("walkthrough.py")
REQUIRED_IN_WHEEL = (
    "symposium_pages/__init__.py",
    "symposium_pages/templates/symposium_pages/base.html",
    "symposium_pages/templates/symposium_pages/paper_page.html",
    "symposium_pages/static/symposium_pages/symposium.css",
    "symposium_pages/locale/vi/LC_MESSAGES/django.mo",
    "symposium_pages/migrations/0001_initial.py",
)
FORBIDDEN_TOP = ("site/", "tests/", "bench/", "scripts/", "templates/", "locale/", "newsroom/")


def run(args, cwd, env=None, timeout=600, stdin=None):
    result = subprocess.run(
        args,
        cwd=cwd,
        env=env,
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
        f"{result.stdout[-4000:]}\n{result.stderr[-6000:]}"
    )
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    started = time.monotonic()
    # The sdist first, then the wheel built from it: the sdist must be complete.
    run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], cwd=REPO)
    print(f"build: {time.monotonic() - started:.1f} s")
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def test_the_wheel_holds_the_add_on_alone(dist):
    wheel, _sdist = dist
    names = zipfile.ZipFile(wheel).namelist()
    print(f"wheel: {len(names)} files, {wheel.stat().st_size} bytes")
    for name in REQUIRED_IN_WHEEL:
        assert name in names, name
    tops = {name.split("/")[0] for name in names}
    assert tops == {
        "symposium_pages",
        wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info",
    }, tops
    assert not [name for name in names if "__pycache__" in name or name.endswith(".po~")]
    metadata = (
        zipfile.ZipFile(wheel)
        .read(next(name for name in names if name.endswith(".dist-info/METADATA")))
        .decode()
    )
    assert "License-Expression: BSD-3-Clause" in metadata
    assert any(name.endswith("licenses/LICENSE") for name in names)
    assert "Classifier: Framework :: Wagtail :: 8" in metadata
    assert "Requires-Dist: icalendar" in metadata and "Requires-Dist: lxml" in metadata
    assert "make demo" not in metadata, "the long description is the demo's README"
    assert "Provides-Extra" not in metadata, "the demo's or CI's needs are published"


def test_the_sdist_holds_the_add_on_and_its_documents(dist):
    _wheel, sdist = dist
    with tarfile.open(sdist) as archive:
        names = [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]
    print(f"sdist: {len(names)} entries")
    for name in (
        "pyproject.toml",
        "LICENSE",
        "CHANGELOG.md",
        "docs/install.md",
        *REQUIRED_IN_WHEEL,
    ):
        assert name in names, name
    assert not [name for name in names if name.startswith(FORBIDDEN_TOP)]


@pytest.fixture(scope="module")
def venv(dist, tmp_path_factory):
    """A fresh virtual environment with the wheel and its dependencies from PyPI."""
    wheel, _sdist = dist
    started = time.monotonic()
    venv = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--clear", str(venv)], cwd=venv)
    python = str(venv / "bin" / "python")
    run([python, "-m", "pip", "install", "--quiet", str(wheel)], cwd=venv, timeout=900)
    print(f"venv and pip install: {time.monotonic() - started:.1f} s")
    return venv


@pytest.mark.parametrize("languages", ["several", "one"])
def test_a_fresh_wagtail_site_installs_it_by_the_document(venv, tmp_path, languages):
    """`several`: the whole document; `one`: the document up to its multi-language part."""
    started = time.monotonic()
    python = str(venv / "bin" / "python")
    run([str(venv / "bin" / "wagtail"), "start", "mysite"], cwd=tmp_path)
    site = tmp_path / "mysite"

    text = docsteps.DOC.read_text(encoding="utf-8")
    if languages == "one":
        text = text[: text.index("## One language or several")]
    all_steps = docsteps.steps(text)
    assert {step.action for step in all_steps} == {"append", "replace", "run"}
    docsteps.apply_edits(site, all_steps)

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTHON", "VIRTUAL_ENV"))
    }
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    outputs = []
    for command in docsteps.commands(all_steps):
        args = shlex.split(command)
        if args[0] == "python":
            args[0] = python
        outputs.append(run(args, cwd=site, env=env))
    checks = [
        out
        for out, command in zip(outputs, docsteps.commands(all_steps), strict=True)
        if command.endswith(" check")
    ]
    assert checks, "the document never runs `manage.py check`"
    for out in checks:
        assert "symposium_pages." not in out.stdout + out.stderr, out.stdout + out.stderr

    with WALKTHROUGH.open() as script:
        result = run([python, "manage.py", "shell"], cwd=site, env=env, stdin=script)
    lines = [line for line in result.stdout.splitlines() if line.startswith("WALKTHROUGH ")]
    assert lines, result.stdout[-4000:]
    summary = json.loads(lines[-1].removeprefix("WALKTHROUGH "))
    print(f"{languages} language(s): site and walkthrough {time.monotonic() - started:.1f} s")
    print(summary)
    assert "table" in summary["paper_blocks"]
