"""What real papers hold beyond plain paragraphs, carried into the page: text boxes,
footnotes and endnotes, nested lists, equations, and text typed in legacy Vietnamese
fonts. Each case is one small .docx built here."""

from html import escape

import docx
import pytest
from django.utils import translation
from docx.oxml import parse_xml

from symposium_pages.intake import legacy_fonts
from symposium_pages.intake.check import check_paper
from symposium_pages.intake.extract import extract_paper
from symposium_pages.intake.package import open_package

from . import hostile
from .papers import add_footnote
from .test_extract import NS, add_list_definition, append_xml, extract, numbered, paragraph

NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def box_paragraphs(*texts: str) -> str:
    return "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>' for t in texts
    )


def drawing_box(*texts: str, wrap: str = "wrapSquare", width: int = 2_000_000) -> str:
    """A DrawingML text box anchored in the paragraph, with Word's VML copy as fallback."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        f'<wp:extent cx="{width}" cy="900000"/><wp:{wrap} wrapText="bothSides"/>'
        '<wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f"<wps:txbx><w:txbxContent>{box_paragraphs(*texts)}</w:txbxContent></wps:txbx>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="position:absolute;width:150pt"><v:textbox>'
        f"<w:txbxContent>{box_paragraphs(*texts)}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def vml_box(*texts: str, width: str = "150pt") -> str:
    """An old-style (VML) text box, as Word 2003 and LibreOffice write them."""
    return (
        f'<w:r><w:pict><v:shape style="position:absolute;margin-left:0;width:{width};'
        'height:80pt"><v:textbox><w:txbxContent>'
        f"{box_paragraphs(*texts)}</w:txbxContent></v:textbox>"
        '<w10:wrap xmlns:w10="urn:schemas-microsoft-com:office:word" type="square"/>'
        "</v:shape></w:pict></w:r>"
    )


# -- text boxes ----------------------------------------------------------------------------------


def test_a_paper_all_in_text_boxes_is_accepted_with_its_text_and_a_note():
    document = docx.Document()
    append_xml(
        document.add_paragraph()._p,
        drawing_box(
            "Nâng cao chất lượng sinh hoạt chi bộ",
            "Đảng bộ huyện đã lãnh đạo các chi bộ đổi mới nội dung sinh hoạt.",
        ),
    )
    append_xml(document.add_paragraph()._p, vml_box("Kết quả bước đầu là đáng ghi nhận."))

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Nâng cao chất lượng sinh hoạt chi bộ"),
        paragraph("Đảng bộ huyện đã lãnh đạo các chi bộ đổi mới nội dung sinh hoạt."),
        paragraph("Kết quả bước đầu là đáng ghi nhận."),
    ]
    assert paper.words == 31
    assert paper.warnings == [
        "All the text of the document is in text boxes; it was read into the page in the "
        "order the boxes stand in the document. Please check the order."
    ]
    result = check_paper(hostile.docx_bytes(document), "hop-van-ban.docx", method="estimate")
    assert (result.ok, result.errors, result.words) == (True, [], 31)


def test_side_boxes_become_asides_and_wide_boxes_stay_in_the_flow():
    document = docx.Document()
    body = document.add_paragraph("Đoạn mở đầu của tham luận.")
    append_xml(body._p, drawing_box("Số liệu nổi bật", "128 tổ chức cơ sở đảng"))
    wide = document.add_paragraph("Đoạn thứ hai.")
    append_xml(wide._p, drawing_box("Chữ trong hộp rộng.", wrap="wrapTopAndBottom"))
    append_xml(document.add_paragraph("Đoạn thứ ba.")._p, drawing_box("Hộp to.", width=5_000_000))
    append_xml(document.add_paragraph("Đoạn thứ tư.")._p, vml_box("Hộp cũ bên lề."))

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Đoạn mở đầu của tham luận."),
        {"type": "aside", "value": {"html": "<p>Số liệu nổi bật</p><p>128 tổ chức cơ sở đảng</p>"}},
        paragraph("Đoạn thứ hai."),
        paragraph("Chữ trong hộp rộng."),
        paragraph("Đoạn thứ ba."),
        paragraph("Hộp to."),
        paragraph("Đoạn thứ tư."),
        {"type": "aside", "value": {"html": "<p>Hộp cũ bên lề.</p>"}},
    ]
    assert paper.warnings == [
        "The text of 4 text boxes was placed in the page where the boxes are anchored. "
        "Please check their place."
    ]


def test_a_text_box_in_a_table_cell_adds_its_lines_to_the_cell():
    document = docx.Document()
    document.add_paragraph("Bảng:")
    cell = document.add_table(rows=1, cols=2).rows[0].cells
    cell[0].paragraphs[0].text = "Chi bộ"
    append_xml(cell[1].paragraphs[0]._p, vml_box("Trong ô"))
    paper = extract(document)
    assert paper.blocks[1] == {
        "type": "table",
        "value": {"rows": [["Chi bộ", "Trong ô"]], "header": False},
    }


def test_boxes_drawn_inside_boxes_are_read_once_each():
    """Each box's text once, however deep: reading every inner box again with each outer
    one would double the text at each level (2^30 copies of the deepest word here)."""
    inner = ""
    for depth in range(30):
        inner = vml_box(f"tầng {depth}").replace(
            "</w:p></w:txbxContent>", f"{inner}</w:p></w:txbxContent>", 1
        )
    document = docx.Document()
    append_xml(document.add_paragraph("Mở đầu.")._p, inner)

    paper = extract(document)

    assert paper.words == 2 + 30 * 2
    assert paper.blocks[0] == paragraph("Mở đầu.")
    assert "tầng 29" in paper.blocks[1]["value"]["html"]


# -- footnotes and endnotes ----------------------------------------------------------------------


def add_endnote(document, paragraph_, text: str, note_id: int) -> None:
    """An endnote (python-docx has no API for them): the part, its relationship, a reference."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = next(
        (rel.target_part for rel in document.part.rels.values() if rel.reltype == NOTES), None
    )
    if part is None:
        part = Part(
            PackURI("/word/endnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
            f"<w:endnotes {NS}></w:endnotes>".encode(),
            document.part.package,
        )
        document.part.relate_to(part, NOTES)
    root = parse_xml(part.blob)
    append_xml(
        root,
        f'<w:endnote w:id="{note_id}"><w:p><w:r><w:endnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:endnote>',
    )
    from lxml import etree

    part._blob = etree.tostring(root)
    append_xml(paragraph_._p, f'<w:r><w:endnoteReference w:id="{note_id}"/></w:r>')


def test_footnotes_and_endnotes_become_numbered_notes_at_the_end():
    document = docx.Document()
    first = document.add_paragraph("Kết luận 21-KL/TW")
    add_footnote(document, first, "Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị Trung ương 4.")
    first.add_run(" và Chỉ thị 05-CT/TW")
    add_endnote(document, first, "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.", 1)
    first.add_run(".")
    second = document.add_paragraph("Số liệu của Ban Tổ chức")
    add_footnote(document, second, "Báo cáo năm 2022.")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0].paragraphs[0]
    cell.text = "128"
    add_footnote(document, cell, "Tính đến tháng 6/2022.")

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Kết luận 21-KL/TW<sup>1</sup> và Chỉ thị 05-CT/TW<sup>2</sup>."),
        paragraph("Số liệu của Ban Tổ chức<sup>3</sup>"),
        {"type": "table", "value": {"rows": [["128⁴"]], "header": False}},
        {
            "type": "notes",
            "value": {
                "items": [
                    "Kết luận số 21-KL/TW ngày 25/10/2021 của Hội nghị Trung ương 4.",
                    "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
                    "Báo cáo năm 2022.",
                    "Tính đến tháng 6/2022.",
                ]
            },
        },
    ]
    assert paper.warnings == []
    assert paper.words == 7 + 6 + 1 + 12 + 10 + 4 + 4  # the text, the table, the notes


