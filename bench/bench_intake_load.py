"""Do ten intakes at once hold up readers? Readers' latency idle and during 10 intakes
with LibreOffice installed, side by side.

Each run takes a fresh copy of the demo under gunicorn (2 workers × 4 threads, production
settings) and the same reader load (8 connections reading the home page, the plan and a
paper in turn, from Python threads):

- idle: readers alone, for --idle seconds;
- background: 10 editors receive a paper each at once through the admin; the answer
  carries the layout estimate and LibreOffice's exact counts run in `manage.py db_worker`
  (TASKS_BACKEND=database), one soffice at a time (SYMPOSIUM_SOFFICE_CONCURRENCY=1);
- in the request: the same with the immediate backend and no bound, as it was before
  issue 15: soffice runs inside the web workers while the editors wait.

With intakes, readers are measured from the first upload until every paper has its
exact count. Run: .venv/bin/python -m bench.bench_intake_load [--idle 15] [--json]
"""

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import requests

from bench.intake_load import (
    Readers,
    count_statuses,
    counted,
    db_worker,
    reader_lines,
    receive_all,
    wait_for_counts,
)
from bench.server import Gunicorn, demo_site, migrated_site
from symposium_pages.intake.libreoffice import find_soffice
from tests.intake.papers import PaperSpec, build_paper
from tests.reliability.web import Editor, site_facts

INTAKES = 10
READERS = 8

MODES = {
    "idle": {},
    "background": {"TASKS_BACKEND": "database", "SYMPOSIUM_SOFFICE_CONCURRENCY": "1"},
    "in the request": {"TASKS_BACKEND": "immediate", "SYMPOSIUM_SOFFICE_CONCURRENCY": "10"},
}


def papers():
    """Ten realistic papers of three to five pages (the corpus generator's layout)."""
    return [
        build_paper(PaperSpec(seed=100 + n, paragraphs=18 + 2 * n, tables=1, bullets=3))
        for n in range(INTAKES)
    ]


def editor(base):
    person = Editor(base)
    person.log_in()
    return person


def run_mode(template, workdir, mode, idle_seconds):
    site = template.copy(workdir / mode.replace(" ", "-"))
    site.extra_env.update(MODES[mode], SYMPOSIUM_SOFFICE_SLOTS_DIR=str(workdir / "slots"))
    try:
        facts = site_facts(site)
        open_invitations = [
            pk for pk in facts["invitations"] if pk not in facts["invitations_with_papers"]
        ]
        work = list(zip(open_invitations, papers(), strict=False))[:INTAKES]
        baseline = counted(count_statuses(site))
        with Gunicorn(site, workers=2, threads=4) as server:
            urls = [f"{server.url}{path}" for path in ("/", facts["plan_url"], facts["paper_url"])]
            for url in urls:
                for _ in range(3):  # warm: templates compiled, caches filled
                    requests.get(url, timeout=30)
            worker = (
                db_worker(site, workdir / f"{mode}-worker.log")
                if mode == "background"
                else contextlib.nullcontext()
            )
            with worker, Readers(urls, READERS) as readers:
                time.sleep(1)  # the readers' connections are open
                began = time.monotonic()
                if mode == "idle":
                    time.sleep(idle_seconds)
                    answers, statuses = [], {}
                else:
                    answers = receive_all(server.url, facts["plan_id"], work, editor)
                    answered = time.monotonic()
                    statuses = wait_for_counts(site, baseline + len(work))
                ended = time.monotonic()
            log = server.log.read_text(errors="replace")
        row = readers.summary(began, ended)
        if answers:
            # Readers while the editors wait for their answers, and after, while counts run.
            row["while_editors_wait"] = readers.summary(began, answered)
            if ended - answered >= 1:
                row["after_answers"] = readers.summary(answered, ended)
        waits = sorted(seconds for _status, _where, seconds in answers)
        row.update(
            seconds=ended - began,
            intakes=len(answers),
            received=sum(1 for status, where, _ in answers if status == 302 and "/edit/" in where),
            editor_wait=(waits[len(waits) // 2], waits[-1]) if waits else None,
            exact=counted(statuses) - baseline if statuses else None,
            errors=len(readers.errors),
            tracebacks=log.count("Traceback"),
        )
        return row
    finally:
        site.drop()


def measure(template, workdir, idle_seconds=15):
    return {mode: run_mode(template, workdir, mode, idle_seconds) for mode in MODES}


def cell(value, spec):
    return "" if value is None else format(value, spec)


def columns(rows):
    """(heading, readers' figures, the run's row) for each column of the table."""
    found = [("idle", rows["idle"], rows["idle"])]
    for mode in ("background", "in the request"):
        row = rows[mode]
        found.append((mode, row, row))
        if mode == "background":
            found.append(("…editors wait", row["while_editors_wait"], row))
            if "after_answers" in row:
                found.append(("…counts run", row["after_answers"], row))
    return found


def table(rows):
    """The side-by-side table: readers idle, during the background run (all of it, while
    the editors wait for their answers, then while the worker counts) and in the request."""
    cols = columns(rows)
    width = 16
    lines = reader_lines([c[0] for c in cols], [c[1] for c in cols], label_width=30, width=width)

    def line(label, get, which=1):
        lines.append(f"{label:<30}" + "".join(f"{get(c[which]):>{width}}" for c in cols))

    line("seconds measured", lambda r: cell(r["requests"] / r["rate"] if r["rate"] else 0, ".1f"))
    line("papers received", lambda r: str(r["received"]) if r["intakes"] else "–", 2)
    line(
        "editor's wait p50 / max (s)",
        lambda r: (
            f"{r['editor_wait'][0]:.1f} / {r['editor_wait'][1]:.1f}" if r["editor_wait"] else "–"
        ),
        2,
    )
    line("exact counts made", lambda r: "–" if r["exact"] is None else str(r["exact"]), 2)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--idle", type=int, default=15, help="seconds of the idle run")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args()
    if find_soffice() is None:
        print("not measured: LibreOffice (soffice) is not installed")
        return
    workdir = Path(tempfile.mkdtemp(prefix="symposium-bench-intake-"))
    migrated = migrated_site(workdir / "migrated")
    template = demo_site(workdir / "demo", migrated)
    try:
        rows = measure(template, workdir, args.idle)
    finally:
        template.drop()
        migrated.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows))
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    sys.exit(main())
