"""Reading the outline of a PDF: which page each bookmark points to."""

import zlib

import pytest

from symposium_pages.documents.pdf import OutlineItem, PdfUnreadable, outline, page_count


def _pdf(objects: dict[int, bytes]) -> bytes:
    body = b"".join(b"%d 0 obj\n%s\nendobj\n" % (number, text) for number, text in objects.items())
    return b"%PDF-1.6\n" + body + b"trailer\n<</Root 1 0 R>>\n%%EOF\n"


PAGES = {
    1: b"<</Type/Catalog/Pages 2 0 R/Outlines 10 0 R>>",
    2: b"<</Type/Pages/Kids[3 0 R 6 0 R]/Count 3>>",
    3: b"<</Type/Pages/Parent 2 0 R/Kids[4 0 R 5 0 R]/Count 2>>",
    4: b"<</Type/Page/Parent 3 0 R>>",
    5: b"<</Type/Page/Parent 3 0 R>>",
    6: b"<</Type/Page/Parent 2 0 R>>",
}


def test_nested_page_tree_literal_and_utf16_titles():
    title = "Tham luận".encode("utf-16-be")
    objects = {
        **PAGES,
        10: b"<</Type/Outlines/First 11 0 R/Last 12 0 R/Count 3>>",
        11: b"<</Title(Keynote \\(1\\)\\051)/Dest[5 0 R/XYZ 0 0 0]/Parent 10 0 R/Next 12 0 R/First 13 0 R>>",
        12: b"<</Title<FEFF"
        + title.hex().encode()
        + b">/Dest[6 0 R/Fit]/Parent 10 0 R/Prev 11 0 R>>",
        13: b"<</Title(Unit)/A<</S/GoTo/D[5 0 R/XYZ 0 0 0]>>/Parent 11 0 R>>",
    }
    pdf = _pdf(objects)
    assert page_count(pdf) == 3
    assert outline(pdf) == [
        OutlineItem("Keynote (1))", 1, 2),
        OutlineItem("Unit", 2, 2),
        OutlineItem("Tham luận", 1, 3),
    ]


def test_objects_inside_an_object_stream():
    inner = b"11 0 12 60 "
    first = len(inner)
    item11 = b"<</Title(A)/Dest[4 0 R/Fit]/Parent 10 0 R/Next 12 0 R>>".ljust(60)
    item12 = b"<</Title(B)/Dest[6 0 R/Fit]/Parent 10 0 R>>"
    stream = zlib.compress(inner + item11 + item12)
    objects = {
        **PAGES,
        10: b"<</Type/Outlines/First 11 0 R/Count 2>>",
        20: b"<</Type/ObjStm/N 2/First %d/Filter/FlateDecode/Length %d>>\nstream\n%s\nendstream"
        % (first, len(stream), stream),
    }
    assert outline(_pdf(objects)) == [OutlineItem("A", 1, 1), OutlineItem("B", 1, 3)]


def test_no_outline_and_not_a_pdf():
    assert outline(_pdf({**PAGES, 1: b"<</Type/Catalog/Pages 2 0 R>>"})) == []
    with pytest.raises(PdfUnreadable):
        outline(b"PK\x03\x04")
    with pytest.raises(PdfUnreadable):
        page_count(_pdf({2: PAGES[2]}))
