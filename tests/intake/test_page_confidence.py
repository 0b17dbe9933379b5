"""How sure the page estimate is: what it cannot lay out, its range and the verdict.

Each feature the estimate does not model is put into a small document built here;
check_paper then must not pass the paper as within the limit on that estimate.
"""

import io

import docx
import pytest
from docx.oxml import parse_xml

from symposium_pages.intake import fonts, layout, legacy_fonts
from symposium_pages.intake.check import check_paper
from symposium_pages.intake.confidence import page_range, verdict
from symposium_pages.intake.pagecount import estimate_pages
from tests.intake.papers import PaperSpec, build_paper, plain_document, to_bytes

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def lines(count: int, **geometry):
    doc = plain_document(**geometry)
    for i in range(count):
        doc.add_paragraph(f"Dòng {i + 1}")
    return doc


def append(doc, xml: str) -> None:
    """Put a raw WordprocessingML paragraph before the body's section properties."""
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml.replace("NS", NS)))


TEXT_BOX = (
    "<w:p NS><w:r><w:pict><v:shape style='position:absolute;width:200pt;height:80pt'>"
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent>"
    "</v:textbox></v:shape></w:pict></w:r></w:p>"
)
FLOATING = (
    "<w:p NS><w:r><w:drawing><wp:anchor behindDoc='0'><wp:extent cx='1800000' cy='900000'/>"
    "<wp:wrapSquare wrapText='bothSides'/></wp:anchor></w:drawing></w:r></w:p>"
)
FRAME = "<w:p NS><w:pPr><w:framePr w:w='3000' w:hAnchor='page'/></w:pPr><w:r><w:t>Khung</w:t></w:r></w:p>"
COLUMNS = (
    "<w:p NS><w:pPr><w:sectPr><w:pgSz w:w='11906' w:h='16838'/><w:cols w:num='2'/></w:sectPr>"
    "</w:pPr><w:r><w:t>Hai cột</w:t></w:r></w:p>"
)
TRACKED = (
    "<w:p NS><w:ins w:id='1' w:author='A'><w:r><w:t>thêm</w:t></w:r></w:ins>"
    "<w:del w:id='2' w:author='A'><w:r><w:delText>bớt</w:delText></w:r></w:del></w:p>"
)
TOC = (
    "<w:p NS><w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>"
    ' TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    "<w:r><w:t>Mục lục</w:t></w:r><w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
)
CJK = "<w:p NS><w:r><w:t>党的建设</w:t></w:r></w:p>"


@pytest.mark.parametrize(
    ("xml", "feature"),
    [
        (TEXT_BOX, "textboxes"),
        (TEXT_BOX, "shapes"),
        (FLOATING, "shapes"),
        (FRAME, "frames"),
        (COLUMNS, "columns"),
        (TRACKED, "tracked_changes"),
        (TOC, "fields"),
        (CJK, "scripts"),
    ],
)
def test_what_the_estimate_cannot_lay_out_widens_its_range(xml, feature):
    doc = lines(10)
    append(doc, xml)
    counted = estimate_pages(doc)
    assert feature in counted.unmodelled
    assert (counted.low, counted.high) == (1, 2)


def test_an_unknown_font_is_named_and_widens_the_range():
    doc = lines(150, font="Franklin Gothic Book")
    counted = estimate_pages(doc)
    assert counted.unmodelled == ("fonts",)
    assert counted.pages == 4
    assert (counted.low, counted.high) == (3, 6)


def test_plain_prose_is_sure_and_a_full_last_page_may_spill():
    sure = estimate_pages(lines(40))  # 40 of the 48 lines a page holds
    assert (sure.pages, sure.low, sure.high, sure.unmodelled) == (1, 1, 1, ())
    full = estimate_pages(lines(48))
    assert (full.pages, full.low, full.high, full.unmodelled) == (1, 1, 2, ("full_last_page",))


def test_verdict_is_uncertain_when_the_range_holds_the_limit():
    assert verdict(5, 7, 7) == "within"
    assert verdict(8, 11, 7) == "over"
    assert verdict(6, 10, 7) == "uncertain"
    assert verdict(7, 8, 7) == "uncertain"
    assert page_range(10, ["textboxes"]).low == 9
    assert page_range(10, ["textboxes"]).high == 14
    assert page_range(1, [], at_least=True).high == 2


def test_an_unsure_paper_is_never_passed_as_within_the_limit():
    doc = lines(48 * 6 + 20)  # 7 pages
    append(doc, TEXT_BOX)
    result = check_paper(to_bytes(doc), "hop-chu.docx", max_pages=7, method="estimate")
    assert (result.pages, result.page_range, result.verdict) == (7, (6, 10), "uncertain")
    assert (result.ok, result.over_limit) == (False, False)
    assert result.as_json()["verdict"] == "uncertain"
    assert result.as_json()["unmodelled"] == ["textboxes", "shapes"]
    assert result.verdict_label == "chưa chắc chắn — LibreOffice xác nhận"
    assert any(
        warning.startswith("Số trang chưa chắc chắn: từ 6 đến 10 trang so với giới hạn 7,")
        and "hộp văn bản" in warning
        for warning in result.warnings
    )
    within = check_paper(to_bytes(doc), "hop-chu.docx", max_pages=12, method="estimate")
    assert (within.ok, within.verdict) == (True, "within")
    assert any(w.startswith("Số trang là ước tính, từ 6 đến 10 trang") for w in within.warnings)


