"""What the intake carries from real papers: text boxes, notes, nested lists, equations.

Run on ../shared/realdocx-dev (or a folder given as the first argument):

    .venv/bin/python bench/carried_content.py

Prints one table: for each feature the manifest counts in a file, how many such files the
intake accepts, and how many of those carry it into the page (text-box text in the blocks,
a notes block, a nested list, equation text).
"""

import io
import json
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import django

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.testproject.settings")
django.setup()

from symposium_pages.intake.errors import PaperRejected  # noqa: E402
from symposium_pages.intake.extract import _block_texts, extract_paper  # noqa: E402
from symposium_pages.intake.package import open_package  # noqa: E402
from tests.intake.test_realdocx_carried import box_words  # noqa: E402

ROOT = (
    Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "../shared/realdocx-dev"
)
_MT = re.compile(r"<m:t(?: [^>]*)?>([^<]*)</m:t>")


def main() -> None:
    manifest = json.loads((ROOT / "manifest.json").read_text())
    rows = {k: [0, 0, 0] for k in ("txbx", "footnotes", "nested lists", "equations")}
    seconds = []
    for entry in manifest:
        data = (ROOT / "files" / entry["file"]).read_bytes()
        features = entry["features"]
        xml = ""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                xml = z.read("word/document.xml").decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - a broken file, refused below
            pass
        has = {
            "txbx": (features.get("txbx") or 0) > 0,
            "footnotes": (features.get("footnotes") or 0) > 0,
            "nested lists": bool(re.search(r'<w:ilvl w:val="[1-8]"', xml)),
            "equations": "<m:oMath" in xml,
        }
        start = time.perf_counter()
        try:
            paper = extract_paper(open_package(data, max_bytes=50 * 2**20))
        except PaperRejected:
            paper = None
        seconds.append(time.perf_counter() - start)
        text = " ".join(_block_texts(paper.blocks)) if paper else ""
        kinds = {block["type"] for block in paper.blocks} if paper else set()
        for key, present in has.items():
            if not present:
                continue
            rows[key][0] += 1
            if paper is None:
                continue
            rows[key][1] += 1
            if key == "txbx":
                wanted = box_words(data)
                found = sum(1 for w in wanted[:50] if w in text)
                carried = bool(wanted) and found >= 0.8 * min(len(wanted), 50)
            elif key == "footnotes":
                carried = "notes" in kinds
            elif key == "nested lists":
                carried = any(
                    b["type"] == "list" and any("<li>" in i for i in b["value"]["items"])
                    for b in paper.blocks
                )
            else:
                # Every letter and digit of the equations' m:t runs, in order, in the page.
                maths = re.findall(r"<m:oMath>.*?</m:oMath>", xml, flags=re.S)
                wanted = "".join(
                    ch for m in maths for t in _MT.findall(m) for ch in t if ch.isalnum()
                )
                squeezed = "".join(ch for ch in text if ch.isalnum())
                carried = bool(wanted) and wanted[:40] in squeezed
            rows[key][2] += carried
    print(f"{'feature':<14}{'files':>7}{'accepted':>10}{'carried':>9}")
    for key, (files, accepted, carried) in rows.items():
        print(f"{key:<14}{files:>7}{accepted:>10}{carried:>9}")
    seconds.sort()
    print(
        f"\n{len(seconds)} files, extraction median {seconds[len(seconds) // 2] * 1000:.0f} ms, "
        f"max {seconds[-1] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
