"""open_package: one test per kind of bad upload, each refused with its code and nothing else."""

import random
import time

import docx
import pytest
from django.utils import translation

from symposium_pages.intake.errors import PaperRejected
from symposium_pages.intake.extract import extract_paper
from symposium_pages.intake.package import open_package

from . import hostile
from .hostile import GIB, MIB, RawEntry

LIMIT = 20 * MIB
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def refused(data: bytes, max_bytes: int = LIMIT) -> PaperRejected:
    """The PaperRejected that open_package raises for `data` (any other exception fails)."""
    with pytest.raises(PaperRejected) as info:
        open_package(data, max_bytes=max_bytes)
    return info.value


def test_a_plain_docx_opens():
    document = docx.Document()
    document.add_paragraph("Tham luận của Huyện ủy Chư Sê")
    document.add_picture(hostile.io.BytesIO(hostile.png_bytes(40, 30)))
    package = open_package(hostile.docx_bytes(document), max_bytes=LIMIT)

    assert package.main_part == "word/document.xml"
    assert package.document.paragraphs[0].text == "Tham luận của Huyện ủy Chư Sê"
    assert package.part("/word/media/image1.png") == hostile.png_bytes(40, 30)
    assert package.content_type("word/media/image1.png") == "image/png"
    assert package.images["word/media/image1.png"].width == 40
    assert package.images["word/media/image1.png"].height == 30


def test_empty_file():
    error = refused(b"")
    assert (error.code, str(error)) == ("empty", "The file is empty.")


def test_too_large_says_the_limit_in_megabytes():
    error = refused(hostile.docx_bytes() + bytes(3 * MIB), max_bytes=2 * MIB)
    assert error.code == "too_large"
    assert error.message == "The file is 3 MB; papers may be at most 2 MB."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "an RTF document"),
        ("Tham luận của Huyện ủy\r\nNội dung".encode(), "a plain text file"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "a web page"),
        (hostile.png_bytes(), "an image"),
    ],
)
def test_not_a_zip_names_what_it_looks_like(data, kind):
    error = refused(data)
    assert error.code == "not_zip"
    assert error.message == (
        f"This file is {kind}, not a Word document (.docx). "
        "Please save the paper as .docx and send it again."
    )


def test_unknown_bytes_are_not_a_zip():
    error = refused(bytes(range(256)) * 4)
    assert error.code == "not_zip"
    assert error.message == (
        "This file is not a Word document (.docx). "
        "Please save the paper as .docx and send it again."
    )


@pytest.mark.parametrize("cut", [0.5, 0.97])
def test_truncated_zip(cut):
    data = hostile.docx_bytes()
    assert refused(data[: int(len(data) * cut)]).code == "truncated"


def test_end_record_cut_off():
    data = hostile.docx_bytes()
    assert refused(data[:-10]).code == "truncated"


def test_damaged_member_fails_its_checksum():
    data = bytearray(hostile.rezip(hostile.docx_bytes()))
    start = data.index(b"word/document.xml") + len("word/document.xml") + 40
    data[start] ^= 0xFF
    assert refused(bytes(data)).code == "corrupt"


def test_word_97_doc_even_named_docx():
    """The intake never looks at the name: an OLE2 file is a .doc whatever it is called."""
    error = refused(hostile.ole2_file("WordDocument", "1Table", "\x05SummaryInformation"))
    assert error.code == "legacy_doc"
    assert error.message == (
        "This is a Word 97-2003 file (.doc). "
        "Please open it in Word, save it as .docx and send it again."
    )


def test_password_protected_docx():
    error = refused(hostile.ole2_file("EncryptionInfo", "EncryptedPackage"))
    assert error.code == "encrypted"


def test_docm_main_content_type():
    data = hostile.with_content_type(hostile.docx_bytes(), "", main=MACRO_MAIN)
    assert refused(data).code == "macro"


def test_renamed_docm_with_its_vba_project():
    data = hostile.with_content_type(
        hostile.docx_bytes(),
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        main=MACRO_MAIN,
    )
    data = hostile.rezip(data, replace={"word/vbaProject.bin": b"\xcc\x61" * 100})
    error = refused(data)
    assert error.code == "macro"
    assert error.message == (
        "The document contains macros (a .docm file), which are not accepted. "
        "Please save it in Word as “Word Document (.docx)” and send it again."
    )


