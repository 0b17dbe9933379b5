"""Recognise what an upload is before treating it as a zip, so a wrong file gets a useful message.

People send the paper in whatever their office produced: an old .doc, a PDF,
an RTF saved under a .doc name, a scan. Naming what the file looks like tells
them what to do; a bare "not a zip" would not.
"""

import codecs

from django.utils.translation import gettext as _

from .errors import PaperRejected

ZIP_LOCAL_HEADER = b"PK\x03\x04"
ZIP_EMPTY_ARCHIVE = b"PK\x05\x06"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def check_signature(data: bytes) -> None:
    """Refuse anything that does not start like a .docx (a zip local file header)."""
    if data.startswith((ZIP_LOCAL_HEADER, ZIP_EMPTY_ARCHIVE)):
        return
    if data.startswith(OLE2_SIGNATURE):
        _refuse_ole2(data)
    kind = _describe(data)
    if kind is None:
        raise PaperRejected(
            "not_zip",
            _(
                "This file is not a Word document (.docx). "
                "Please save the paper as .docx and send it again."
            ),
        )
    raise PaperRejected(
        "not_zip",
        _(
            "This file is %(kind)s, not a Word document (.docx). "
            "Please save the paper as .docx and send it again."
        )
        % {"kind": kind},
    )


def _refuse_ole2(data: bytes) -> None:
    """An OLE2 compound file: Word 97-2003, a password-protected .docx, or old Excel/PowerPoint.

    Stream names are stored in UTF-16 in the directory sectors; looking for them
    in the (size-capped) bytes avoids parsing the compound file format.
    """
    if _utf16("EncryptionInfo") in data or _utf16("EncryptedPackage") in data:
        raise PaperRejected(
            "encrypted",
            _(
                "The document is protected with a password, so it cannot be read. "
                "Please remove the password in Word (File › Info › Protect Document), "
                "save it and send it again."
            ),
        )
    if _utf16("WordDocument") in data:
        raise PaperRejected(
            "legacy_doc",
            _(
                "This is a Word 97-2003 file (.doc). "
                "Please open it in Word, save it as .docx and send it again."
            ),
        )
    raise PaperRejected(
        "not_docx",
        _(
            "This is an older Microsoft Office file (Excel or PowerPoint 97-2003), "
            "not a Word document. Please send the paper as a Word .docx file."
        ),
    )


def _describe(data: bytes) -> str | None:
    """A short translated phrase for what the bytes look like, or None."""
    head = data[:1024]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%PDF"):
        return _("a PDF document")
    if stripped.startswith(b"{\\rtf"):
        return _("an RTF document")
    if stripped.startswith((b"<!doctype html", b"<html", b"mime-version:")):
        return _("a web page")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<"):
        if b"<w:worddocument" in data[:4096].lower() or b"<pkg:package" in data[:4096].lower():
            return _("a Word XML document")
        return _("an XML file")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return _("an image")
    if head.startswith((b"Rar!", b"7z\xbc\xaf\x27\x1c", b"\x1f\x8b")):
        return _("a compressed archive")
    if _looks_like_text(head):
        return _("a plain text file")
    return None


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    try:
        # Incremental, so a multi-byte character cut at the end of the sample is fine.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\t\r\n\f" for ch in text)
