"""How long the intake takes to check a paper, by length, and to refuse a zip bomb.

Run: .venv/bin/python bench/bench_intake.py
Prints a table: pages, time for the whole check by estimate (open, extract,
count), time per page, peak Python memory and the process's peak RSS.
"""

import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")

import django  # noqa: E402

django.setup()

from symposium_pages.intake.check import check_paper  # noqa: E402
from tests.intake.hostile import zip_bomb  # noqa: E402
from tests.intake.papers import PaperSpec, build_paper  # noqa: E402

# Paragraph counts that give papers of about 2 to 40 pages.
LENGTHS = [12, 25, 45, 65, 90, 180, 360]
RUNS = 5


def timed(function, runs=RUNS):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{'pages':>5} {'paragraphs':>10} {'check (s)':>10} {'per page (ms)':>14} {'peak alloc (MB)':>16}"
    )
    for paragraphs in LENGTHS:
        data = build_paper(PaperSpec(seed=paragraphs, paragraphs=paragraphs, tables=1, bullets=4))
        seconds, result = timed(lambda data=data: check_paper(data, "x.docx", method="estimate"))
        tracemalloc.start()
        check_paper(data, "x.docx", method="estimate")
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        per_page = seconds / result.pages * 1000
        print(
            f"{result.pages:>5} {paragraphs:>10} {seconds:>10.3f} {per_page:>14.1f} {peak:>16.1f}"
        )
    bomb = zip_bomb(declared=1 << 30)
    seconds, result = timed(lambda: check_paper(bomb, "bomb.docx", method="estimate"), runs=20)
    print()
    print(
        f"1 GiB zip bomb ({len(bomb) / 1e6:.1f} MB on disk): refused in {seconds * 1000:.2f} ms "
        f"({result.error_codes[0] if result.error_codes else 'NOT REFUSED'})"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak RSS of this process: {rss:.0f} MB ({baseline:.0f} MB after loading Django and Wagtail)"
    )


if __name__ == "__main__":
    main()
