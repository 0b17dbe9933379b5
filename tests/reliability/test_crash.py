"""A gunicorn worker killed (SIGKILL) in the middle of an intake: no half-made paper,
the stored files found and swept as orphans, and the editor's retry goes through."""

import os
import signal
import threading
import time
from pathlib import Path

import requests

from bench.server import Gunicorn
from tests.symposium_pages.docx_builders import simple_paper

from . import audit
from .web import Editor, site_facts

HERE = Path(__file__).parent


def test_a_worker_killed_during_an_intake_leaves_no_half_made_paper(demo_copy, tmp_path):
    marker = tmp_path / "worker-hung"
    demo_copy.extra_env["HANG_MARKER"] = str(marker)
    facts = site_facts(demo_copy)
    before = audit.run(demo_copy)
    assert before["problems"] == []
    plan, unit = facts["plan_id"], facts["uninvited_units"][0]
    config = ["-c", str(HERE / "gunicorn_hang_on_submission.py")]

    with Gunicorn(demo_copy, extra_args=config) as server:
        editor = Editor(server.url)
        assert editor.log_in().status_code == 302
        response, token = editor.upload(plan, simple_paper(picture=True), unit=unit)
        assert response.status_code == 200 and token, response.text[-2000:]

        outcome = {}

        def confirm():
            try:
                outcome["response"] = editor.confirm(plan, token)
            except requests.ConnectionError as error:
                outcome["error"] = error

        thread = threading.Thread(target=confirm)
        thread.start()
        deadline = time.monotonic() + 180
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marker.exists(), "the intake never reached its submission"
        time.sleep(0.2)  # the pid is written
        pid = int(marker.read_text())
        assert pid in server.worker_pids()
        os.kill(pid, signal.SIGKILL)
        thread.join(timeout=60)
        assert "error" in outcome, outcome  # the editor's browser saw the connection drop

        crashed = audit.run(demo_copy)
        # Nothing half-made: the transaction was rolled back whole.
        for count in ("papers", "submissions", "documents", "images", "invitations"):
            assert crashed[count] == before[count], count
        # What was stored before the commit is left over, and the audit sees it.
        orphans = [problem for problem in crashed["problems"] if problem.startswith("orphan file")]
        assert crashed["problems"] == orphans
        assert any(name.startswith("orphan file documents/") for name in orphans), orphans
        # The paper's picture, stored privately (symposium_private/) until it is released.
        assert any(
            name.startswith("orphan file symposium_private/original_images/private-")
            for name in orphans
        ), orphans
        # The upload waiting for confirmation is still there: the editor may press again.
        assert len(crashed["pending"]) == 1
        response = editor.confirm(plan, token)
        assert response.status_code == 302, response.text[-2000:]
        assert "/admin/pages/" in response.headers["Location"]

    swept = [problem.removeprefix("orphan file ") for problem in orphans]
    swept += audit.run(demo_copy)["orphan_renditions"]
    sweep = demo_copy.manage("cleanup_orphans", "--older-than", "0")
    # "name<TAB>size" per media file; LibreOffice's scratch folders follow, by absolute path.
    listed = [
        line.split("\t")[0]
        for line in sweep.stdout.strip().splitlines()
        if "\t" in line and not os.path.isabs(line.split("\t")[0])
    ]
    assert sorted(listed) == sorted(swept), (listed, swept)

    after = audit.run(demo_copy)
    assert after["problems"] == []
    assert after["pending"] == []
    assert after["papers"] == before["papers"] + 1
    assert after["submissions"] == before["submissions"] + 1
    assert after["invitations"] == before["invitations"] + 1
