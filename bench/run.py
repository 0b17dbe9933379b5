"""`make bench`: our public pages side by side with a stock Wagtail page, in one run.

- a stock `wagtail start` site with the project's own Wagtail (bench/stock.py: its welcome
  page, DEBUG off, whitenoise) and the demo (load_demo), both served by gunicorn as
  `make serve` runs it (2 workers × 4 threads), on the same database kind (SQLite, or the
  PostgreSQL server of DATABASE_URL: `make bench` runs both). Each public page (home,
  plan, units page, paper, English plan, search, the plan's feed and .ics) in requests/s
  and as a ratio to the stock page and to the static CSS file, with the queries one
  render makes; rounds taken in turn (stock, static, home, …, stock, …), the median of 3
  kept. *Rendered*: SYMPOSIUM_PAGE_CACHE_SECONDS=0, every request goes through Django's
  middleware and Wagtail's routing and renders, with the parts kept per public version
  (symposium_pages/fragments.py); *bare*: nothing kept either
  (SYMPOSIUM_FRAGMENT_CACHE_SECONDS=0), as each worker's first render after a publish;
  *cached*: the site's default settings, where the page cache serves what it can;
- the intake's check per page (by layout estimate; with LibreOffice too when present);
- the booklet per paper (bench/bench_booklet.py), when that benchmark exists;
- with --intake-load: readers' latency idle and during 10 intakes with LibreOffice
  (bench/bench_intake_load.py), when soffice is installed.

The load comes from `wrk` (Debian's package; installed when missing and we are root),
else from a small Python load generator with threads. Everything runs against
127.0.0.1, bounded in time. Options: --seconds per URL, --rounds, --connections,
--pages-only, --quick (one short run of four targets, for a smoke test).
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
from bench.server import ROOT, Gunicorn, demo_site, migrated_site
from bench.stock import stock_site
from symposium_pages.intake.libreoffice import find_soffice

QUERIES = """
import json, os, django
django.setup()
from django.test.utils import override_settings
override_settings(SYMPOSIUM_PAGE_CACHE_SECONDS=0).enable()  # the queries of a real render
from django.db import connection
from django.test import Client
from symposium_pages import fragments
client = Client()
counts = {}
for url in URLS_JSON:
    client.get(url, HTTP_HOST="127.0.0.1")
    made, cold = [], []
    with connection.execute_wrapper(lambda execute, *args: made.append(1) or execute(*args)):
        response = client.get(url, HTTP_HOST="127.0.0.1")
    fragments._cache().clear()  # as right after a publish: nothing kept
    with connection.execute_wrapper(lambda execute, *args: cold.append(1) or execute(*args)):
        client.get(url, HTTP_HOST="127.0.0.1")
    counts[url] = [response.status_code, len(made), len(cold)]
