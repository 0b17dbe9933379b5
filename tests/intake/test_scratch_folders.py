"""No scratch folder of a LibreOffice job outlives it: removed after a job, after a timeout,
and swept by `cleanup_orphans` after a crash (SIGKILL), with the soffice it left."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from symposium_pages.intake import scratch
from symposium_pages.intake.libreoffice import PageCountUnavailable, find_soffice, render_pages
from tests.symposium_pages.docx_builders import simple_paper

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    """The temp dir of this test alone, so other jobs on the host do not show in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("SYMPOSIUM_SOFFICE_SLOTS_DIR", str(tmp_path / "slots"))
    return folder


def job_folders(folder):
    return sorted(path.name for path in folder.iterdir() if scratch.NAME_RE.match(path.name))


def soffice_using(folder):
    return [pid for pid in scratch.processes_using(folder) if pid != os.getpid()]


def test_a_folder_in_use_is_never_swept_and_a_released_one_is(temp_dir):
    with scratch.folder("pagecount-") as path:
        assert scratch.in_use(path)
        assert scratch.stale(0) == []
    assert not path.exists()
    abandoned = Path(tempfile.mkdtemp(prefix="pagecount-"))
    assert [item.path for item in scratch.stale(0)] == [abandoned]
    assert scratch.stale(3600) == []  # younger than the grace period


@pytest.mark.libreoffice
@needs_soffice
def test_no_folder_left_after_a_count_nor_after_a_timeout(temp_dir):
    assert render_pages(simple_paper(pages=2), SOFFICE, 120) == 2
    assert job_folders(temp_dir) == []
    with pytest.raises(PageCountUnavailable, match="longer than"):
        render_pages(simple_paper(paragraphs=200, pages=6), SOFFICE, 0.5)
    assert job_folders(temp_dir) == []
    assert soffice_using(temp_dir) == []


CRASHING = """
import sys
from symposium_pages.intake.libreoffice import render_pages
render_pages(open(sys.argv[1], "rb").read(), sys.argv[2], 300)
"""


@pytest.mark.libreoffice
@needs_soffice
def test_a_killed_job_leaves_folders_that_cleanup_orphans_sweeps(temp_dir, tmp_path, db):
    paper = tmp_path / "long.docx"
    paper.write_bytes(simple_paper(paragraphs=400, pages=20))
    env = {
        **os.environ,
        "TMPDIR": str(temp_dir),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")]),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    job = subprocess.Popen([sys.executable, "-c", CRASHING, str(paper), SOFFICE], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not soffice_using(temp_dir):
        time.sleep(0.05)
    assert soffice_using(temp_dir), "soffice never started"
    job.send_signal(signal.SIGKILL)  # a crash: no finally, no clean-up
    job.wait()
    left = job_folders(temp_dir)
    assert any(name.startswith("pagecount-") for name in left)
    assert any(name.startswith("soffice-profile-") for name in left)

    call_command("cleanup_orphans", "--older-than", "0", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert job_folders(temp_dir) == []
    deadline = time.monotonic() + 10
    while soffice_using(temp_dir) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert soffice_using(temp_dir) == []
