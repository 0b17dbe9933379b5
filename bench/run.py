"""`make bench`: one table measured in one run on this machine.

- requests per second under gunicorn as `make serve` runs it (2 workers × 4 threads,
  production settings, whitenoise) with 16 connections on loopback, for the home
  page, the plan page, a published paper and a static file (the ceiling); with the
  database queries one view of each page makes. Twice: every page rendered (a
  local-memory cache, so the page cache is off), then with a throwaway Redis, when
  redis-server is installed, where the add-on's pages come from the page cache;
- the intake's check per page (by layout estimate; with LibreOffice too when present);
- the booklet per paper (bench/bench_booklet.py), when that benchmark exists;
- readers' latency idle and during 10 intakes with LibreOffice, the exact counts in the
  background worker and, as before issue 15, inside the web request
  (bench/bench_intake_load.py), when soffice is installed.

The load comes from `wrk` (Debian's package; installed when missing and we are root),
else from a small Python load generator with threads. Everything runs against
127.0.0.1, bounded in time. Options: --seconds per URL (default 10), --connections.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

from bench import bench_intake_load
from bench.server import ROOT, Gunicorn, demo_site, migrated_site, redis_server
from symposium_pages.intake.libreoffice import find_soffice

QUERIES = """
import json, os, django
django.setup()
from django.test.utils import override_settings
override_settings(SYMPOSIUM_PAGE_CACHE_SECONDS=0).enable()  # the queries of a real render
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for url in URLS_JSON:
    client.get(url, HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST="127.0.0.1")
    counts[url] = [response.status_code, len(queries)]
print(json.dumps(counts))
"""

PAGES = """
import json, django
django.setup()
from symposium_pages.models import PaperPage, SymposiumPage
from symposium_pages.programme import in_programme_order
plan = SymposiumPage.objects.live().first()
paper = in_programme_order(PaperPage.objects.live().child_of(plan)).first()
print(json.dumps({"plan": plan.url, "paper": paper.url}))
"""


def machine():
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f", {int(line.split()[1]) / 1024**2:.0f} GiB RAM"
    load = ""
    with contextlib.suppress(OSError):
        load = f", load average {os.getloadavg()[0]:.1f} at the start"
    return f"{os.cpu_count()} CPUs ({cpu}){memory}{load}"


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("installing wrk (Debian package)…", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"],
            env=env,
            capture_output=True,
            check=False,
        )
    return shutil.which("wrk")


def load_with_wrk(wrk, url, seconds, connections):
    result = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "30s", "--latency", url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    out = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    latency = re.search(r"50%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "rate": rate,
        "requests": total,
        "bad": int(bad.group(1)) if bad else 0,
        "errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "p50_ms": float(latency.group(1)) * scale[latency.group(2)] if latency else None,
    }


def load_with_threads(url, seconds, connections):
    """The fallback: `connections` threads, each with a keep-alive session."""
    stop = time.monotonic() + seconds
    counts = {"ok": 0, "bad": 0, "errors": 0}
    latencies = []
    lock = threading.Lock()

    def run():
        session = requests.Session()
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                response = session.get(url, timeout=30)
                key = "ok" if response.status_code < 400 else "bad"
            except requests.RequestException:
                key = "errors"
            with lock:
                counts[key] += 1
                latencies.append(time.perf_counter() - started)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    latencies.sort()
    total = sum(counts.values())
    return {
        "rate": total / elapsed,
        "requests": total,
        "bad": counts["bad"],
        "errors": counts["errors"],
        "p50_ms": latencies[len(latencies) // 2] * 1000 if latencies else None,
    }


def intake_rows():
    """The intake's check by estimate, per page, for a short and a long paper (and LibreOffice)."""
    code = """
import json, shutil
from bench.bench_intake import timed
from symposium_pages.intake.check import check_paper
from tests.intake.papers import PaperSpec, build_paper
rows = []
for paragraphs in (25, 90):
    data = build_paper(PaperSpec(seed=paragraphs, paragraphs=paragraphs, tables=1, bullets=4))
    seconds, result = timed(lambda data=data: check_paper(data, "x.docx", method="estimate"))
    rows.append(["estimate", result.pages, seconds])
    if paragraphs == 25 and shutil.which("soffice"):
        seconds, result = timed(
            lambda data=data: check_paper(data, "x.docx", method="libreoffice"), runs=2
        )
        rows.append([result.page_count_method, result.pages, seconds])
print(json.dumps(rows))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "site")])},
    )
    if result.returncode != 0:
        return None, result.stderr.strip().splitlines()[-1:]
    return json.loads(result.stdout.strip().splitlines()[-1]), None


def booklet_row(papers=50):
    script = ROOT / "bench" / "bench_booklet.py"
    if not script.exists():
        return None, "not yet available (bench/bench_booklet.py is not in this tree)"
    result = subprocess.run(
        [sys.executable, str(script), "--one", str(papers)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["?"])[-1]
        return None, f"not available: bench/bench_booklet.py failed ({last})"
    return json.loads(result.stdout.strip().splitlines()[-1]), None


def cpu_seconds(pids):
    """CPU time (user + system) the processes have used so far, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def drained(pids, quiet=0.02, step=0.25, limit=60):
    """Waits until the workers are idle (under `quiet` CPU seconds in `step`); their CPU time."""
    deadline = time.monotonic() + limit
    before = cpu_seconds(pids)
    while time.monotonic() < deadline:
        time.sleep(step)
        now = cpu_seconds(pids)
        if now - before < quiet:
            return now
        before = now
    return before