def test_vba_project_hidden_in_a_docx():
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/vbaProject.bin": b"\x00" * 64})
    assert refused(data).code == "macro"


def test_vba_data_part_in_a_docx():
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/vbaData.xml": b"<wne:vbaSuppData/>"})
    assert refused(data).code == "macro"


@pytest.mark.parametrize("missing", ["word/document.xml", "[Content_Types].xml", "_rels/.rels"])
def test_missing_main_part(missing):
    data = hostile.rezip(hostile.docx_bytes(), drop=[missing])
    assert refused(data).code == "missing_main_part"


def test_empty_zip_has_no_main_part():
    assert refused(hostile.raw_zip([])).code == "missing_main_part"


def test_main_part_found_through_rels_not_by_name():
    """Word finds the body through _rels/.rels; so does the intake."""
    original = hostile.members(hostile.docx_bytes())
    rels = original["_rels/.rels"].replace(b"word/document.xml", b"word/body.xml")
    types = original["[Content_Types].xml"].replace(b"/word/document.xml", b"/word/body.xml")
    data = hostile.rezip(
        hostile.docx_bytes(),
        drop=["word/document.xml", "word/_rels/document.xml.rels"],
        replace={
            "_rels/.rels": rels,
            "[Content_Types].xml": types,
            "word/body.xml": original["word/document.xml"],
            "word/_rels/body.xml.rels": original["word/_rels/document.xml.rels"],
        },
    )
    assert open_package(data, max_bytes=LIMIT).main_part == "word/body.xml"


def test_external_entity_refused_before_parsing():
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/document.xml": hostile.XXE_DOCUMENT})
    error = refused(data)
    assert error.code == "xml_entities"
    assert error.message == (
        "The document contains XML declarations (DOCTYPE or ENTITY) that Word never writes "
        "and that can be used to attack the server. It was refused."
    )


def test_external_entity_in_utf16_is_seen():
    xml = hostile.XXE_DOCUMENT.decode().replace("UTF-8", "UTF-16").encode("utf-16")
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/document.xml": xml})
    assert refused(data).code == "xml_entities"


def test_billion_laughs_in_content_types():
    data = hostile.rezip(
        hostile.docx_bytes(), replace={"[Content_Types].xml": hostile.BILLION_LAUGHS}
    )
    started = time.perf_counter()
    assert refused(data).code == "xml_entities"
    assert time.perf_counter() - started < 1


def test_xml_in_an_encoding_that_could_hide_a_doctype():
    xml = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE x+AD4-<x/>'
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/styles.xml": xml})
    assert refused(data).code == "unreadable"


@pytest.mark.parametrize("declared", [GIB, 1024], ids=["honest-header", "lying-header"])
def test_zip_bomb_of_one_gibibyte_refused_in_under_a_second(declared):
    bomb = hostile.zip_bomb(declared=declared)
    assert len(bomb) < 2 * MIB
    started = time.perf_counter()
    error = refused(bomb)
    elapsed = time.perf_counter() - started
    assert error.code == "zip_bomb"
    assert elapsed < 1


def test_zip_bomb_of_overlapping_entries():
    payload = hostile.deflated_zeros(MIB)
    crc = hostile.zlib.crc32(bytes(MIB))
    entries = [RawEntry(f"word/part{n}.xml", payload, MIB, crc) for n in range(50)]
    assert refused(hostile.raw_zip(entries, shared_data=True)).code == "zip_bomb"


def test_too_many_entries():
    entries = [RawEntry(f"p{n}", b"", 0, 0, 0) for n in range(2001)]
    assert refused(hostile.raw_zip(entries)).code == "zip_bomb"


def test_compression_ratio_over_the_cap():
    payload = hostile.deflated_zeros(100 * MIB)
    data = hostile.raw_zip([RawEntry("word/document.xml", payload, 100 * MIB)])
    assert refused(data).code == "zip_bomb"


