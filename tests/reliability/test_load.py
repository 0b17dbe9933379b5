"""A bounded load run: public reads and concurrent intakes through the admin, against
gunicorn (2 workers) on loopback, then an audit of the database and the files.

SYMPOSIUM_LOAD_SECONDS sets the length (default 30, at most 60).
"""

import collections
import os
import re
import threading
import time

import requests

from bench.server import Gunicorn
from tests.symposium_pages.docx_builders import simple_paper

from . import audit
from .web import Editor, site_facts

SECONDS = min(60.0, float(os.environ.get("SYMPOSIUM_LOAD_SECONDS", "30")))
READERS = 6
EDITORS = 2


def test_reads_and_intakes_under_load_no_5xx_and_a_consistent_database(demo_copy):
    facts = site_facts(demo_copy)
    before = audit.run(demo_copy)
    assert before["problems"] == []
    plan = facts["plan_id"]

    with Gunicorn(demo_copy, workers=2) as server:
        home = requests.get(f"{server.url}/", timeout=30)
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home.text).group(1)
        paths = ["/", facts["plan_url"], facts["paper_url"], stylesheet]
        statuses = collections.Counter()
        errors = []
        intakes = []
        lock = threading.Lock()
        stop_at = time.monotonic() + SECONDS

        def reader(offset):
            session = requests.Session()
            number = offset
            while time.monotonic() < stop_at:
                path = paths[number % len(paths)]
                number += 1
                try:
                    response = session.get(f"{server.url}{path}", timeout=60)
                except requests.RequestException as error:
                    with lock:
                        errors.append(f"GET {path}: {error}")
                    continue
                with lock:
                    statuses[response.status_code] += 1

        def editor(number):
            person = Editor(server.url)
            person.log_in()
            # First a unit not yet invited (a new paper page), then new revisions of papers.
            targets = [
                {"invitation": facts["invitations"][number]},
                {"invitation": facts["invitations"][number + EDITORS]},
            ]
            round_ = 0
            while time.monotonic() < stop_at:
                if round_ == 0:
                    whose = {"unit": facts["uninvited_units"][number]}
                else:
                    whose = targets[round_ % len(targets)]
                data = simple_paper(
                    title=f"Tham luận thử tải số {number}-{round_}",
                    paragraphs=4 + round_ % 5,
                    picture=round_ % 2 == 0,
                )
                started = time.monotonic()
                try:
                    response = person.receive(plan, data, **whose)
                except requests.RequestException as error:
                    with lock:
                        errors.append(f"intake {number}-{round_}: {error}")
                    break
                with lock:
                    intakes.append(
                        (
                            whose,
                            response.status_code,
                            response.headers.get("Location", ""),
                            time.monotonic() - started,
                        )
                    )
                round_ += 1
            with lock:
                statuses.update(person.statuses)

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
        threads += [threading.Thread(target=editor, args=(n,)) for n in range(EDITORS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 240)
        elapsed = time.monotonic() - started
        log = server.log.read_text(errors="replace")

    total = sum(statuses.values())
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    print(
        f"\nload: {total} requests in {elapsed:.1f} s ({total / elapsed:.1f}/s), "
        f"statuses {dict(sorted(statuses.items()))}, {server_errors} 5xx, "
        f"{len(intakes)} intakes (mean {sum(i[3] for i in intakes) / max(1, len(intakes)):.1f} s), "
        f"{len(errors)} connection errors"
    )
    assert errors == []
    assert server_errors == 0, log[-4000:]
    assert set(statuses) <= {200, 302}, statuses
    assert len(intakes) >= EDITORS
    for whose, status, location, _seconds in intakes:
        assert status == 302 and re.fullmatch(r"/admin/pages/\d+/edit/", location), (whose, status)
    assert "Traceback" not in log, log[-4000:]

    after = audit.run(demo_copy)
    assert after["problems"] == []
    assert after["pending"] == []
    assert after["submissions"] == before["submissions"] + len(intakes)
    new_units = {whose["unit"] for whose, *_ in intakes if "unit" in whose}
    first_papers = {
        whose["invitation"]
        for whose, *_ in intakes
        if "invitation" in whose and whose["invitation"] not in facts["invitations_with_papers"]
    }
    assert after["papers"] == before["papers"] + len(new_units) + len(first_papers)
    assert after["invitations"] == before["invitations"] + len(new_units)
    print(f"rendition files left by concurrent rendering: {len(after['orphan_renditions'])}")
    if after["orphan_renditions"]:
        demo_copy.manage("cleanup_orphans", "--older-than", "0")
        assert audit.run(demo_copy)["orphan_renditions"] == []
