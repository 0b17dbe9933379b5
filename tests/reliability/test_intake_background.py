"""Ten papers received at once with LibreOffice installed, under a bounded read load on
gunicorn: no 5xx for readers or editors, and the work done — ten papers, each with its
exact page count made by `manage.py db_worker` (TASKS_BACKEND=database), one soffice at
a time, and no scratch folder left behind. Timings are for `make bench`, not asserted."""

import re
import time

import pytest
import requests

from bench.intake_load import (
    Readers,
    count_statuses,
    counted,
    db_worker,
    receive_all,
    wait_for_counts,
)
from bench.server import Gunicorn
from symposium_pages.intake import scratch
from symposium_pages.intake.libreoffice import find_soffice
from tests.intake.papers import PaperSpec, build_paper

from .web import Editor, site_facts

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
]
INTAKES = 10
READERS = 4


def editor(base):
    person = Editor(base)
    assert person.log_in().status_code == 302
    return person


def test_ten_intakes_under_read_load_no_5xx_and_every_exact_count_made(demo_copy, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    demo_copy.extra_env.update(
        TASKS_BACKEND="database",
        SYMPOSIUM_SOFFICE_CONCURRENCY="1",
        SYMPOSIUM_SOFFICE_SLOTS_DIR=str(tmp_path / "slots"),
        TMPDIR=str(temp),
    )
    facts = site_facts(demo_copy)
    invitations = [pk for pk in facts["invitations"] if pk not in facts["invitations_with_papers"]]
    papers = [
        build_paper(PaperSpec(seed=200 + n, paragraphs=14 + n, tables=1)) for n in range(INTAKES)
    ]
    baseline = counted(count_statuses(demo_copy))

    with Gunicorn(demo_copy, workers=2) as server, db_worker(demo_copy, tmp_path / "worker.log"):
        home = requests.get(f"{server.url}/", timeout=30)
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home.text).group(1)
        paths = ["/", facts["plan_url"], facts["paper_url"], stylesheet]
        with Readers([f"{server.url}{path}" for path in paths], READERS) as readers:
            began = time.monotonic()
            answers = receive_all(
                server.url, facts["plan_id"], list(zip(invitations, papers, strict=False)), editor
            )
            statuses = wait_for_counts(demo_copy, baseline + INTAKES, timeout=600)
            ended = time.monotonic()
        log = server.log.read_text(errors="replace")
    worker_log = (tmp_path / "worker.log").read_text(errors="replace")

    read = readers.summary(began, ended)
    print(
        f"\n{INTAKES} intakes, readers {read['requests']} requests in {ended - began:.1f} s "
        f"(p50 {read['p50_ms']:.0f} ms), statuses {read['statuses']}, counts {statuses}"
    )
    assert readers.errors == []
    assert read["server_errors"] == 0, log[-4000:]
    assert set(read["statuses"]) == {200}
    for status, location, _seconds in answers:
        assert status == 302 and re.fullmatch(r"/admin/pages/\d+/edit/", location), (
            status,
            location,
        )
    assert "Traceback" not in log, log[-4000:]
    assert statuses.get("counting", 0) == 0, worker_log[-4000:]
    assert statuses.get("exact", 0) - baseline == INTAKES, (statuses, worker_log[-4000:])
    assert [path.name for path in temp.iterdir() if scratch.NAME_RE.match(path.name)] == []
