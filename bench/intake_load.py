"""Readers and editors at once against a throwaway site: the pieces `make bench` and
tests/reliability share to see whether receiving papers holds up readers.

- `Readers`: a fixed number of connections reading public pages in turn, each request's
  latency and status kept;
- `receive_all`: editors receiving one paper each through the admin, all at once;
- `db_worker`: `manage.py db_worker` for a site run with TASKS_BACKEND=database;
- `count_statuses`: where the exact page counts stand, read straight from the database.
"""

import contextlib
import signal
import sqlite3
import statistics
import subprocess
import threading
import time

import requests

from bench.server import PYTHON, ROOT


class Readers:
    """`connections` threads reading `urls` in turn until stopped."""

    def __init__(self, urls, connections=8, timeout=60):
        self.urls = urls
        self.connections = connections
        self.timeout = timeout
        self.samples = []  # (finished at, seconds, status or None)
        self.errors = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = []

    def _run(self, offset):
        session = requests.Session()
        number = offset
        while not self._stop.is_set():
            url = self.urls[number % len(self.urls)]
            number += 1
            started = time.perf_counter()
            try:
                status = session.get(url, timeout=self.timeout).status_code
            except requests.RequestException as error:
                status = None
                with self._lock:
                    self.errors.append(f"GET {url}: {error}")
            finished = time.perf_counter()
            with self._lock:
                self.samples.append((time.monotonic(), finished - started, status))

    def __enter__(self):
        for offset in range(self.connections):
            thread = threading.Thread(target=self._run, args=(offset,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=self.timeout + 5)
        return False

    def summary(self, since, until):
        """p50, p95 (ms), requests/s and statuses of the requests finished in [since, until]."""
        with self._lock:
            chosen = [s for s in self.samples if since <= s[0] <= until]
        latencies = sorted(seconds for _, seconds, _status in chosen)
        statuses = {}
        for _, _seconds, status in chosen:
            statuses[status] = statuses.get(status, 0) + 1
        return {
            "requests": len(chosen),
            "rate": len(chosen) / max(until - since, 1e-9),
            "p50_ms": statistics.median(latencies) * 1000 if latencies else None,
            "p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else None,
            "statuses": statuses,
            "server_errors": sum(n for status, n in statuses.items() if status and status >= 500),
        }


def _cell(value, spec):
    return "" if value is None else format(value, spec)


def reader_lines(headings, phases, *, label_width, width):
    """The readers' rows of a table: one column per phase (a `Readers.summary`)."""
    lines = [
        f"{'readers (8 connections)':<{label_width}}"
        + "".join(f"{heading:>{width}}" for heading in headings)
    ]
    for label, key, spec in (
        ("requests/s", "rate", ".1f"),
        ("p50 (ms)", "p50_ms", ".0f"),
        ("p95 (ms)", "p95_ms", ".0f"),
        ("5xx", "server_errors", "d"),
    ):
        cells = "".join(f"{_cell(phase[key], spec):>{width}}" for phase in phases)
        lines.append(f"{label:<{label_width}}{cells}")
    return lines


def receive_all(base, plan_id, papers, log_in):
    """Each (invitation, data) received by its own editor, all at once, through the admin.

    `log_in(base)` gives a logged-in editor (tests/reliability/web.py's Editor). Returns,
    in order, (status of the confirmation, its Location, seconds from upload to answer).
    """
    results = [None] * len(papers)
    ready = threading.Barrier(len(papers))

    def one(number, invitation, data):
        editor = log_in(base)
        ready.wait()
        started = time.monotonic()
        try:
            response = editor.receive(plan_id, data, invitation=invitation)
            results[number] = (
                response.status_code,
                response.headers.get("Location", ""),
                time.monotonic() - started,
            )
        except requests.RequestException as error:
            results[number] = (None, str(error), time.monotonic() - started)

    threads = [
        threading.Thread(target=one, args=(number, invitation, data))
        for number, (invitation, data) in enumerate(papers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@contextlib.contextmanager
def db_worker(site, log_path):
    """`manage.py db_worker` for `site` (its env must set TASKS_BACKEND=database)."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [PYTHON, str(ROOT / "manage.py"), "db_worker", "--interval", "0.5"],
            cwd=ROOT,
            env=site.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)


def count_statuses(site):
    """{status: number} of the exact page counts, read from the site's database."""
    query = "SELECT status, COUNT(*) FROM symposium_pages_exactpagecount GROUP BY status"
    if site.database.path:
        with contextlib.closing(sqlite3.connect(site.database.path, timeout=30)) as connection:
            return dict(connection.execute(query).fetchall())
    import psycopg

    with psycopg.connect(site.database.url) as connection:
        return dict(connection.execute(query).fetchall())


def counted(statuses):
    return statuses.get("exact", 0) + statuses.get("failed", 0)


def wait_for_counts(site, expected, timeout=600, step=0.5):
    """Waits until `expected` exact counts are made (or failed) and none is running."""
    deadline = time.monotonic() + timeout
    while True:
        statuses = count_statuses(site)
        done = counted(statuses) >= expected and not statuses.get("counting")
        if done or time.monotonic() > deadline:
            return statuses
        time.sleep(step)
