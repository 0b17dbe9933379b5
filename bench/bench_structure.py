"""Which expected parts the intake's structure hints find in real documents, and how fast.

    .venv/bin/python bench/bench_structure.py            # the table and the timings
    .venv/bin/python bench/bench_structure.py --all      # every accepted file in the table

Reads ../shared/realdocx-dev: extracts each accepted file once (as the intake does),
then times `structure_hints` alone on its blocks against the plan's three parts with
their default Vietnamese keywords (criteria.DEFAULTS as the catalogue translates them).
Prints, per Vietnamese file, each part's hint (H: a heading, S: an opening sentence,
-: missing) and the evidence, then how many files got each hint and the time per file.
The documents are forms, laws and specifications, not papers: the table shows what the
hints make of ordinary Vietnamese text, not a rate of right answers. Says so and exits 0
when the folder is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "site"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from symposium_pages import criteria  # noqa: E402
from symposium_pages.intake.errors import PaperRejected  # noqa: E402
from symposium_pages.intake.extract import extract_paper  # noqa: E402
from symposium_pages.intake.package import open_package  # noqa: E402
from symposium_pages.intake.structure import (  # noqa: E402
    HEADING,
    OPENING_SENTENCE,
    structure_hints,
)

DEFAULT_DIR = ROOT.parent / "shared" / "realdocx-dev"
REPEAT = 20


class Part:
    """A part as the symposium holds it: a label and its keywords."""

    def __init__(self, label, keywords):
        self.label = label
        self.keywords = keywords

    def keyword_list(self):
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


def default_parts(language="vi"):
    """The parts every new symposium starts with (criteria.DEFAULTS), in `language`."""
    with translation.override(language):
        return [
            Part(str(label), str(keywords))
            for kind, label, _guidance, keywords in criteria.DEFAULTS
            if kind == criteria.PART
        ]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--all", action="store_true", help="list every accepted file")
    args = parser.parse_args(argv)
    manifest = args.dir / "manifest.json"
    if not manifest.exists():
        print(f"{args.dir} is absent: nothing to measure.")
        return 0
    parts = default_parts()
    print("Parts and keywords:")
    for part in parts:
        print(f"  {part.label}: {', '.join(part.keyword_list())}")
    entries = [e for e in json.loads(manifest.read_text()) if e["expect"] != "refuse"]
    times, cpus, counts, vietnamese = [], [], Counter(), 0
    rows, blocks_seen = [], []
    for entry in sorted(entries, key=lambda e: e["file"]):
        data = (args.dir / "files" / entry["file"]).read_bytes()
        try:
            paper = extract_paper(open_package(data, max_bytes=50 * 1024 * 1024))
        except PaperRejected:
            continue
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(REPEAT):
            hints = structure_hints(paper, parts)
        times.append((time.perf_counter() - start) / REPEAT)
        cpus.append((time.process_time() - cpu) / REPEAT)
        marks = "".join(
            ("H" if hint.where == HEADING else "S") if hint.covered else "-" for hint in hints
        )
        if entry["vietnamese"]:
            vietnamese += 1
            counts.update(f"{i + 1}{m}" for i, m in enumerate(marks))
            counts[f"covered {sum(mark != '-' for mark in marks)}"] += 1
        blocks_seen.append((entry["file"], len(paper.blocks)))
        if entry["vietnamese"] or args.all:
            rows.append((entry["file"], len(paper.blocks), times[-1], marks, hints))
    print(f"\n{'file':58} {'blocks':>6} {'ms':>7}  parts  evidence")
    for name, blocks, seconds, marks, hints in rows:
        evidence = " | ".join((hint.evidence or "")[:40] for hint in hints if hint.covered)
        print(f"{name[:58]:58} {blocks:6d} {seconds * 1000:7.3f}  {marks:5}  {evidence}")
    print(f"\nVietnamese files: {vietnamese}")
    for index, part in enumerate(parts, 1):
        print(
            f"  part {index} ({part.label}): heading {counts[f'{index}H']}, "
            f"opening sentence {counts[f'{index}S']}, missing {counts[f'{index}-']}"
        )
    for covered in range(len(parts), -1, -1):
        print(f"  {covered} of {len(parts)} parts covered: {counts[f'covered {covered}']} files")
    chance_hits(parts)
    if times:
        print(f"\nstructure_hints on {len(times)} accepted files (load {os.getloadavg()[0]:.1f}):")
        for name, values in (("wall", times), ("CPU", cpus)):
            ms = sorted(t * 1000 for t in values)
            print(
                f"  {name}: median {statistics.median(ms):.3f} ms, "
                f"p95 {ms[int(len(ms) * 0.95) - 1]:.3f} ms, max {ms[-1]:.3f} ms per file"
            )
        per_block = sum(cpus) / max(1, sum(row[1] for row in blocks_seen)) * 1e6
        print(f"  CPU per block: {per_block:.1f} µs")
    return 0


def chance_hits(parts):
    """The 48 generated papers of tests/intake/papers.py: random sentences drawn from the
    vocabulary of Party-building papers (hạn chế, nguyên nhân, giải pháp, nhiệm vụ…) with
    random numbered headings. They have no structure, so every part found is a chance hit:
    the rate of hints that would mislead on prose that only uses the words."""
    from tests.intake.papers import build_paper, corpus

    counts = Counter()
    papers = corpus()
    for _name, spec in papers:
        paper = extract_paper(open_package(build_paper(spec), max_bytes=50 * 1024 * 1024))
        for index, hint in enumerate(structure_hints(paper, parts), 1):
            counts[(index, hint.where)] += 1
    print(f"\nGenerated papers without structure ({len(papers)}): parts found by chance")
    for index, part in enumerate(parts, 1):
        print(
            f"  part {index} ({part.label}): heading {counts[(index, HEADING)]}, "
            f"opening sentence {counts[(index, OPENING_SENTENCE)]}, missing {counts[(index, None)]}"
        )


if __name__ == "__main__":
    sys.exit(main())