def test_a_broken_footnotes_part_loses_the_notes_not_the_paper():
    document = docx.Document()
    add_footnote(document, document.add_paragraph("Có chú thích"), "Nguồn.")
    data = hostile.rezip(
        hostile.docx_bytes(document), replace={"word/footnotes.xml": b"<w:footnotes><w:foot"}
    )
    paper = extract_paper(open_package(data, max_bytes=20 * 2**20))
    assert paper.blocks == [
        paragraph("Có chú thích<sup>1</sup>"),
        {"type": "notes", "value": {"items": ["…"]}},
    ]
    assert paper.warnings == [
        "1 footnote or endnote could not be found in the file and was left out."
    ]


# -- nested lists --------------------------------------------------------------------------------


def test_nested_list_levels_are_kept():
    document = docx.Document()
    num = add_list_definition(document, "decimal", "bullet", "lowerLetter")
    numbered(document.add_paragraph("Giải pháp thứ nhất"), num)
    numbered(document.add_paragraph("đổi mới nội dung"), num, level=1)
    numbered(document.add_paragraph("theo chuyên đề"), num, level=2)
    numbered(document.add_paragraph("đổi mới hình thức"), num, level=1)
    numbered(document.add_paragraph("Giải pháp thứ hai"), num)
    # A sub-list Word numbered with a list of its own still belongs to the item above it.
    other = add_list_definition(document, "bullet", "bullet")
    numbered(document.add_paragraph("kiểm tra, giám sát"), other, level=1)

    paper = extract(document)

    assert paper.blocks == [
        {
            "type": "list",
            "value": {
                "ordered": True,
                "items": [
                    "<p>Giải pháp thứ nhất</p><ul><li>đổi mới nội dung<ol><li>theo chuyên đề</li>"
                    "</ol></li><li>đổi mới hình thức</li></ul>",
                    "<p>Giải pháp thứ hai</p><ul><li>kiểm tra, giám sát</li></ul>",
                ],
            },
        }
    ]
    assert paper.warnings == []
    assert paper.words == 23