def measure(site, targets, wrk, seconds, connections, rounds):
    """Requests per second of each target under gunicorn as `make serve` runs it.

    The `seconds` per target are spent in `rounds` short runs taken in turn (home, plan,
    paper, static, home, …), and the median run is kept: on a machine shared with other
    work, a burst of load then hits every target alike instead of one of them.
    """
    runs = {name: [] for name, _path in targets}
    with Gunicorn(site, workers=2, threads=4) as server:
        home = requests.get(f"{server.url}/", timeout=30).text
        static = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        urls = {name: f"{server.url}{path or static}" for name, path in targets}
        for url in urls.values():
            for _ in range(5):  # warm: templates compiled, renditions made, caches filled
                requests.get(url, timeout=30)
        workers = server.worker_pids()
        drained(workers)
        for _ in range(rounds):
            for name, url in urls.items():
                cpu = cpu_seconds(workers)
                if wrk:
                    measured = load_with_wrk(wrk, url, seconds / rounds, connections)
                else:
                    measured = load_with_threads(url, seconds / rounds, connections)
                # The requests still open when the load stopped are served all the same:
                # wait for them, so that they count here and not in the next URL's run.
                used = drained(workers) - cpu
                served = measured["requests"] + connections
                measured["cpu_ms"] = used * 1000 / served if used else None
                runs[name].append(measured)
        rows = {}
        for name, measured in runs.items():
            rates = sorted(m["rate"] for m in measured)
            p50s = sorted(m["p50_ms"] for m in measured if m["p50_ms"] is not None)
            cpus = sorted(m["cpu_ms"] for m in measured if m["cpu_ms"] is not None)
            rows[name] = {
                "rate": statistics.median(rates),
                "range": (rates[0], rates[-1]),
                "p50_ms": statistics.median(p50s) if p50s else None,
                "cpu_ms": statistics.median(cpus) if cpus else None,
                "bad": sum(m["bad"] for m in measured),
                "errors": sum(m["errors"] for m in measured),
            }
            low, high = rows[name]["range"]
            print(
                f"  measured {name}: {rows[name]['rate']:.0f} requests/s "
                f"(median of {rounds} runs, {low:.0f}–{high:.0f})",
                flush=True,
            )
        if any(m["bad"] or m["errors"] for m in rows.values()):
            print(server.log.read_text(errors="replace")[-3000:])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="load per URL (default 10)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=5, help="runs per URL, taken in turn (default 5)"
    )
    args = parser.parse_args()
    seconds = max(1, min(args.seconds, 60))
    rounds = max(1, min(args.rounds, seconds))

    workdir = Path(tempfile.mkdtemp(prefix="symposium-bench-"))
    started = datetime.datetime.now().astimezone()
    print(f"symposium_pages bench, {started:%Y-%m-%d %H:%M %Z}, {machine()}", flush=True)
    print("preparing a throwaway site (migrate, demo, collectstatic)…", flush=True)
    migrated = migrated_site(workdir / "migrated")
    site = demo_site(workdir / "demo", migrated)
    try:
        facts = site.run_json(PAGES)
        wrk = ensure_wrk()
        tool = "wrk -t2" if wrk else "Python threads (wrk not installed)"
        targets = [
            ("home page", "/"),
            ("plan page", facts["plan"]),
            ("paper", facts["paper"]),
            ("static file (ceiling)", None),
        ]
        queries = site.run_json(
            QUERIES.replace("URLS_JSON", json.dumps([path for _, path in targets[:3]]))
        )
        # Every page rendered (local-memory cache: the page cache is off, as on one machine
        # without Redis), then with Redis, where the add-on's pages come from the page cache.
        passes = {"rendered": measure(site, targets, wrk, seconds, args.connections, rounds)}
        with redis_server(workdir, install=True) as redis_url:
            if redis_url:
                site.extra_env["REDIS_URL"] = redis_url
                passes["Redis"] = measure(site, targets, wrk, seconds, args.connections, rounds)
                del site.extra_env["REDIS_URL"]
        intake, intake_problem = intake_rows()
        booklet, booklet_problem = booklet_row()
        intake_load = None
        if find_soffice():
            print("readers during 10 intakes (three runs on copies of the demo)…", flush=True)
            intake_load = bench_intake_load.measure(site, workdir)
    finally:
        site.drop()
        migrated.drop()
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print(
        f"gunicorn 2 workers × 4 threads, {args.connections} connections, {seconds} s per URL "
        f"in {rounds} runs taken in turn (the median kept), "
        f"{tool}, production settings, {'PostgreSQL' if site.database.server_url else 'SQLite'}"
    )
    print("rendered: local-memory cache, the page cache off (one machine without Redis)")
    if "Redis" in passes:
        print("Redis: REDIS_URL set, the add-on's pages served from the page cache")
    else:
        print("Redis: not measured (redis-server is not installed)")
    header = f"{'what':<24} {'rendered/s':>10} {'p50 (ms)':>9} {'CPU ms†':>8}"
    print(f"{header} {'Redis/s':>8} {'p50 (ms)':>9} {'CPU ms†':>8} {'queries*':>8} {'non-2xx':>8}")
    for name, path in targets:
        cells = []
        bad = 0
        for label in ("rendered", "Redis"):
            m = passes.get(label, {}).get(name)
            if m is None:
                cells += ["", "", ""]
                continue
            cells += [
                f"{m['rate']:.0f}",
                "" if m["p50_ms"] is None else f"{m['p50_ms']:.1f}",
                "" if m["cpu_ms"] is None else f"{m['cpu_ms']:.1f}",
            ]
            bad += m["bad"] + m["errors"]
        count = queries.get(path, [None, None])[1] if path else None
        print(
            f"{name:<24} {cells[0]:>10} {cells[1]:>9} {cells[2]:>8} {cells[3]:>8} {cells[4]:>9} "
            f"{cells[5]:>8} {'' if count is None else count!s:>8} {bad:>8}"
        )
    for label, rows in passes.items():
        plan, home = rows["plan page"], rows["home page"]
        ratio = plan["rate"] / home["rate"]
        verdict = "meets" if ratio >= 0.9 else "MISSES"
        line = f"plan page / home page, {label}: {ratio:.2f} measured ({verdict} the 0.9 goal)"
        if plan["cpu_ms"] and home["cpu_ms"]:
            by_cpu = home["cpu_ms"] / plan["cpu_ms"]
            line += f"; {by_cpu:.2f} by CPU time per request"
        print(line)
    print("† CPU time gunicorn's workers spent per request (median run): what the page costs,")
    print("  whatever else the machine is doing; the rate also depends on what it leaves free")
    print("* database queries of one uncached render (the page cache bypassed)")
    print()
    print(f"{'intake check':<24} {'pages':>10} {'seconds':>9} {'per page (ms)':>14}")
    if intake:
        for method, pages, secs in intake:
            print(f"{method:<24} {pages:>10} {secs:>9.3f} {secs / pages * 1000:>14.1f}")
    else:
        print(f"not available: {intake_problem}")
    print()
    if booklet:
        per_paper = booklet["seconds"] / booklet["papers"] * 1000
        print(
            f"booklet of {booklet['papers']} papers ({booklet['pages']} pages, by estimate): "
            f"{booklet['seconds']:.2f} s, {per_paper:.1f} ms per paper"
        )
    else:
        print(f"booklet per paper: {booklet_problem}")
    print()
    if intake_load:
        print(
            "readers during 10 intakes at once with LibreOffice (gunicorn 2 × 4, 8 reader "
            "connections, Python threads; with intakes, from the first upload to the last "
            "exact count)"
        )
        print(bench_intake_load.table(intake_load))
    else:
        print("readers during intakes: not measured (LibreOffice is not installed)")


if __name__ == "__main__":
    main()
