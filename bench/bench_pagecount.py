"""How fast and how lean the page estimate is, and what LibreOffice costs instead.

    .venv/bin/python bench/bench_pagecount.py              # the table
    .venv/bin/python bench/bench_pagecount.py --runs 15    # steadier medians
    .venv/bin/python bench/bench_pagecount.py --font-table # regenerate layout.py's widths

Papers of 2 to 40 pages are built with tests/intake/papers.py (Times New Roman
13 pt, 1.15 spacing, headings, lists, a table), sized by the estimate itself.
The estimate runs in this process; its peak is measured with tracemalloc, the
process's own peak with ru_maxrss. LibreOffice is timed once per run on the
7-page paper, cold start included, as the intake would pay it.
"""

from __future__ import annotations

import argparse
import gc
import io
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "site"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import docx  # noqa: E402

from symposium_pages.intake import layout  # noqa: E402
from symposium_pages.intake.pagecount import count_pages, estimate_pages, find_soffice  # noqa: E402
from tests.intake.papers import PaperSpec, build_paper  # noqa: E402

TARGETS = (2, 4, 7, 10, 20, 40)


def paper_of(pages: int) -> tuple[bytes, int]:
    """A paper the estimate puts at `pages` pages (bisecting on its paragraph count)."""
    base = PaperSpec(
        seed=pages,
        line=1.15,
        space_after=6,
        headings=max(1, pages // 2),
        bullets=1 + pages // 10,
        numbered=1,
        tables=1 + pages // 10,
        table_cols=4,
        table_rows=5,
    )
    lo, hi = 1, 12 * pages + 12
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        spec = PaperSpec(**{**base.__dict__, "paragraphs": mid})
        data = build_paper(spec)
        got = count_pages(data, method="estimate").pages
        if best is None or abs(got - pages) < abs(best[1] - pages):
            best = (data, got)
        if got < pages:
            lo = mid + 1
        elif got > pages:
            hi = mid - 1
        else:
            return data, got
    return best


def median_seconds(fn, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `fn` (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    fn()  # warm caches (font tables, style chains) as a long-running process has them
    for _ in range(runs):
        gc.collect()
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def peak_bytes(fn) -> int:
    gc.collect()
    tracemalloc.start()
    fn()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def bench(runs: int, with_libreoffice: bool) -> None:
    print(f"page estimate, median of {runs} runs (Python {sys.version.split()[0]})")
    print(
        f"{'pages':>5} {'KB':>6} {'open+estimate':>14} {'(CPU)':>9} {'estimate':>9}"
        f" {'per page':>9} {'tracemalloc peak':>17}"
    )
    papers = {target: paper_of(target) for target in TARGETS}
    seven = papers[7][0]
    gc.collect()
    baseline = max_rss_mb()
    for target, (data, pages) in papers.items():
        document = docx.Document(io.BytesIO(data))
        total, total_cpu = median_seconds(lambda d=data: count_pages(d, method="estimate"), runs)
        only, _cpu = median_seconds(lambda doc=document: estimate_pages(doc), runs)
        peak = peak_bytes(lambda d=data: count_pages(d, method="estimate"))
        label = f"{pages}" if pages == target else f"{pages}*"
        print(
            f"{label:>5} {len(data) / 1024:>6.0f} {total * 1000:>11.1f} ms"
            f" {total_cpu * 1000:>6.1f} ms {only * 1000:>6.1f} ms"
            f" {total / pages * 1000:>6.1f} ms {peak / 2**20:>13.1f} MiB"
        )
    print(
        f"process peak RSS (ru_maxrss): {max_rss_mb():.0f} MiB, "
        f"{max_rss_mb() - baseline:.0f} MiB of it reached while estimating "
        "(tracemalloc does not see lxml's own allocations; the RSS does)"
    )
    soffice = find_soffice()
    if not with_libreoffice:
        return
    if soffice is None:
        print("LibreOffice: not installed")
        return
    times = []
    for _ in range(max(1, min(runs, 3))):
        start = time.perf_counter()
        counted = count_pages(seven, method="libreoffice", soffice=soffice, timeout=120)
        times.append(time.perf_counter() - start)
    print(
        f"LibreOffice on the 7-page paper: {counted.pages} pages, "
        f"median {statistics.median(times):.2f} s over {len(times)} runs (soffice start included)"
    )


# --- regenerating the glyph advance table --------------------------------------------

FONT_FILES = {
    "serif": "LiberationSerif-{}.ttf",
    "sans": "LiberationSans-{}.ttf",
    "carlito": "Carlito-{}.ttf",
    "caladea": "Caladea-{}.ttf",
    "mono": "LiberationMono-{}.ttf",
    # LibreOffice's stand-in for fonts the server lacks (fc-match's answer on Debian)
    "dejavu": "DejaVuSans{}.ttf",
}
# File-name style of DejaVu Sans, whose italic is an oblique
DEJAVU_STYLES = {"Regular": "", "Bold": "-Bold", "Italic": "-Oblique", "BoldItalic": "-BoldOblique"}
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_table(dirs: list[Path]) -> None:
    """Print layout._ADVANCES measured from the TTF files with Pillow.

    Each advance is the glyph's width in font units (the font is opened at its own
    units-per-em size, with the basic layout engine: no kerning, as LibreOffice
    lays out Word documents).
    """
    import textwrap

    from PIL import ImageFont

    # Liberation 2 wins over Debian's older fonts-liberation when both are installed.
    paths = sorted(
        (p for d in dirs for p in d.rglob("*.ttf")), key=lambda p: "liberation2" in p.parts
    )
    found = {p.name: p for p in paths}
    print("_ADVANCES = {")
    for family, pattern in FONT_FILES.items():
        upm = 1000 if family == "caladea" else 2048
        for style in STYLES:
            name = pattern.format(DEJAVU_STYLES[style] if family == "dejavu" else style)
            if name not in found:
                print(f"    # {name} not found", file=sys.stderr)
                continue
            font = ImageFont.truetype(str(found[name]), upm, layout_engine=ImageFont.Layout.BASIC)
            widths = " ".join(str(int(font.getlength(c))) for c in layout.CHARSET)
            print(f'    ("{family}", "{style}"): """')
            print("\n".join(textwrap.wrap(widths, 95)))
            print('""",')
    print("}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-libreoffice", action="store_true")
    parser.add_argument("--font-table", action="store_true")
    parser.add_argument(
        "--fonts-dir", action="append", type=Path, default=[], help="where the TTF files are"
    )
    args = parser.parse_args()
    if args.font_table:
        font_table(args.fonts_dir or [Path("/usr/share/fonts")])
        return
    bench(args.runs, not args.no_libreoffice)


if __name__ == "__main__":
    main()