# -- equations -----------------------------------------------------------------------------------


def test_equations_are_kept_as_linear_text():
    document = docx.Document()
    p = document.add_paragraph("Tỷ lệ: ")
    append_xml(
        p._p,
        "<m:oMath><m:r><m:t>T=</m:t></m:r><m:f><m:num><m:r><m:t>a+b</m:t></m:r></m:num>"
        "<m:den><m:r><m:t>2</m:t></m:r></m:den></m:f></m:oMath>",
    )
    append_xml(
        document.add_paragraph()._p,
        "<m:oMathPara><m:oMath><m:sSup><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t>"
        '</m:r></m:sup></m:sSup><m:r><m:t>+</m:t></m:r><m:rad><m:radPr><m:degHide m:val="1"/>'
        "</m:radPr><m:deg/><m:e><m:r><m:t>y</m:t></m:r></m:e></m:rad><m:r><m:t>=</m:t></m:r>"
        '<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub><m:r><m:t>i=1</m:t></m:r></m:sub>'
        "<m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:sSub><m:e><m:r><m:t>a</m:t></m:r></m:e>"
        "<m:sub><m:r><m:t>i</m:t></m:r></m:sub></m:sSub></m:e></m:nary>"
        '<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr><m:e><m:r><m:t>0</m:t>'
        "</m:r></m:e><m:e><m:r><m:t>1</m:t></m:r></m:e></m:d></m:oMath></m:oMathPara>",
    )

    # A fraction raised to a power, its numerator already in brackets (docling's case).
    append_xml(
        document.add_paragraph()._p,
        "<m:oMath><m:sSup><m:e><m:f><m:num><m:d><m:e><m:r><m:t>x-c</m:t></m:r></m:e></m:d>"
        "</m:num><m:den><m:r><m:t>v</m:t></m:r></m:den></m:f></m:e><m:sup><m:r><m:t>2</m:t>"
        "</m:r></m:sup></m:sSup></m:oMath>",
    )

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Tỷ lệ: T=(a+b)/2"),
        paragraph("x^2+√(y)=∑_(i=1)^n a_i[0|1]"),
        paragraph("((x-c)/v)^2"),
    ]
    assert paper.warnings == []


# -- legacy Vietnamese fonts ---------------------------------------------------------------------


def legacy_run(paragraph_, text: str, font: str):
    run = paragraph_.add_run(text)
    run.font.name = font
    return run


