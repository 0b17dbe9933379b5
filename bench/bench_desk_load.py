"""The last hour before the deadline: every invited unit sends its paper from its desk.
Are all answered, how long do units wait, when are the exact counts done, and what do
readers meanwhile get?

A fresh copy of the demo under gunicorn (2 workers × 4 threads, production settings,
SQLite), `manage.py db_worker` counting pages with LibreOffice one at a time
(TASKS_BACKEND=database, SYMPOSIUM_SOFFICE_CONCURRENCY=1), 8 readers reading the home
page, the plan and a paper in turn. Every invitation of the plan gets a desk link and a
late grant; then each unit, in its own thread, opens its desk, uploads a paper of about
seven A4 pages (the check: title, words, estimated pages) and confirms it (filed as a
draft, receipt). The units arrive at moments drawn at random (seeded) within `--window`
seconds: 3600 is the hour itself, shorter windows crowd it, 0 sends them all in the
same second (the worst case, a barrier).
Run: .venv/bin/python -m bench.bench_desk_load [--units 42] [--window 600] [--json]
"""

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from bench.intake_load import (
    Readers,
    count_statuses,
    counted,
    db_worker,
    reader_lines,
    wait_for_counts,
)
from bench.server import Gunicorn, demo_site, migrated_site
from symposium_pages.intake.libreoffice import find_soffice
from tests.intake.papers import PaperSpec, build_paper
from tests.reliability.web import site_facts

READERS = 8
OPEN_DESKS = """
import datetime, json, django
django.setup()
from django.utils import timezone
from symposium_pages.models import DeskLink, SymposiumPage
plan = SymposiumPage.objects.live().filter(locale__language_code="vi").first()
tokens = []
for invitation in plan.invitations.order_by("pk")[:%(units)d]:
    invitation.accept_late_until = timezone.now() + datetime.timedelta(days=1)
    invitation.save(update_fields=["accept_late_until"])
    tokens.append(DeskLink.issue(invitation)[1])
print(json.dumps(tokens))
"""


def paper(number):
    """About seven A4 pages of the corpus generator's layout, one per unit."""
    return build_paper(PaperSpec(seed=500 + number, paragraphs=34, tables=1, bullets=4))


class Unit:
    """One unit at its desk: open it, upload, confirm; each step timed."""

    def __init__(self, base, token, data):
        self.base, self.token, self.data = base, token, data
        self.session = requests.Session()
        self.times = {}
        self.outcome = None

    def _post(self, step, **kwargs):
        started = time.monotonic()
        response = self.session.post(
            f"{self.base}/desk/{self.token}/",
            data={
                "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", ""),
                **kwargs.pop("data"),
            },
            allow_redirects=False,
            timeout=300,
            **kwargs,
        )
        self.times[step] = time.monotonic() - started
        return response

    def run(self, start):
        """Opens the desk, then sends at `start()`: a barrier's wait, or a moment's sleep."""
        self.session.get(f"{self.base}/desk/{self.token}/", timeout=120)
        start()
        files = {"file": ("tham-luan.docx", self.data)}
        check = self._post("check", data={"action": "upload"}, files=files)
        found = re.search(r'name="pending" value="([^"]+)"', check.text)
        if check.status_code != 200 or not found:
            self.outcome = f"check {check.status_code}"
            return
        confirm = self._post("confirm", data={"action": "confirm", "pending": found.group(1)})
        receipt = confirm.headers.get("Location", "")
        self.outcome = (
            "receipt"
            if confirm.status_code == 302 and "/receipt/" in receipt
            else (f"confirm {confirm.status_code}")
        )


def starts(people, window, began_at):
    """Each unit's way to wait for its moment: all at once for 0, else seeded moments."""
    if not window:
        barrier = threading.Barrier(len(people))
        return [barrier.wait] * len(people)
    moments = random.Random(42).sample(range(int(window * 1000)), len(people))

    def waiter(moment):
        return lambda: time.sleep(max(0.0, began_at() + moment / 1000 - time.monotonic()))

    return [waiter(moment) for moment in moments]