print(json.dumps(counts))
"""

# Our public pages, as a reader finds them in the demo.
PAGES = """
import json, django
django.setup()
from symposium_pages.models import InvitedUnitsPage, PaperPage, SymposiumPage
from symposium_pages.programme import in_programme_order
plan = SymposiumPage.objects.live().filter(locale__language_code="vi").first()
english = plan.get_translations().live().filter(locale__language_code="en").first()
paper = in_programme_order(PaperPage.objects.live().child_of(plan)).first()
units = InvitedUnitsPage.objects.live().child_of(plan).first()
print(json.dumps([
    ["home", "/"],
    ["plan", plan.url],
    ["units page", units.url],
    ["paper", paper.url],
    ["English plan", english.url],
    ["search", "/search/?q=tham+lu%E1%BA%ADn"],
    ["plan's feed", plan.url + "feed/"],
    ["plan's .ics", plan.url + "calendar/"],
]))
"""

STOCK = "stock Wagtail page"
STATIC = "static CSS file"


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


def measure(servers, targets, wrk, seconds, connections, rounds):
    """Requests per second of each target, its servers already running.

    `targets` are (name, server, path) with `server` a key of `servers`. The `seconds` per
    target are spent in `rounds` short runs taken in turn (stock page, static file, home,
    plan, …, stock page, …), and the median run is kept: on a machine shared with other
    work, a burst of load then hits every target alike instead of one of them.
    """
    runs = {name: [] for name, _server, _path in targets}
    urls = {name: (server, f"{servers[server].url}{path}") for name, server, path in targets}
    for _server, url in urls.values():
        for _ in range(5):  # warm: templates compiled, renditions made, caches filled
            requests.get(url, timeout=30)
    for server in servers.values():
        drained(server.worker_pids())
    for _ in range(rounds):
        for name, (server, url) in urls.items():
            workers = servers[server].worker_pids()
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
            f"(median of {rounds} runs, {low:.0f}–{high:.0f}, load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    if any(m["bad"] or m["errors"] for m in rows.values()):
        for server in servers.values():
            print(server.log.read_text(errors="replace")[-3000:])
    return rows


def static_path(server):
    home = requests.get(f"{server.url}/", timeout=30).text
    return re.search(r'href="(/static/[^"]+\.css)"', home).group(1)


def side_by_side(workdir, args, wrk):
    """Our public pages against a stock Wagtail page and the static file, one table."""
    database = (
        "PostgreSQL" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "SQLite"
    )
    print(f"preparing a stock `wagtail start` site and the demo ({database})…", flush=True)
    stock = stock_site(workdir / "stock")
    migrated = migrated_site(workdir / "migrated")
    site = demo_site(workdir / "demo", migrated)
    try:
        pages = site.run_json(PAGES)
        if args.quick:
            pages = pages[:2]
        queries = site.run_json(QUERIES.replace("URLS_JSON", json.dumps([p for _, p in pages])))
        # Every page rendered: the page cache off, whatever cache the settings give.
        site.extra_env["SYMPOSIUM_PAGE_CACHE_SECONDS"] = "0"
        with Gunicorn(stock) as stock_server, Gunicorn(site) as ours:
            servers = {"stock": stock_server, "ours": ours}
            targets = [(STOCK, "stock", "/"), (STATIC, "ours", static_path(ours))]
            targets += [(name, "ours", path) for name, path in pages]
            rendered = measure(servers, targets, wrk, args.seconds, args.connections, args.rounds)
        bare = {}
        if not args.quick:
            # Nothing kept at all, as the first render after a publish in each worker.
            site.extra_env["SYMPOSIUM_FRAGMENT_CACHE_SECONDS"] = "0"
            with Gunicorn(stock) as stock_server, Gunicorn(site) as ours:
                servers = {"stock": stock_server, "ours": ours}
                bare_targets = [(STOCK, "stock", "/")]
                bare_targets += [(name, "ours", path) for name, path in pages]
                bare = measure(
                    servers, bare_targets, wrk, args.seconds, args.connections, args.rounds
                )
            del site.extra_env["SYMPOSIUM_FRAGMENT_CACHE_SECONDS"]
        del site.extra_env["SYMPOSIUM_PAGE_CACHE_SECONDS"]
        cached = {}
        if not args.quick:
            # As the settings serve them by default: the add-on's pages from the page cache
            # when it is on.
            with Gunicorn(site) as ours:
                cached_targets = [(name, "ours", path) for name, path in pages[:4]]
                cached = measure(
                    {"ours": ours}, cached_targets, wrk, args.seconds, args.connections, args.rounds
                )
    finally:
        site.drop()
        migrated.drop()
        stock.drop()
    return database, pages, queries, rendered, cached, bare


def print_side_by_side(database, pages, queries, rendered, cached, bare, args, tool):
    stock, static = rendered[STOCK]["rate"], rendered[STATIC]["rate"]
    print()
    print(
        f"{database}: gunicorn 2 workers × 4 threads for both sites, production settings "
        f"(DEBUG off, whitenoise), {tool} with {args.connections} connections, "
        f"{args.seconds:g} s per URL in {args.rounds} runs taken in turn (median kept); "
        f"rendered = SYMPOSIUM_PAGE_CACHE_SECONDS=0 (parts kept per public version), "
        f"bare = nothing kept either (SYMPOSIUM_FRAGMENT_CACHE_SECONDS=0, its own stock "
        f"runs), cached = the default settings"
    )
    print(
        f"{'page':<20} {'rendered/s':>10} {'× stock':>8} {'× static':>9} {'p50 ms':>7} "
        f"{'CPU ms†':>8} {'queries*':>8} {'bare/s':>7} {'× stock':>8} {'CPU ms†':>8} "
        f"{'cached/s':>9} {'non-2xx':>8}"
    )
    bare_stock = bare[STOCK]["rate"] if bare else None
    names = [STOCK, STATIC] + [name for name, _path in pages]
    paths = dict(pages)
    for name in names:
        m = rendered[name]
        count = queries.get(paths[name]) if name in paths else None
        extra = cached.get(name)
        nothing_kept = bare.get(name) if name != STOCK else None
        bad = sum(run["bad"] + run["errors"] for run in (m, extra, nothing_kept) if run is not None)
        cells = [
            f"{m['rate']:.0f}",
            f"{m['rate'] / stock:.2f}",
            f"{m['rate'] / static:.3f}",
            "" if m["p50_ms"] is None else f"{m['p50_ms']:.1f}",
            "" if m["cpu_ms"] is None else f"{m['cpu_ms']:.1f}",
            "" if count is None else f"{count[1]}/{count[2]}",
            f"{nothing_kept['rate']:.0f}" if nothing_kept else "",
            f"{nothing_kept['rate'] / bare_stock:.2f}" if nothing_kept else "",
            f"{nothing_kept['cpu_ms']:.1f}" if nothing_kept and nothing_kept["cpu_ms"] else "",
            f"{extra['rate']:.0f}" if extra else "",
            str(bad),
        ]
        widths = (10, 8, 9, 7, 8, 8, 7, 8, 8, 9, 8)
        print(f"{name:<20} " + " ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)))
    slowest = min((rendered[name]["rate"], name) for name, _path in pages)
    verdict = "meets" if slowest[0] >= 0.5 * stock else "MISSES"
    line = (
        f"slowest page rendered: {slowest[1]}, {slowest[0] / stock:.2f}× the stock Wagtail "
        f"page ({verdict} the 0.5 goal)"
    )
    stock_cpu, page_cpu = rendered[STOCK]["cpu_ms"], rendered[slowest[1]]["cpu_ms"]
    if stock_cpu and page_cpu:
        # On a busy machine the CPU time per request is the steadier measure of the cost.
        line += f"; {stock_cpu / page_cpu:.2f}× by CPU time per request"
    print(line)
    plan, home = rendered.get("plan"), rendered.get("home")
    if plan and home:
        print(f"plan / home: {plan['rate'] / home['rate']:.2f} by rate", end="")
        if plan["cpu_ms"] and home["cpu_ms"]:
            print(f", {home['cpu_ms'] / plan['cpu_ms']:.2f} by CPU time per request", end="")
        print()
    if cached.get("plan"):
        print(f"cached plan / static file: {cached['plan']['rate'] / static:.2f} (goal ≥ 0.4)")
    print("† CPU time gunicorn's workers spent per request (median run): what the page costs,")
    print("  whatever else the machine is doing; the rate also depends on what it leaves free")
    print("* database queries of one render with the page cache off: parts kept / nothing kept")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=float, default=6, help="load per URL, all runs (default 6)"
    )
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs per URL, taken in turn (default 3)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="one short run of the stock page, the static file, home and plan (for tests)",
    )
    parser.add_argument(
        "--pages-only", action="store_true", help="only the side-by-side table of the pages"
    )
    parser.add_argument(
        "--intake-load",
        action="store_true",
        help="also readers during 10 intakes with LibreOffice (several minutes)",
    )
    args = parser.parse_args()
    if args.quick:
        args.seconds, args.rounds, args.pages_only = 1, 1, True
    args.seconds = max(0.5, min(args.seconds, 60))
    args.rounds = max(1, min(args.rounds, 10))

    workdir = Path(tempfile.mkdtemp(prefix="symposium-bench-"))
    started = datetime.datetime.now().astimezone()
    print(f"symposium_pages bench, {started:%Y-%m-%d %H:%M %Z}, {machine()}", flush=True)
    wrk = None if args.quick else ensure_wrk()
    wrk = wrk or shutil.which("wrk")
    tool = "wrk -t2" if wrk else "Python threads (wrk not installed)"
    try:
        table = side_by_side(workdir, args, wrk)
        intake = booklet = intake_load = None
        if not args.pages_only:
            intake, intake_problem = intake_rows()
            booklet, booklet_problem = booklet_row()
            if args.intake_load and find_soffice():
                print("readers during 10 intakes (three runs on copies of the demo)…", flush=True)
                migrated = migrated_site(workdir / "intake-migrated")
                site = demo_site(workdir / "intake-demo", migrated)
                try:
                    intake_load = bench_intake_load.measure(site, workdir)
                finally:
                    site.drop()
                    migrated.drop()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print_side_by_side(*table, args, tool)
    print(f"load average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.pages_only:
        return
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
    if intake_load:
        print()
        print(
            "readers during 10 intakes at once with LibreOffice (gunicorn 2 × 4, 8 reader "
            "connections, Python threads; with intakes, from the first upload to the last "
            "exact count)"
        )
        print(bench_intake_load.table(intake_load))


if __name__ == "__main__":
    main()