def test_a_sure_estimate_over_the_limit_is_over():
    result = check_paper(to_bytes(lines(48 * 3)), "dai.docx", max_pages=2, method="estimate")
    assert (result.pages, result.verdict, result.ok, result.over_limit) == (3, "over", False, True)


def test_a_libreoffice_failure_falls_back_to_the_estimate_in_vietnamese():
    """/bin/false stands for a LibreOffice that starts and makes no PDF."""
    data = to_bytes(lines(20))
    result = check_paper(data, "bai.docx", method="libreoffice", soffice="/bin/false")
    assert (result.ok, result.errors, result.pages, result.page_count_method) == (
        True,
        [],
        1,
        "estimate",
    )
    assert result.warnings == [
        "LibreOffice không mở được tệp này hoặc không chuyển được sang PDF. Số trang đã được "
        "ước tính theo bố cục. Nếu cần số trang chính xác, hãy mở tệp bằng Word hoặc "
        "LibreOffice, lưu lại dưới dạng .docx (Word Document) rồi gửi lại tệp đó."
    ]
    missing = check_paper(data, "bai.docx", method="libreoffice", soffice="/nonexistent/soffice")
    assert missing.ok
    assert missing.warnings[0].startswith("LibreOffice chưa được cài trên máy chủ. Số trang")


@pytest.mark.skipif(fonts.installed() is None, reason="fontconfig (fc-list) is not installed")
def test_a_font_the_server_lacks_is_named_in_the_warnings():
    doc = lines(5, font="Phông Không Có")
    doc.add_paragraph("Times New Roman").runs[0].font.name = "Times New Roman"
    result = check_paper(to_bytes(doc), "phong.docx", method="estimate")
    assert (
        "Máy chủ không có phông chữ Phông Không Có: văn bản sẽ được hiển thị và đếm trang bằng "
        "phông khác, nên bố cục và số trang có thể khác với bản của tác giả."
    ) in result.warnings
    assert fonts.missing(["Times New Roman", "Calibri", "Symbol", "Phông Không Có"]) == (
        ["Phông Không Có"] if "carlito" in fonts.installed() else ["Calibri", "Phông Không Có"]
    )


def test_legacy_vietnamese_text_is_measured_in_the_face_it_will_be_shown_in():
    """.VnTime (TCVN3) text is converted and measured as Times New Roman, not as an unknown font."""
    sentence = "công tác xây dựng chỉnh đốn đảng và hệ thống chính trị ở cơ sở vùng sâu vùng xa "
    tcvn3 = "".join(legacy_fonts._TCVN3_LETTERS.get(ch, ch) for ch in sentence)
    assert tcvn3 != sentence
    counts = []
    for font, text in (("Times New Roman", sentence), (".VnTime", tcvn3)):
        doc = plain_document(font=font)
        for _ in range(120):
            doc.add_paragraph(text * 3)
        counts.append(estimate_pages(doc))
        unknown = layout.estimate(doc).unknown_fonts
    assert counts[0].pages == counts[1].pages == 8
    assert unknown == ()  # measured as Times New Roman, not as a font of unknown metrics
    # the range still widens where LibreOffice here lacks .VnTime for the original
    assert counts[1].unmodelled == (("fonts",) if fonts.missing([".VnTime"]) else ())


@pytest.mark.skipif(
    not fonts.installed() or "tinos" in fonts.installed(),
    reason="needs fontconfig without Tinos (fonts-croscore)",
)
def test_a_font_the_estimate_measures_but_the_server_lacks_widens_the_range():
    """Tinos has Times New Roman's metrics, but LibreOffice here would use a substitute."""
    counted = estimate_pages(lines(40, font="Tinos"))
    assert (counted.pages, counted.low, counted.high, counted.unmodelled) == (1, 1, 2, ("fonts",))
    assert estimate_pages(lines(40)).unmodelled == ()


@pytest.mark.skipif(
    fonts.substitute("Aptos") != "DejaVu Sans", reason="fontconfig does not give DejaVu Sans"
)
def test_a_missing_font_is_measured_as_the_stand_in_libreoffice_uses():
    """Without Aptos or Segoe UI, LibreOffice lays them out in DejaVu Sans (fc-match's answer):
    the same paper is 6 pages in them and 5 in Arial (LibreOffice 7.4: 6, 6 and 5)."""
    counts = [
        estimate_pages(
            docx.Document(io.BytesIO(build_paper(PaperSpec(seed=3, font=font, paragraphs=42))))
        )
        for font in ("Aptos", "Segoe UI", "Liberation Sans")
    ]
    assert [c.pages for c in counts] == [6, 6, 5]
    assert [c.unmodelled for c in counts] == [("fonts",), ("fonts",), ("full_last_page",)]


@pytest.mark.skipif(fonts.installed() is None, reason="fontconfig is not installed")
def test_font_names_from_a_file_are_never_options_or_patterns_for_fc_match():
    fallback = fonts.substitute("Không có phông này")
    assert fallback
    assert fonts.substitute("-V") == fonts.substitute("Times New Roman:bold") == fallback
    assert fonts.substitute("Times New Roman") != fallback
