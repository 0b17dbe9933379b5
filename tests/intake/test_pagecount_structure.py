"""Pages that come from the document's structure rather than its text.

LibreOffice puts endnotes on pages of their own after the text, shows each body
of a (malformed) file that holds several from a new page, and shows tracked
deletions. The counts below
were checked against LibreOffice 7.4 once; test_pagecount_libreoffice.py-style
rendering is not repeated here.
"""

import copy

import docx.shared
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from symposium_pages.intake.pagecount import estimate_pages
from tests.intake.papers import plain_document

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ENDNOTES = (
    f'<w:endnotes {NS}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
    '</w:p></w:endnote><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
    "<w:continuationSeparator/></w:r></w:p></w:endnote></w:endnotes>"
)


def with_endnotes(doc, paragraph, notes: list[str]) -> None:
    """Refer to one endnote per text of `notes` at the end of `paragraph`."""
    part = XmlPart(
        PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, parse_xml(ENDNOTES), doc.part.package
    )
    doc.part.relate_to(part, RT.ENDNOTES)
    doc.styles.add_style("Endnote Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True
    for i, text in enumerate(notes, start=1):
        part.element.append(
            parse_xml(
                f'<w:endnote {NS} w:id="{i}"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:endnote>'
            )
        )
        paragraph._p.append(
            parse_xml(
                f'<w:r {NS}><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
                f'<w:endnoteReference w:id="{i}"/></w:r>'
            )
        )


def test_endnotes_take_pages_of_their_own_after_the_text():
    doc = plain_document()
    paragraph = doc.add_paragraph("Căn cứ lý luận và thực tiễn của đề tài.")
    assert estimate_pages(doc).pages == 1
    with_endnotes(doc, paragraph, ["Văn kiện Đại hội XIII, tập I, tr. 180."])
    assert estimate_pages(doc).pages == 2
    doc = plain_document()
    paragraph = doc.add_paragraph("Mở đầu")
    with_endnotes(doc, paragraph, [f"Nguồn trích dẫn số {i}." for i in range(1, 61)])
    assert estimate_pages(doc).pages == 3  # 60 one-line notes: 48 on a page, then 12


def test_each_body_of_a_file_with_several_starts_a_page():
    doc = plain_document()
    doc.add_paragraph("Phần một")
    body = doc.element.body
    for text in ("Phần hai", "Phần ba"):
        extra = copy.deepcopy(body)
        for child in list(extra):
            extra.remove(child)
        extra.append(parse_xml(f"<w:p {NS}><w:r><w:t>{text}</w:t></w:r></w:p>"))
        doc.element.append(extra)
    assert len(doc.element.findall(qn("w:body"))) == 3
    assert estimate_pages(doc).pages == 3


def test_tracked_deletions_take_their_lines_as_libreoffice_shows_them():
    """LibreOffice shows deleted and moved-away text struck through: it takes its lines."""
    text = " ".join(["công tác xây dựng chỉnh đốn Đảng"] * 60)  # about ten lines
    counts = []
    for kind in ("del", "moveFrom"):
        doc = plain_document()
        for i in range(40):
            doc.add_paragraph(f"Dòng {i + 1}")
        body = doc.element.body
        for i in range(5):
            body.insert(
                len(body) - 1,
                parse_xml(
                    f"<w:p {NS}><w:r><w:t>Giữ </w:t></w:r><w:{kind} w:id='{i + 5}' w:author='A'>"
                    f"<w:r><w:delText>{text}</w:delText></w:r></w:{kind}></w:p>"
                ),
            )
        counts.append(estimate_pages(doc).pages)
    assert counts == [4, 4]  # LibreOffice 7.4: 4 and 4 (1 without the deleted text)


def footer_with_floating_box(doc, box_paragraphs: int) -> None:
    """A footer whose page number sits in a floating VML text box of `box_paragraphs` lines."""
    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    inner = "".join(f"<w:p><w:r><w:t>{i}</w:t></w:r></w:p>" for i in range(box_paragraphs))
    footer.paragraphs[0]._p.append(
        parse_xml(
            f'<w:r {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            "<v:oval style='position:absolute;width:44pt;height:44pt;"
            "mso-position-vertical-relative:bottom-margin-area'><v:textbox><w:txbxContent>"
            f"{inner}</w:txbxContent></v:textbox></v:oval></w:pict></w:r>"
        )
    )


def test_a_text_box_floating_in_the_footer_takes_no_body_room():
    """LibreOffice 7.4: 1 page either way; counting the box's lines made it 2."""
    counts = []
    for box in (0, 6):
        doc = plain_document(margins=(20, 20, 30, 15))
        doc.sections[0].footer_distance = docx.shared.Mm(15)
        for i in range(46):
            doc.add_paragraph(f"Dòng {i + 1}")
        footer_with_floating_box(doc, box)
        counts.append(estimate_pages(doc).pages)
    assert counts == [1, 1]
