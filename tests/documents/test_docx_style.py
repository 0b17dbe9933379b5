"""The administrative layout every printed document shares (Nghị định 30/2020/NĐ-CP)."""

import io

from docx.shared import Pt

from symposium_pages.documents import docx_style
from tests.documents.docx_checks import (
    default_fonts,
    fields,
    header_texts,
    in_schema_order,
    open_docx,
    sectpr_children,
    theme_attributes_in_styles,
)


def saved(document):
    stream = io.BytesIO()
    document.save(stream)
    return open_docx(stream.getvalue())


def test_a4_with_the_decree_margins():
    document = saved(docx_style.new_document())
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)  # A4
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert 20 <= section.top_margin.mm <= 25
    assert 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35
    assert 15 <= section.right_margin.mm <= 20


def test_times_new_roman_in_every_slot_and_no_theme_font_anywhere():
    document = saved(docx_style.new_document())
    assert default_fonts(document) == {
        "ascii": "Times New Roman",
        "hAnsi": "Times New Roman",
        "eastAsia": "Times New Roman",
        "cs": "Times New Roman",
    }
    assert theme_attributes_in_styles(document) == []
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Title"):
        rfonts = document.styles[name].element.rPr.rFonts
        assert {key.split("}")[1] for key in rfonts.attrib} == {"ascii", "hAnsi", "eastAsia", "cs"}
        assert set(rfonts.attrib.values()) == {"Times New Roman"}


def test_body_size_spacing_and_line_spacing():
    normal = saved(docx_style.new_document()).styles["Normal"]
    assert Pt(13) <= normal.font.size <= Pt(14)
    assert normal.paragraph_format.space_after >= Pt(6)
    assert 1.0 <= normal.paragraph_format.line_spacing <= 1.5


def test_page_field_centred_in_the_header_and_none_on_the_first_page():
    document = docx_style.new_document()
    docx_style.number_pages(document.sections[0])
    document = saved(document)
    section = document.sections[0]
    assert section.different_first_page_header_footer is True
    assert fields(section.header._element) == ["PAGE"]
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert fields(section.first_page_header._element) == []
    assert in_schema_order(sectpr_children(document))
    assert sectpr_children(document)[-1] in ("titlePg", "docGrid")


def test_a_mark_goes_on_every_page_first_included():
    document = docx_style.new_document()
    docx_style.number_pages(document.sections[0], "BẢN DỰ THẢO")
    section = saved(document).sections[0]
    assert "BẢN DỰ THẢO" in header_texts(section.header)
    assert header_texts(section.first_page_header) == "BẢN DỰ THẢO"


def test_field_instructions_are_read_back():
    document = docx_style.new_document()
    paragraph = document.add_paragraph()
    docx_style.add_simple_field(paragraph, 'TOC \\o "1-2"', "…")
    assert fields(saved(document).element.body) == ['TOC \\o "1-2"']


def test_update_fields_sits_before_compat_in_settings():
    document = docx_style.new_document()
    docx_style.update_fields_on_open(document)
    names = [child.tag.split("}")[1] for child in saved(document).settings.element]
    assert "updateFields" in names
    if "compat" in names:
        assert names.index("updateFields") < names.index("compat")