def test_text_in_tcvn3_and_vni_fonts_is_converted_to_unicode():
    document = docx.Document()
    legacy_run(document.add_paragraph(), "Céng hoµ x· héi chñ nghÜa ViÖt Nam", ".VnTime")
    legacy_run(document.add_paragraph(), "§éc lËp - Tù do - H¹nh phóc", ".VnTimeH")
    mixed = document.add_paragraph("Đơn vị: ")
    legacy_run(mixed, "HuyÖn ñy Ch\u00ad Sª", ".VnArial").bold = True
    legacy_run(document.add_paragraph(), "Ban Thöôøng vuï Tænh uûy Gia Lai", "VNI-Times")
    styled = document.styles.add_style("Legacy body", 1)
    styled.font.name = ".VnTime"
    document.add_paragraph("Nh©n d©n c¸c d©n téc", style=styled)

    paper = extract(document)

    assert [block["value"].get("html", block["value"].get("text")) for block in paper.blocks] == [
        "Cộng hoà xã hội chủ nghĩa Việt Nam",
        "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
        "Đơn vị: <b>Huyện ủy Chư Sê</b>",
        "Ban Thường vụ Tỉnh ủy Gia Lai",
        "Nhân dân các dân tộc",
    ]
    assert paper.warnings == [
        "Text typed in the legacy Vietnamese fonts .VnArial, .VnTime, .VnTimeH, VNI-Times "
        "(TCVN3 or VNI) was converted to Unicode. Please check the accents."
    ]


def test_legacy_text_whose_font_was_lost_is_recognised_by_its_letters():
    document = docx.Document()
    document.add_paragraph("KÕ ho¹ch tæ chøc täa ®µm vÒ n©ng cao chÊt l\u00adîng sinh ho¹t chi bé")
    document.add_paragraph("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    document.add_paragraph("Aún no, Noël est là: très bien, café crème.")  # left alone
    document.add_paragraph("Đã là Unicode: tiếng Việt.")

    paper = extract(document)

    assert [block["value"]["html"] for block in paper.blocks] == [
        "Kế hoạch tổ chức tọa đàm về nâng cao chất lượng sinh hoạt chi bộ",
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Aún no, Noël est là: très bien, café crème.",
        "Đã là Unicode: tiếng Việt.",
    ]
    assert paper.warnings == [
        "Some text looked like Vietnamese typed in a legacy encoding (TCVN3 or VNI) and was "
        "converted to Unicode. Please check the accents."
    ]


def test_unicode_text_set_in_a_legacy_font_and_other_scripts_are_left_alone():
    document = docx.Document()
    legacy_run(document.add_paragraph(), "Cộng hòa xã hội chủ nghĩa Việt Nam", ".VnTime")
    legacy_run(document.add_paragraph("Đơn vị: "), "Huyện ủy Chư Sê", ".VnTimeH")
    document.add_paragraph("«Положение» о порядке: «Приложение» к «Договору» и «Акту».")
    document.add_paragraph("« Le programme » : « Liberté », « Égalité », « Fraternité ».")

    paper = extract(document)

    assert [block["value"]["html"] for block in paper.blocks] == [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Đơn vị: Huyện ủy Chư Sê",
        "«Положение» о порядке: «Приложение» к «Договору» и «Акту».",
        "« Le programme » : « Liberté », « Égalité », « Fraternité ».",
    ]
    assert paper.warnings == []


@pytest.mark.parametrize(
    ("font", "face"),
    [
        (".VnTime", "Times New Roman"),
        (".VnTimeH", "Times New Roman"),
        (".VnArial", "Arial"),
        (".VnArial NarrowH", "Arial Narrow"),
        (".VnCourier New", "Courier New"),
        ("VNI-Times", "Times New Roman"),
        ("VNI-Helve", "Arial"),
        ("Times New Roman", None),
        (None, None),
    ],
)
def test_unicode_font_for_legacy_fonts(font, face):
    assert legacy_fonts.unicode_font_for(font) == face


def test_every_tcvn3_letter_round_trips():
    """Every lower-case Vietnamese letter and the seven capitals TCVN3 encodes come back."""
    letters = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
    encoded = "".join(legacy_fonts._TCVN3_LETTERS.get(ch, ch) for ch in letters)
    assert len(set(encoded)) == len(letters)
    assert legacy_fonts.to_unicode(encoded, legacy_fonts.TCVN3) == letters
    assert legacy_fonts.to_unicode("¡¢§£¤¥¦", legacy_fonts.TCVN3) == "ĂÂĐÊÔƠƯ"
    assert legacy_fonts.to_unicode("ViÖt", legacy_fonts.TCVN3, capitals=True) == "VIỆT"
