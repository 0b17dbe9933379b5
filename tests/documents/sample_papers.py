"""Booklet papers generated in memory, for the document tests and the bench.

They carry what real edited papers carry: headings, paragraphs with bold and
italic, lists, a table and sometimes a picture, in Vietnamese, from a seed.
"""

from __future__ import annotations

import io
import random

from symposium_pages.documents.booklet import BookletPaper, Cover, Picture
from tests.intake.papers import PHRASES, WORDS

UNITS = [
    "Thành ủy Pleiku",
    "Thị ủy An Khê",
    "Huyện ủy Chư Sê",
    "Huyện ủy Đak Đoa",
    "Ban Tổ chức Tỉnh ủy",
    "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
    "Ban Thường vụ Tỉnh đoàn",
]


def cover() -> Cover:
    return Cover(
        issuing_body="Ban Thường vụ Tỉnh ủy Gia Lai",
        theme=(
            "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, "
            "đáp ứng yêu cầu nhiệm vụ"
        ),
        place="Gia Lai",
        month=8,
        year=2022,
        plan_number="92-KH/TU",
        plan_date="10/8/2022",
    )


def _sentence(rng: random.Random, words: int) -> str:
    parts = []
    while len(parts) < words:
        parts.append(rng.choice(PHRASES) if rng.random() < 0.08 else rng.choice(WORDS))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.4:
        sentences[0] = f"<b>{sentences[0]}</b>"
    if rng.random() < 0.3:
        sentences[-1] = f"<i>{sentences[-1]}</i>"
    return "<p>" + " ".join(sentences) + "</p>"


def picture_png(seed: int, size=(640, 400)) -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, (seed * 37 % 256, 120, 90))
    stream = io.BytesIO()
    image.save(stream, format="PNG")
    return stream.getvalue()


def sample_paper(
    seed: int, *, kind="paper", order=None, paragraphs=None, picture=None
) -> BookletPaper:
    rng = random.Random(seed)
    count = paragraphs if paragraphs is not None else rng.randint(14, 26)
    blocks: list[dict] = []
    for index in range(count):
        if index % 7 == 0:
            blocks.append(
                {"type": "heading", "value": {"text": _sentence(rng, 6)[:-1], "level": "2"}}
            )
        blocks.append({"type": "paragraph", "value": _paragraph(rng)})
        if index == 4:
            blocks.append(
                {
                    "type": "list",
                    "value": {
                        "ordered": bool(seed % 2),
                        "items": [f"<p>{_sentence(rng, 10)}</p>" for _ in range(3)],
                    },
                }
            )
        if index == 8:
            blocks.append(
                {
                    "type": "table",
                    "value": {
                        "data": [["Chỉ tiêu", "Năm 2021", "Năm 2022"]]
                        + [
                            [
                                _sentence(rng, 4)[:-1],
                                str(rng.randint(10, 99)),
                                str(rng.randint(10, 99)),
                            ]
                            for _ in range(4)
                        ],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Kết quả thực hiện",
                    },
                }
            )
    if picture if picture is not None else seed % 5 == 0:
        blocks.insert(
            3,
            {
                "type": "image",
                "value": {
                    "picture": Picture(picture_png(seed), "hinh.png"),
                    "caption": "Quang cảnh hội nghị",
                    "alt": "",
                },
            },
        )
    unit = UNITS[seed % len(UNITS)]
    titles = {
        "keynote": "Báo cáo đề dẫn tọa đàm",
        "closing": "Báo cáo tổng kết tọa đàm",
    }
    return BookletPaper(
        title=titles.get(kind) or f"Tham luận số {seed}: {_sentence(rng, 10)[:-1]}",
        kind=kind,
        unit="Ban Tuyên giáo Tỉnh ủy" if kind != "paper" else unit,
        presenter=f"Nguyễn Văn {chr(65 + seed % 26)}",
        presenter_position="Bí thư" if kind == "paper" else "Phó Trưởng Ban",
        programme_order=order if order is not None else seed,
        key=seed,
        blocks=blocks,
    )


def sample_papers(count: int, seed: int = 1) -> list[BookletPaper]:
    """A keynote, `count - 2` papers in a shuffled programme order, a closing summary."""
    papers = [sample_paper(seed * 1000, kind="keynote", order=1)]
    orders = list(range(2, count))
    random.Random(seed).shuffle(orders)
    papers += [sample_paper(seed * 1000 + i, order=order) for i, order in enumerate(orders, 1)]
    papers.append(sample_paper(seed * 1000 + count, kind="closing", order=99))
    return papers
