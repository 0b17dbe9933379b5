"""extract_paper: real .docx files built with python-docx, and the exact blocks they give."""

import io
import time
from html import escape

import docx
import pytest
from django.utils import translation
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from symposium_pages.intake.errors import PaperRejected
from symposium_pages.intake.extract import count_words, extract_paper
from symposium_pages.intake.package import open_package
from symposium_pages.intake.pictures import ExtractedImage

from . import hostile

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
SMARTART_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def extract(document):
    return extract_paper(open_package(hostile.docx_bytes(document), max_bytes=20 * 2**20))


def append_xml(parent, xml: str) -> None:
    """Append WordprocessingML written as text (python-docx has no API for it) to `parent`."""
    wrapper = parse_xml(f"<w:wrapper {NS}>{xml}</w:wrapper>")
    for child in list(wrapper):
        parent.append(child)


def run_xml(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def add_hyperlink(paragraph, url: str, text: str, props: str = "") -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    append_xml(paragraph._p, f'<w:hyperlink r:id="{rel_id}">{run_xml(text, props)}</w:hyperlink>')


def field_xml(code: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run_xml(result)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def add_list_definition(document, *formats: str) -> int:
    """A numbering definition with one level per format; returns its numId."""
    numbering = document.part.numbering_part.element
    abstract_id = 900 + len(numbering.findall(qn("w:abstractNum")))
    levels = "".join(
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="%{level + 1}."/></w:lvl>'
        for level, fmt in enumerate(formats)
    )
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    num_id = 900 + len(numbering.findall(qn("w:num")))
    append_xml(
        numbering, f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    )
    return num_id


def numbered(paragraph, num_id: int, level: int = 0):
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def centred_bold(document, text: str):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = True
    return paragraph


def heading(text, level):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": {"html": html}}


# -- headings and title --------------------------------------------------------------------------


def test_headings_by_style_and_by_bold_centred_lines():
    document = docx.Document()
    document.add_heading("Phát huy vai trò nêu gương của cán bộ, đảng viên", 0)
    document.add_heading("I. Kết quả đạt được", 1)
    document.add_paragraph("Nội dung phần một.")
    document.add_heading("1. Công tác tuyên truyền", 2)
    document.add_heading("a) Ở cơ sở", 3)
    document.add_heading("Chi tiết nhỏ", 6)
    centred_bold(document, "KẾT LUẬN")
    centred_bold(document, "Dài " * 60)
    document.add_paragraph().add_run("Đậm nhưng không căn giữa").bold = True
    centred = document.add_paragraph("Căn giữa nhưng không đậm")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER

    paper = extract(document)

    assert (paper.title, paper.title_source) == (
        "Phát huy vai trò nêu gương của cán bộ, đảng viên",
        "style",
    )
    assert paper.blocks == [
        heading("I. Kết quả đạt được", 2),
        paragraph("Nội dung phần một."),
        heading("1. Công tác tuyên truyền", 3),
        heading("a) Ở cơ sở", 4),
        heading("Chi tiết nhỏ", 4),
        heading("KẾT LUẬN", 2),
        paragraph("<b>" + ("Dài " * 60).strip() + "</b>"),
        paragraph("<b>Đậm nhưng không căn giữa</b>"),
        paragraph("Căn giữa nhưng không đậm"),
    ]
    assert paper.warnings == []


def test_title_from_core_properties_when_meaningful():
    document = docx.Document()
    document.core_properties.title = "Tham luận về công tác dân vận"
    centred_bold(document, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
    centred_bold(document, "Tham luận về công tác dân vận")
    document.add_paragraph("Thưa các đồng chí.")

    paper = extract(document)

    assert (paper.title, paper.title_source) == ("Tham luận về công tác dân vận", "properties")
    assert paper.blocks == [
        heading("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", 2),
        paragraph("Thưa các đồng chí."),
    ]


def test_title_is_the_longest_heading_of_the_opening_not_the_unit_or_the_label():
    document = docx.Document()
    document.core_properties.title = "Microsoft Word - thamluan.doc"  # a placeholder: ignored
    centred_bold(document, "HUYỆN ỦY CHƯ SÊ")
    centred_bold(document, "THAM LUẬN")
    centred_bold(document, "Đổi mới phương thức lãnh đạo của Đảng ở cơ sở")
    document.add_paragraph().add_run("Đồng chí Nguyễn Văn A, Bí thư Huyện ủy").italic = True
    document.add_heading("I. Thực trạng", 1)
    document.add_paragraph("Nội dung.")

    paper = extract(document)

    assert (paper.title, paper.title_source) == (
        "Đổi mới phương thức lãnh đạo của Đảng ở cơ sở",
        "bold_centred",
    )
    assert paper.blocks == [
        heading("HUYỆN ỦY CHƯ SÊ", 2),
        heading("THAM LUẬN", 2),
        paragraph("<i>Đồng chí Nguyễn Văn A, Bí thư Huyện ủy</i>"),
        heading("I. Thực trạng", 2),
        paragraph("Nội dung."),
    ]
    assert paper.words == 31  # the title line is still text of the paper


def test_first_heading_is_the_last_resort_and_stays_in_place():
    document = docx.Document()
    document.add_paragraph("Mở đầu.")
    document.add_heading("I. Thực trạng", 1)
    paper = extract(document)
    assert (paper.title, paper.title_source) == ("I. Thực trạng", "style")
    assert paper.blocks == [paragraph("Mở đầu."), heading("I. Thực trạng", 2)]


def test_no_title_found():
    document = docx.Document()
    document.add_paragraph("Chỉ có một đoạn văn.")
    paper = extract(document)
    assert (paper.title, paper.title_source) == ("", "")
    assert paper.blocks == [paragraph("Chỉ có một đoạn văn.")]


# -- inline formatting and links -----------------------------------------------------------------


def test_runs_merged_escaped_and_formatted():
    document = docx.Document()
    p = document.add_paragraph("Đảng bộ  ")
    p.add_run("tỉnh").bold = True
    p.add_run(" Gia").bold = True
    p.add_run("\tLai").bold = True
    p.add_run(" có ")
    p.add_run("nghiêng").italic = True
    p.add_run(", ")
    p.add_run("gạch chân").underline = True
    p.add_run(", ")
    both = p.add_run("đậm nghiêng")
    both.bold = both.italic = True
    p.add_run(" và ")
    p.add_run("Strong", style="Strong")
    p.add_run(" rồi ")
    p.add_run('<script>alert("x")</script> & <b>')
    p.add_run().add_break()
    p.add_run("dòng mới ")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("   ")

    paper = extract(document)

    assert paper.blocks == [
        paragraph(
            "Đảng bộ <b>tỉnh Gia Lai</b> có <i>nghiêng</i>, <u>gạch chân</u>, "
            "<b><i>đậm nghiêng</i></b> và <b>Strong</b> rồi "
            '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;<br/>dòng mới'
        )
    ]


def test_links_keep_only_web_and_mail_addresses():
    document = docx.Document()
    p = document.add_paragraph("Xem ")
    add_hyperlink(
        p, "https://baogialai.com.vn/tin?id=1&x=2", "báo Gia Lai", "<w:u w:val='single'/>"
    )
    p.add_run(", ")
    add_hyperlink(p, "javascript:alert(document.cookie)", "đây", "<w:b/>")
    p.add_run(", ")
    add_hyperlink(p, "mailto:toasoan@baogialai.com.vn", "thư", "<w:b/>")
    p.add_run(", ")
    add_hyperlink(p, "file:///C:/Users/a/bao-cao.docx", "tệp")
    p.add_run(", ")
    append_xml(p._p, f'<w:hyperlink w:anchor="muc2">{run_xml("mục 2")}</w:hyperlink>')
    p.add_run(", ")
    append_xml(p._p, field_xml('HYPERLINK "https://dangcongsan.vn"', "Đảng Cộng sản"))
    p.add_run(", ")
    append_xml(p._p, field_xml('HYPERLINK "vbscript:msgbox"', "lừa"))

    paper = extract(document)

    assert paper.blocks == [
        paragraph(
            'Xem <a href="https://baogialai.com.vn/tin?id=1&amp;x=2">báo Gia Lai</a>, '
            '<b>đây</b>, <a href="mailto:toasoan@baogialai.com.vn"><b>thư</b></a>, tệp, mục 2, '
            '<a href="https://dangcongsan.vn">Đảng Cộng sản</a>, lừa'
        )
    ]
    assert paper.warnings == []


# -- lists ---------------------------------------------------------------------------------------


def test_lists_by_style_and_by_numbering():
    document = docx.Document()
    document.add_paragraph("Nhiệm vụ:", style="List Bullet").runs[0].bold = True
    document.add_paragraph("tuyên truyền", style="List Bullet")
    document.add_paragraph("Giải pháp:")
    document.add_paragraph("đổi mới", style="List Number")
    document.add_paragraph("", style="List Number")  # an empty item is skipped
    document.add_paragraph("kiểm tra", style="List Number")
    decimal = add_list_definition(document, "decimal", "bullet")
    numbered(document.add_paragraph("Một"), decimal)
    numbered(document.add_paragraph("chi tiết"), decimal, level=1)
    numbered(document.add_paragraph("Hai"), decimal)
    letters = add_list_definition(document, "lowerLetter")
    numbered(document.add_paragraph("a-một"), letters)
    bullets = add_list_definition(document, "bullet")
    numbered(document.add_paragraph("chấm"), bullets)
    hidden = add_list_definition(document, "none")
    numbered(document.add_paragraph("không đánh số"), hidden)
    numbered(document.add_paragraph("gỡ đánh số", style="List Bullet"), 0)

    paper = extract(document)

    assert paper.blocks == [
        {
            "type": "list",
            "value": {"ordered": False, "items": ["<b>Nhiệm vụ:</b>", "tuyên truyền"]},
        },
        paragraph("Giải pháp:"),
        {"type": "list", "value": {"ordered": True, "items": ["đổi mới", "kiểm tra"]}},
        {
            "type": "list",
            "value": {"ordered": True, "items": ["<p>Một</p><ul><li>chi tiết</li></ul>", "Hai"]},
        },
        {"type": "list", "value": {"ordered": True, "items": ["a-một"]}},
        {"type": "list", "value": {"ordered": False, "items": ["chấm"]}},
        paragraph("không đánh số"),
        paragraph("gỡ đánh số"),
    ]
    assert paper.warnings == []


# -- tables --------------------------------------------------------------------------------------


def test_table_rows_header_and_merged_cells():
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Chỉ tiêu", "2021", "2022"], strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for cell, text in zip(table.rows[1].cells, ["Đảng viên mới", "3.200", "3.450"], strict=True):
        cell.text = text
    table.cell(2, 0).merge(table.cell(2, 1)).text = "Ghi chú"
    table.cell(2, 2).text = "dòng một"
    table.cell(2, 2).add_paragraph("dòng hai")
    table.cell(3, 0).text = "Tổng"
    table.cell(3, 1).text = "6.650"
    table.cell(2, 2).merge(table.cell(3, 2))

    paper = extract(document)

    assert paper.blocks == [
        {
            "type": "table",
            "value": {
                "rows": [
                    ["Chỉ tiêu", "2021", "2022"],
                    ["Đảng viên mới", "3.200", "3.450"],
                    ["Ghi chú", "", "dòng một\ndòng hai"],
                    ["Tổng", "6.650", ""],
                ],
                "header": True,
            },
        }
    ]
    assert paper.table_count == 1
    assert paper.words == 17


def test_table_header_row_marked_and_nested_table_and_image_in_cell():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Đơn vị"
    table.rows[0].cells[1].text = "Số lượng"
    append_xml(table.rows[0]._tr.get_or_add_trPr(), "<w:tblHeader/>")
    table.cell(1, 0).text = "Chư Sê"
    inner = table.cell(1, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "12"
    inner.cell(0, 1).text = "chi bộ"
    table.cell(1, 0).add_paragraph().add_run().add_picture(io.BytesIO(hostile.png_bytes()))

    paper = extract(document)

    assert paper.blocks == [
        {
            "type": "table",
            "value": {"rows": [["Đơn vị", "Số lượng"], ["Chư Sê", "12 | chi bộ"]], "header": True},
        }
    ]
    assert paper.images == []
    assert paper.warnings == [
        "1 image inside a table was not carried.",
        "Tables inside tables were flattened into text.",
    ]


# -- images and quotes ---------------------------------------------------------------------------


def test_images_with_alt_text_and_caption():
    document = docx.Document()
    document.add_paragraph("Hình ảnh hội nghị:")
    png = hostile.png_bytes(40, 30)
    shape = document.add_picture(io.BytesIO(png))
    shape._inline.docPr.set("descr", "Quang cảnh tọa đàm")
    document.add_paragraph("Hình 1. Quang cảnh tọa đàm", style="Caption")
    p = document.add_paragraph("Trước ảnh ")
    p.add_run().add_picture(io.BytesIO(png))  # the same image again: one file
    p.add_run(" sau ảnh.")
    document.add_picture(io.BytesIO(hostile.image_bytes("JPEG", 8, 6)))
    document.add_picture(io.BytesIO(hostile.image_bytes("TIFF")))

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Hình ảnh hội nghị:"),
        {
            "type": "image",
            "value": {
                "image": 0,
                "alt": "Quang cảnh tọa đàm",
                "caption": "Hình 1. Quang cảnh tọa đàm",
            },
        },
        paragraph("Trước ảnh"),
        {"type": "image", "value": {"image": 0, "alt": "", "caption": ""}},
        paragraph("sau ảnh."),
        {"type": "image", "value": {"image": 1, "alt": "", "caption": ""}},
    ]
    assert paper.images == [
        ExtractedImage(png, "image1.png", "image/png", "Quang cảnh tọa đàm", 40, 30),
        ExtractedImage(hostile.image_bytes("JPEG", 8, 6), "image2.jpg", "image/jpeg", "", 8, 6),
    ]
    assert paper.warnings == ["1 image in a format web pages cannot show (TIFF) was not carried."]


def test_emf_drawing_is_named_not_carried():
    """Word stores pasted Office drawings as EMF, which browsers cannot show."""
    document = docx.Document()
    document.add_paragraph("Sơ đồ tổ chức:")
    document.add_picture(io.BytesIO(hostile.png_bytes()))
    data = hostile.docx_bytes(document)
    parts = hostile.members(data)
    rels = parts["word/_rels/document.xml.rels"].replace(b"media/image1.png", b"media/image1.emf")
    data = hostile.rezip(
        hostile.with_content_type(data, '<Default Extension="emf" ContentType="image/x-emf"/>'),
        drop=["word/media/image1.png"],
        replace={
            "word/media/image1.emf": hostile.emf_bytes(),
            "word/_rels/document.xml.rels": rels,
        },
    )
    package = open_package(data, max_bytes=20 * 2**20)
    assert package.images["word/media/image1.emf"].format == "WMF"  # Pillow's name for both

    paper = extract_paper(package)

    assert paper.blocks == [paragraph("Sơ đồ tổ chức:")]
    assert paper.images == []
    assert paper.warnings == ["1 image in a format web pages cannot show (EMF) was not carried."]


def test_quotes_with_and_without_attribution():
    document = docx.Document()
    document.add_paragraph("Học tập và làm theo tư tưởng, đạo đức, phong cách.", style="Quote")
    document.add_paragraph("— Chủ tịch Hồ Chí Minh", style="Quote")
    document.add_paragraph("Dân là gốc.", style="Intense Quote")

    paper = extract(document)

    assert paper.blocks == [
        {
            "type": "quote",
            "value": {
                "text": "Học tập và làm theo tư tưởng, đạo đức, phong cách.",
                "attribution": "Chủ tịch Hồ Chí Minh",
            },
        },
        {"type": "quote", "value": {"text": "Dân là gốc.", "attribution": ""}},
    ]


# -- what cannot be carried ----------------------------------------------------------------------


TEXT_BOX = (
    '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
    '<wp:docPr id="5" name="Text Box 5"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    "<w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t>"
    "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r>"
)


def graphic(uri: str) -> str:
    return (
        '<w:r><w:drawing><wp:inline><wp:docPr id="9" name="x"/><a:graphic>'
        f'<a:graphicData uri="{uri}"/></a:graphic></wp:inline></w:drawing></w:r>'
    )


def test_everything_not_carried_is_named_in_warnings():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Tham luận — Huyện ủy Chư Sê"
    document.sections[0].footer.paragraphs[0].text = "2"  # a bare page number says nothing
    p = document.add_paragraph("Có chú thích")
    append_xml(p._p, '<w:r><w:footnoteReference w:id="1"/></w:r>')
    append_xml(p._p, '<w:r><w:footnoteReference w:id="2"/></w:r>')
    append_xml(p._p, '<w:r><w:endnoteReference w:id="1"/></w:r>')
    p.add_run(" và ")
    append_xml(p._p, f'<w:ins w:id="7" w:author="BTV">{run_xml("chữ thêm")}</w:ins>')
    append_xml(
        p._p,
        '<w:del w:id="8" w:author="BTV"><w:r><w:delText>chữ bỏ</w:delText></w:r></w:del>',
    )
    document.add_comment(p.runs[0], text="Xem lại số liệu", author="Thẩm định")
    append_xml(document.add_paragraph("Có hộp văn bản.")._p, TEXT_BOX)
    equation = document.add_paragraph("Công thức: ")
    append_xml(equation._p, "<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>")
    append_xml(document.add_paragraph("Công thức trống:")._p, "<m:oMath><m:r/></m:oMath>")
    append_xml(document.add_paragraph("Biểu đồ:")._p, graphic(CHART_URI) + graphic(SMARTART_URI))
    append_xml(
        document.add_paragraph("Đối tượng:")._p, "<w:r><w:object><o:OLEObject/></w:object></w:r>"
    )
    append_xml(
        document.add_paragraph("Phương trình cũ:")._p,
        '<w:r><w:object><o:OLEObject ProgID="Equation.3"/></w:object></w:r>',
    )
    fields = document.add_paragraph("Trang ")
    append_xml(fields._p, field_xml("PAGE", "3"))
    append_xml(fields._p, run_xml(", kính gửi "))
    append_xml(fields._p, field_xml('MERGEFIELD "DonVi"', "«DonVi»"))
    append_xml(
        document.add_paragraph("Ký hiệu ")._p,
        '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',
    )

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Có chú thích<sup>1</sup><sup>2</sup><sup>3</sup> và chữ thêm"),
        paragraph("Có hộp văn bản."),
        paragraph("Trong hộp"),
        paragraph("Công thức: x=1"),
        paragraph("Công thức trống:"),
        paragraph("Biểu đồ:"),
        paragraph("Đối tượng:"),
        paragraph("Phương trình cũ:"),
        paragraph("Trang 3, kính gửi «DonVi»"),
        paragraph("Ký hiệu"),
        {"type": "notes", "value": {"items": ["…", "…", "…"]}},
    ]
    assert paper.warnings == [
        "3 footnotes or endnotes could not be found in the file and were left out.",
        "1 comment in the document was left out.",
        "The document has tracked changes; they were taken as accepted. Please check the text.",
        "The text of 1 text box was placed in the page where the box is anchored. "
        "Please check its place.",
        "1 equation holds no text that could be read and was not carried.",
        "1 equation made with Equation Editor or MathType was not carried: "
        "please retype it with Word's equation tool or as text.",
        "1 chart was not carried; add it as a picture if it is needed.",
        "1 SmartArt diagram was not carried.",
        "1 embedded object (such as an Excel sheet) was not carried.",
        "Some fields (MERGEFIELD) were kept only as the text they last showed.",
        "1 symbol from a symbol font (Symbol, Wingdings) was not carried.",
        "The text of page headers or footers was not carried.",
    ]


def test_table_of_contents_is_left_out():
    document = docx.Document()
    document.add_paragraph("Mục lục")
    first = document.add_paragraph()
    append_xml(
        first._p,
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run_xml("I. Thực trạng\t1"),
    )
    append_xml(document.add_paragraph()._p, run_xml("II. Giải pháp\t3"))
    append_xml(document.add_paragraph()._p, '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    document.add_heading("I. Thực trạng", 1)
    document.add_paragraph("Nội dung.")

    paper = extract(document)

    assert paper.blocks == [
        paragraph("Mục lục"),
        heading("I. Thực trạng", 2),
        paragraph("Nội dung."),
    ]
    assert paper.warnings == ["The table of contents was left out; the page builds its own."]


def test_text_inside_content_controls_smart_tags_and_custom_xml():
    document = docx.Document()
    body = document.element.body
    sdt = parse_xml(
        f"<w:sdt {NS}><w:sdtPr/><w:sdtContent><w:p>{run_xml('Trong khối điều khiển')}</w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(0, sdt)
    p = document.add_paragraph("A ")
    append_xml(
        p._p,
        f"<w:sdt><w:sdtContent>{run_xml('B ')}</w:sdtContent></w:sdt>"
        f'<w:smartTag w:uri="u" w:element="place">{run_xml("C ")}</w:smartTag>'
        f'<w:customXml w:element="x">{run_xml("D")}</w:customXml>',
    )

    paper = extract(document)

    assert paper.blocks == [paragraph("Trong khối điều khiển"), paragraph("A B C D")]


# -- refusals, counts, language, speed -----------------------------------------------------------


def test_document_without_text_is_refused():
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("   \t ")
    document.add_picture(io.BytesIO(hostile.png_bytes()))
    with pytest.raises(PaperRejected) as info:
        extract(document)
    assert info.value.code == "empty_content"
    assert info.value.message == (
        "The document has no text. Please check that you sent the right file."
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Đồng chí Bí thư – Tỉnh ủy, năm 2022.", 8),
        ("  nhiều   khoảng   trắng  ", 3),
        ("… — !!", 0),
        ("92-KH/TU", 1),
    ],
)
def test_count_words(text, words):
    assert count_words(text) == words


def test_warnings_in_vietnamese():
    document = docx.Document()
    append_xml(document.add_paragraph("Văn bản")._p, TEXT_BOX)
    with translation.override("vi"):
        paper = extract(document)
    assert paper.warnings == [
        "Chữ trong 1 hộp văn bản (text box) đã được đưa vào trang, tại chỗ hộp được neo. "
        "Xin kiểm tra lại vị trí."
    ]


def seven_page_paper():
    """About 3 000 words: seven A4 pages of 13 pt Times New Roman, as the plan allows."""
    document = docx.Document()
    centred_bold(document, "HUYỆN ỦY CHƯ SÊ")
    document.add_heading("Nâng cao chất lượng sinh hoạt chi bộ gắn với Kết luận 21-KL/TW", 0)
    sentence = (
        "Đảng bộ huyện đã lãnh đạo, chỉ đạo các chi bộ đổi mới nội dung, phương thức sinh hoạt, "
        "gắn với thực hiện Kết luận số 21-KL/TW và Chỉ thị số 05-CT/TW của Bộ Chính trị. "
    )
    for section in range(1, 5):
        document.add_heading(f"{section}. Phần thứ {section}", 1)
        for _ in range(6):
            p = document.add_paragraph(sentence * 2)
            p.add_run("Kết quả nổi bật").bold = True
            p.add_run(sentence)
        for item in range(4):
            document.add_paragraph(f"Giải pháp {item + 1}: {sentence}", style="List Bullet")
    table = document.add_table(rows=6, cols=4)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "128 tổ chức cơ sở đảng"
    document.add_picture(io.BytesIO(hostile.png_bytes(600, 400)))
    return hostile.docx_bytes(document)


def test_typical_seven_page_paper_opens_and_extracts_quickly():
    data = seven_page_paper()
    started = time.perf_counter()
    paper = extract_paper(open_package(data, max_bytes=20 * 2**20))
    elapsed = time.perf_counter() - started
    assert paper.title == "Nâng cao chất lượng sinh hoạt chi bộ gắn với Kết luận 21-KL/TW"
    assert [block["type"] for block in paper.blocks[:4]] == [
        "heading",
        "heading",
        "paragraph",
        "paragraph",
    ]
    assert 2800 < paper.words < 3600
    assert elapsed < 1
