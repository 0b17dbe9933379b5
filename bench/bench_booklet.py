"""How long the booklet takes to build, and how much memory, for 10, 50 and 200 papers.

Run: .venv/bin/python bench/bench_booklet.py [--libreoffice] [--sizes 10 50 200]

The papers are generated in memory (tests/documents/sample_papers.py: headings,
paragraphs with bold and italic, a list, a table, sometimes a picture) and go
through `documents.booklet.make_booklet`, the code the admin, the commands and
the background task call once the papers are read from the database. Each
size runs in a fresh process, so its peak RSS is its own.

Columns: the booklet's papers and pages; the time to lay out the .docx and
number its contents by the layout estimate (what a server without LibreOffice
does); the time per paper (flat when the time is linear in papers); the peak
RSS of the process. With --libreoffice, also the time with LibreOffice (one
rendering to find where each paper starts, a second to check the written
numbers; it is also the PDF) and how many papers the estimate placed on the
page LibreOffice did.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")

SIZES = [10, 50, 200]
LIMIT_200 = 20.0  # seconds, the target for 200 papers by estimate


def one(size: int, libreoffice: bool) -> dict:
    """Build one booklet in this process and report on it (run in a child process)."""
    import django

    django.setup()
    from symposium_pages.documents.booklet import make_booklet
    from tests.documents.sample_papers import cover, sample_papers

    papers = sample_papers(size)
    start = time.perf_counter()
    estimated = make_booklet(cover(), papers, use_libreoffice=False)
    seconds = time.perf_counter() - start
    row = {
        "papers": size,
        "pages": estimated.pages,
        "seconds": seconds,
        "docx_mb": len(estimated.docx) / 1e6,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    if libreoffice:
        start = time.perf_counter()
        rendered = make_booklet(cover(), papers)
        row["lo_seconds"] = time.perf_counter() - start
        row["lo_method"] = rendered.method
        row["lo_pages"] = rendered.pages
        row["same_start"] = sum(
            a == b for a, b in zip(estimated.starts, rendered.starts, strict=True)
        )
        row["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--libreoffice", action="store_true", help="also time LibreOffice")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.libreoffice)))
        return
    header = f"{'papers':>6} {'pages':>6} {'estimate (s)':>12} {'per paper (ms)':>15} {'peak RSS (MB)':>14} {'.docx (MB)':>10}"
    if args.libreoffice:
        header += f" {'LibreOffice (s)':>15} {'LO pages':>8} {'same start':>10}"
    print(header)
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        if args.libreoffice:
            command.append("--libreoffice")
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        line = (
            f"{row['papers']:>6} {row['pages']:>6} {row['seconds']:>12.2f} "
            f"{row['seconds'] / row['papers'] * 1000:>15.1f} {row['rss_mb']:>14.0f} "
            f"{row['docx_mb']:>10.2f}"
        )
        if args.libreoffice:
            line += (
                f" {row['lo_seconds']:>15.1f} {row['lo_pages']:>8} "
                f"{row['same_start']:>5}/{row['papers']:<4}"
            )
        print(line, flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ratio = (last["seconds"] / last["papers"]) / (first["seconds"] / first["papers"])
        print()
        print(
            f"time per paper at {last['papers']} papers is {ratio:.2f}× that at "
            f"{first['papers']} (1.0 = linear)"
        )
    for row in rows:
        if row["papers"] == 200:
            verdict = "under" if row["seconds"] < LIMIT_200 else "OVER"
            print(
                f"200 papers by estimate: {row['seconds']:.1f} s, {verdict} the {LIMIT_200:g} s target"
            )


if __name__ == "__main__":
    main()