@pytest.mark.parametrize(
    "name", ["../../etc/cron.d/evil", "/etc/passwd", "word\\..\\..\\evil.xml", "C:/evil.xml"]
)
def test_unsafe_entry_names(name):
    data = hostile.raw_zip([RawEntry(name, b"x", 1, hostile.zlib.crc32(b"x"), 0)])
    error = refused(data)
    assert error.code == "unsafe_path"


def test_dot_dot_entry_inside_a_real_docx():
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/../../evil.xml": b"<x/>"})
    assert refused(data).code == "unsafe_path"


def test_two_spellings_of_one_part():
    data = hostile.rezip(hostile.docx_bytes(), replace={"WORD/document.xml": b"<x/>"})
    assert refused(data).code == "corrupt"


def test_decompression_bomb_image():
    document = docx.Document()
    document.add_paragraph("Hình ảnh")
    document.add_picture(hostile.io.BytesIO(hostile.png_claiming(100_000, 100_000)))
    error = refused(hostile.docx_bytes(document))
    assert error.code == "image_bomb"


def test_image_over_fifty_megapixels():
    data = hostile.rezip(
        hostile.docx_bytes(), replace={"word/media/image9.png": hostile.png_claiming(8000, 7000)}
    )
    error = refused(data)
    assert error.code == "image_bomb"
    assert error.message == (
        "The image word/media/image9.png in the document claims 8000 × 7000 pixels, "
        "far too large to process safely. Please make it smaller and send the paper again."
    )


def test_opendocument_text():
    data = hostile.rezip(
        hostile.docx_bytes(),
        drop=["[Content_Types].xml"],
        replace={"mimetype": b"application/vnd.oasis.opendocument.text"},
    )
    assert refused(data).code == "not_docx"


def test_excel_workbook():
    data = hostile.with_content_type(
        hostile.docx_bytes(),
        "",
        main="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )
    error = refused(data)
    assert error.code == "not_docx"
    assert error.message == (
        "This file is an Excel workbook, not a Word document. "
        "Please send the paper as a .docx file."
    )


def test_strict_open_xml():
    rels = hostile.members(hostile.docx_bytes())["_rels/.rels"].replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
    )
    data = hostile.rezip(hostile.docx_bytes(), replace={"_rels/.rels": rels})
    assert refused(data).code == "strict_ooxml"


def test_malformed_document_xml():
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/document.xml": b"<w:document"})
    assert refused(data).code == "unreadable"


def test_messages_in_vietnamese():
    with translation.override("vi"):
        assert str(refused(b"")) == "Tệp rỗng, không có nội dung."
        assert str(refused(hostile.ole2_file("WordDocument"))) == (
            "Đây là tệp Word 97-2003 (.doc). "
            "Vui lòng mở tệp trong Word, lưu lại dưới dạng .docx rồi gửi lại."
        )
        assert str(refused(hostile.zip_bomb(declared=GIB))) == (
            "Tệp giải nén ra lượng dữ liệu lớn bất thường so với một bài tham luận nên đã bị "
            "từ chối để bảo đảm an toàn. Vui lòng lưu lại bài dưới dạng .docx."
        )


def test_damaged_files_raise_nothing_but_paper_rejected():
    """Cut and flipped bytes anywhere: either a paper comes out or a PaperRejected, never a crash."""
    document = docx.Document()
    document.add_heading("Tham luận", 1)
    document.add_paragraph("Đoạn văn có ").add_run("chữ đậm").bold = True
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Ô"
    document.add_picture(hostile.io.BytesIO(hostile.png_bytes()))
    original = hostile.rezip(hostile.docx_bytes(document))  # deflated, so flips hit XML too
    rng = random.Random(20220810)
    outcomes = set()
    for _ in range(300):
        data = bytearray(original)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        for _ in range(rng.randint(1, 4)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        try:
            extract_paper(open_package(bytes(data), max_bytes=LIMIT))
            outcomes.add("ok")
        except PaperRejected as error:
            outcomes.add(error.code)
    assert {"truncated", "corrupt"} <= outcomes


def test_svg_picture_with_a_doctype_is_not_parsed_so_not_refused():
    svg = (
        b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>'
    )
    data = hostile.rezip(hostile.docx_bytes(), replace={"word/media/image1.svg": svg})
    assert open_package(data, max_bytes=LIMIT).part("word/media/image1.svg") == svg
