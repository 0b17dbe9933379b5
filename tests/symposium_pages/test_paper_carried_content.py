"""A paper with footnotes, a nested list and a side box, from its .docx to the public page
and the booklet: the intake's blocks, stored as the page body, read by a reader."""

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from symposium_pages.documents.booklet import make_booklet
from symposium_pages.intake.check import check_paper
from symposium_pages.models import PaperPage
from symposium_pages.printing import booklet_papers
from symposium_pages.streamdata import body_stream_data
from tests.documents.sample_papers import cover
from tests.intake.papers import add_footnote, to_bytes
from tests.intake.test_extract import add_list_definition, append_xml, numbered
from tests.intake.test_extract_carried import drawing_box

from .reading import build_reading_plan, check_html, publish, text


@pytest.fixture
def site(home_page):
    return build_reading_plan(home_page)


def noted_docx() -> bytes:
    document = docx.Document()
    opening = document.add_paragraph("Chi bộ thực hiện Kết luận 21-KL/TW")
    add_footnote(document, opening, "Kết luận số 21-KL/TW ngày 25/10/2021.")
    opening.add_run(" và Chỉ thị 05-CT/TW")
    add_footnote(document, opening, "Chỉ thị số 05-CT/TW ngày 15/5/2016.")
    opening.add_run(".")
    append_xml(opening._p, drawing_box("128 tổ chức cơ sở đảng"))
    num = add_list_definition(document, "decimal", "bullet")
    numbered(document.add_paragraph("Đổi mới nội dung"), num)
    numbered(document.add_paragraph("theo chuyên đề"), num, level=1)
    numbered(document.add_paragraph("Kiểm tra, giám sát"), num)
    return to_bytes(document)


def test_notes_nested_lists_and_side_boxes_reach_the_page_and_the_booklet(client, site):
    result = check_paper(noted_docx(), "tham-luan.docx", method="estimate")
    assert result.ok and result.errors == []
    body = body_stream_data(result.paper.blocks, [])
    page = publish(site["plan"], PaperPage(title="Tham luận có chú thích", body=body))

    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    article = html[html.index('<div class="paper-body') :]
    assert (
        '<p>Chi bộ thực hiện Kết luận 21-KL/TW<sup><a href="#note-1" id="ref-1">1</a></sup> và '
        'Chỉ thị 05-CT/TW<sup><a href="#note-2" id="ref-2">2</a></sup>.</p>'
    ) in article
    assert '<aside class="paper-aside"><p>128 tổ chức cơ sở đảng</p></aside>' in article
    items = re.findall(r"<ol><li>(.*?)</li></ol>", article, re.S)[0]
    assert text(items) == "Đổi mới nội dung theo chuyên đề Kiểm tra, giám sát"
    assert "<p>Đổi mới nội dung</p><ul><li>theo chuyên đề</li></ul>" in items
    notes = re.search(r'<section class="paper-notes"[^>]*>(.*?)</section>', article, re.S)
    back = r'<a class="note-back" href="#ref-\1" aria-label="Trở lại bài">↑</a> '
    assert re.findall(rf'<li id="note-(\d)">{back}<p>(.*?)</p></li>', notes.group(1)) == [
        ("1", "Kết luận số 21-KL/TW ngày 25/10/2021."),
        ("2", "Chỉ thị số 05-CT/TW ngày 15/5/2016."),
    ]
    assert "Chú thích" in notes.group(1)
    assert check_html(html) == []

    printed = make_booklet(cover(), booklet_papers(site["plan"]), use_libreoffice=False).docx
    with zipfile.ZipFile(io.BytesIO(printed)) as package:
        footnotes = package.read("word/footnotes.xml").decode()
    assert "Kết luận số 21-KL/TW ngày 25/10/2021." in footnotes
    assert "Chỉ thị số 05-CT/TW ngày 15/5/2016." in footnotes
    document = docx.Document(io.BytesIO(printed))
    assert len(list(document.element.body.iter(qn("w:footnoteReference")))) == 2
    texts = [p.text for p in document.paragraphs]
    assert "+ theo chuyên đề" in texts and "128 tổ chức cơ sở đảng" in texts
