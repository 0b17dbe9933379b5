"""The booklet prints what the intake now carries: notes as real footnotes, nested lists
with their levels, side boxes."""

import io
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from symposium_pages.documents.booklet import BookletPaper, make_booklet
from tests.documents.docx_checks import open_docx
from tests.documents.sample_papers import cover

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def noted_paper() -> BookletPaper:
    return BookletPaper(
        title="Nâng cao chất lượng sinh hoạt chi bộ",
        unit="Huyện ủy Chư Sê",
        blocks=[
            {"type": "heading", "value": {"text": "Số liệu³", "level": "2"}},
            {
                "type": "paragraph",
                "value": "<p>Theo Kết luận 21-KL/TW<sup>1</sup> và Chỉ thị 05-CT/TW<sup>2</sup>, "
                "mỗi chi bộ có 20 m<sup>2</sup> phòng sinh hoạt.</p>",
            },
            {
                "type": "list",
                "value": {
                    "ordered": True,
                    "items": [
                        "<p>Đổi mới nội dung</p><ul><li>theo chuyên đề<ol><li>hằng quý</li>"
                        "<li>hằng năm</li></ol></li><li>gắn với nhiệm vụ</li></ul>",
                        "<p>Kiểm tra, giám sát</p>",
                    ],
                },
            },
            {"type": "aside", "value": "<p><b>128</b> tổ chức cơ sở đảng</p>"},
            {
                "type": "notes",
                "value": {
                    "items": [
                        "<p>Kết luận số 21-KL/TW ngày 25/10/2021.</p>",
                        "<p>Chỉ thị số <i>05-CT/TW</i> ngày 15/5/2016.</p>",
                        "<p>Báo cáo của Ban Tổ chức Tỉnh ủy.</p>",
                    ]
                },
            },
        ],
    )


def footnotes_xml(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return etree.fromstring(package.read("word/footnotes.xml"))


def test_notes_become_footnotes_numbered_on_each_page():
    data = make_booklet(cover(), [noted_paper()], use_libreoffice=False).docx
    document = open_docx(data)
    body = document.element.body
    references = list(body.iter(qn("w:footnoteReference")))
    assert len(references) == 2
    sectpr = body.find(qn("w:sectPr"))
    restart = sectpr.find(qn("w:footnotePr")).find(qn("w:numRestart")).get(qn("w:val"))
    assert restart == "eachPage"
    notes = {
        note.get(qn("w:id")): "".join(t.text for t in note.iter(qn("w:t")))
        for note in footnotes_xml(data).iter(qn("w:footnote"))
        if note.get(qn("w:type")) is None
    }
    assert [notes[r.get(qn("w:id"))] for r in references] == [
        " Kết luận số 21-KL/TW ngày 25/10/2021.",
        " Chỉ thị số 05-CT/TW ngày 15/5/2016.",
    ]
    texts = [p.text for p in document.paragraphs]
    # The power after note 2 stays a superscript of the text; note 3, shown only in a
    # heading, is printed under the paper with its number.
    body_text = next(t for t in texts if t.startswith("Theo Kết luận"))
    assert body_text.endswith("mỗi chi bộ có 20 m2 phòng sinh hoạt.")
    power = [
        run
        for p in document.paragraphs
        for run in p.runs
        if run.text == "2" and run._r.find(qn("w:footnoteReference")) is None
    ]
    assert [run.font.superscript for run in power] == [True]
    assert texts[-2:] == ["Chú thích", "3. Báo cáo của Ban Tổ chức Tỉnh ủy."]


def test_nested_lists_keep_their_levels_and_side_boxes_are_set_in():
    document = open_docx(make_booklet(cover(), [noted_paper()], use_libreoffice=False).docx)
    paragraphs = {p.text: p for p in document.paragraphs}
    levels = [
        ("1. Đổi mới nội dung", 10),
        ("+ theo chuyên đề", 18),
        ("a) hằng quý", 26),
        ("b) hằng năm", 26),
        ("+ gắn với nhiệm vụ", 18),
        ("2. Kiểm tra, giám sát", 10),
    ]
    assert [
        (text, round(paragraphs[text].paragraph_format.left_indent.mm)) for text, _ in levels
    ] == levels
    box = paragraphs["128 tổ chức cơ sở đảng"]
    assert box._p.pPr.find(qn("w:pBdr")).find(qn("w:left")).get(qn("w:val")) == "single"
    assert box.runs[0].bold


def test_a_paper_without_notes_makes_no_footnotes_part():
    paper = BookletPaper(
        title="Không chú thích", blocks=[{"type": "paragraph", "value": "<p>x</p>"}]
    )
    data = make_booklet(cover(), [paper], use_libreoffice=False).docx
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/footnotes.xml" not in package.namelist()