def measure(template, workdir, units, window):
    site = template.copy(workdir / "desks")
    site.extra_env.update(
        TASKS_BACKEND="database",
        SYMPOSIUM_SOFFICE_CONCURRENCY="1",
        SYMPOSIUM_SOFFICE_SLOTS_DIR=str(workdir / "slots"),
    )
    try:
        facts = site_facts(site)
        tokens = site.run_json(OPEN_DESKS % {"units": units})
        baseline = counted(count_statuses(site))
        with Gunicorn(site, workers=2, threads=4) as server:
            urls = [f"{server.url}{path}" for path in ("/", facts["plan_url"], facts["paper_url"])]
            for url in urls:
                for _ in range(3):
                    requests.get(url, timeout=30)
            people = [Unit(server.url, token, paper(n)) for n, token in enumerate(tokens)]
            clock = {}
            waits = starts(people, window, lambda: clock["began"])
            with db_worker(site, workdir / "worker.log"), Readers(urls, READERS) as readers:
                time.sleep(5)
                idle = readers.summary(time.monotonic() - 4, time.monotonic())
                began = clock["began"] = time.monotonic()
                threads = [
                    threading.Thread(target=p.run, args=(wait,))
                    for p, wait in zip(people, waits, strict=True)
                ]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                answered = time.monotonic()
                statuses = wait_for_counts(site, baseline + len(people), timeout=1800)
                counted_at = time.monotonic()
            log = server.log.read_text(errors="replace")
        return {
            "units": len(people),
            "window_s": window,
            "receipts": sum(p.outcome == "receipt" for p in people),
            "outcomes": sorted({p.outcome for p in people}),
            "check_s": sorted(p.times.get("check", 0) for p in people),
            "confirm_s": sorted(p.times.get("confirm", 0) for p in people),
            "answered_s": answered - began,
            "counted_s": counted_at - began,
            "exact": counted(statuses) - baseline,
            "readers_idle": idle,
            "readers_during_uploads": readers.summary(began, answered),
            "readers_while_counting": readers.summary(answered, counted_at),
            "tracebacks": log.count("Traceback"),
        }
    finally:
        site.drop()


def table(row):
    def spread(values):
        ninety = values[int(0.9 * (len(values) - 1))]
        return f"{statistics.median(values):.2f} / {ninety:.2f} / {max(values):.2f}"

    arrival = "in the same second" if not row["window_s"] else f"within {row['window_s']:g} s"
    figures = [
        (f"units sending ({arrival})", row["units"]),
        ("receipts", f"{row['receipts']} ({', '.join(row['outcomes'])})"),
        ("check answered, p50 / p90 / max (s)", spread(row["check_s"])),
        ("confirm answered, p50 / p90 / max (s)", spread(row["confirm_s"])),
        ("all answered after (s)", f"{row['answered_s']:.1f}"),
        ("exact counts done after (s)", f"{row['counted_s']:.1f} ({row['exact']} counted)"),
        ("tracebacks in the server log", row["tracebacks"]),
    ]
    lines = [f"{label:<40}{value}" for label, value in figures] + [""]
    phases = [row["readers_idle"], row["readers_during_uploads"], row["readers_while_counting"]]
    lines += reader_lines(["idle", "uploads", "counting"], phases, label_width=26, width=10)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=42)
    parser.add_argument(
        "--window", type=float, default=600, help="seconds within which the units arrive"
    )
    parser.add_argument("--json", action="store_true", help="print the row as JSON too")
    args = parser.parse_args()
    if find_soffice() is None:
        print("not measured: LibreOffice (soffice) is not installed")
        return
    workdir = Path(tempfile.mkdtemp(prefix="symposium-bench-desks-"))
    migrated = migrated_site(workdir / "migrated")
    template = demo_site(workdir / "demo", migrated)
    try:
        row = measure(template, workdir, args.units, args.window)
    finally:
        template.drop()
        migrated.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(row))
    if args.json:
        print(json.dumps(row))


if __name__ == "__main__":
    sys.exit(main())
