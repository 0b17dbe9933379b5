"""How long a round of invitation letters takes to write, for 1, 10, 42 and 100 units.

Run: .venv/bin/python bench/bench_letters.py [--sizes 1 10 42 100]

The admin writes a whole round inside the editor's request (views/letters.py),
so this is the time the editor waits, less issuing the links (a few queries per
unit). Columns: units; the time to write the one .docx with a letter per unit;
the time per letter; the part of it spent drawing the QR codes (segno, pure
Python: choosing the best of eight masks dominates); the file's size.
"""

import argparse
import datetime
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from symposium_pages.documents.letter import LetterData, build_letters, qr_png  # noqa: E402

REQUIREMENTS = (
    "<p>Tham luận bám sát chủ đề, <b>có số liệu minh họa</b>, nêu kinh nghiệm và kiến nghị.</p>"
    "<p>Đơn vị phân công đại diện lãnh đạo trình bày tại tọa đàm.</p>"
)


def letter(index: int) -> LetterData:
    return LetterData(
        issuing_body="Ban Thường vụ Tỉnh ủy Gia Lai",
        department="Ban Tuyên giáo Tỉnh ủy",
        theme="Nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng",
        plan_number="92-KH/TU",
        plan_date=datetime.date(2022, 8, 1),
        unit=f"Đảng ủy xã số {index}",
        url=f"https://baogialai.example/desk/{index:032d}/",
        page_limit=7,
        deadline=datetime.date(2022, 8, 19),
        place="Gia Lai",
        date=datetime.date(2022, 8, 5),
        requirements=REQUIREMENTS,
        contact="Phòng Lý luận chính trị, 0269 3824 000",
    )


def measure(size: int) -> dict:
    letters = [letter(index) for index in range(size)]
    start = time.perf_counter()
    data = build_letters(letters)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    for item in letters:
        qr_png(item.url)
    qr_seconds = time.perf_counter() - start
    return {"units": size, "seconds": seconds, "qr": qr_seconds, "bytes": len(data)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 42, 100])
    sizes = parser.parse_args().sizes
    print(f"{'units':>6} {'total s':>8} {'ms/letter':>10} {'QR share':>9} {'KiB':>7}")
    for size in sizes:
        row = measure(size)
        print(
            f"{row['units']:>6} {row['seconds']:>8.2f} {1000 * row['seconds'] / size:>10.1f} "
            f"{row['qr'] / row['seconds']:>9.0%} {row['bytes'] / 1024:>7.0f}"
        )


if __name__ == "__main__":
    main()
