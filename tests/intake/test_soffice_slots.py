"""The host's bound on LibreOffice processes: across processes, with the lock files alone
and with real soffice runs."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from symposium_pages.intake.libreoffice import find_soffice, render_pages
from symposium_pages.intake.slots import soffice_slot
from tests.symposium_pages.docx_builders import simple_paper

ROOT = Path(__file__).resolve().parents[2]
SOFFICE = find_soffice()

HOLDER = """
import json, sys, time
from pathlib import Path
from symposium_pages.intake.slots import soffice_slot
with soffice_slot(limit=int(sys.argv[1]), directory=Path(sys.argv[2])):
    began = time.time()
    time.sleep(0.4)
    print(json.dumps([began, time.time()]))
"""


def holders(count, limit, directory):
    """`count` processes each holding a slot for 0.4 s; their (start, end) times."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(limit), str(directory)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(count)
    ]
    return [tuple(json.loads(process.communicate(timeout=60)[0])) for process in processes]


def most_at_once(intervals):
    events = sorted([(start, 1) for start, _ in intervals] + [(end, -1) for _, end in intervals])
    running = most = 0
    for _time, change in events:
        running += change
        most = max(most, running)
    return most


def test_one_slot_across_processes_means_one_at_a_time(tmp_path):
    intervals = holders(3, 1, tmp_path)
    assert most_at_once(intervals) == 1
    assert max(end for _, end in intervals) - min(start for start, _ in intervals) >= 1.2


def test_two_slots_let_two_run_and_no_more(tmp_path):
    assert most_at_once(holders(4, 2, tmp_path)) == 2


def test_a_slot_is_reentrant_within_a_thread_and_freed_by_a_killed_holder(tmp_path):
    with soffice_slot(limit=1, directory=tmp_path), soffice_slot(limit=1, directory=tmp_path):
        pass  # no deadlock: the job's inner conversion reuses its slot
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER.replace("0.4", "600"), "1", str(tmp_path)],
        env=env,
        stdout=subprocess.DEVNULL,
    )
    time.sleep(1.5)  # it holds the slot now
    holder.kill()
    holder.wait()
    started = time.monotonic()
    with soffice_slot(limit=1, directory=tmp_path):
        assert time.monotonic() - started < 5


@pytest.mark.libreoffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_two_counts_with_concurrency_one_never_overlap(tmp_path, monkeypatch, settings):
    monkeypatch.setenv("SYMPOSIUM_SOFFICE_SLOTS_DIR", str(tmp_path / "slots"))
    settings.SYMPOSIUM_SOFFICE_CONCURRENCY = 1
    data = simple_paper(pages=2)
    results, samples, done = [], [], threading.Event()

    def soffice_children():
        # soffice (oosplash) is our direct child while a conversion runs.
        count = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == os.getpid() and b"soffice" in cmdline:
                count += 1
        return count

    def watch():
        while not done.is_set():
            samples.append(soffice_children())
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    counters = [
        threading.Thread(target=lambda: results.append(render_pages(data, SOFFICE, 120)))
        for _ in range(2)
    ]
    for thread in counters:
        thread.start()
    for thread in counters:
        thread.join()
    done.set()
    watcher.join()
    assert results == [2, 2]
    assert max(samples) == 1, "two soffice ran at once"
