"""Refuse XML that declares a DTD or entities, before any parser sees it.

A DOCTYPE is how external entities (XXE: reading files or URLs of the server)
and entity expansion bombs ("billion laughs") get in. Word never writes one,
so a part that has one is refused outright rather than parsed carefully. The
scan also refuses encodings that could hide the declaration from it (UTF-7,
EBCDIC, ...): only ASCII-compatible encodings and UTF-16/32 are let through,
and NUL bytes are dropped before looking so UTF-16/32 text is seen as ASCII.
"""

import re

from django.utils.translation import gettext as _
from lxml import etree

from .errors import PaperRejected

XML_SUFFIXES = (".xml", ".rels", ".vml")
# SVG pictures are never parsed (the PNG Word stores beside them is used) and
# drawing programs often write a harmless DOCTYPE into them.
NOT_PARSED_SUFFIXES = (".svg",)
_DECLARATION = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_ALLOWED_ENCODINGS = {
    "utf-8",
    "utf8",
    "utf-16",
    "utf-16le",
    "utf-16be",
    "utf-32",
    "utf-32le",
    "utf-32be",
    "us-ascii",
    "ascii",
    "iso-8859-1",
    "latin-1",
    "latin1",
    "windows-1252",
    "cp1252",
}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

# For the few parts read here; python-docx's own parser also leaves entities unresolved.
SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def looks_like_xml(name: str, blob: bytes) -> bool:
    """Whether `name` is an XML part that something (python-docx, lxml, us) may parse."""
    if name.lower().endswith(NOT_PARSED_SUFFIXES):
        return False
    if name.lower().endswith(XML_SUFFIXES):
        return True
    head = blob[:64].replace(b"\x00", b"")
    for bom in _BOMS:
        head = head.removeprefix(bom)
    return head.lstrip().startswith(b"<")


def check_xml(name: str, blob: bytes) -> None:
    """Refuse `blob` if it declares a DTD or entities, or hides its text in an odd encoding."""
    text = blob.replace(b"\x00", b"")
    for bom in _BOMS:
        text = text.removeprefix(bom)
    if _DECLARATION.search(text):
        raise PaperRejected(
            "xml_entities",
            _(
                "The document contains XML declarations (DOCTYPE or ENTITY) that Word "
                "never writes and that can be used to attack the server. It was refused."
            ),
        )
    stripped = text.lstrip()
    declared = _ENCODING.match(stripped)
    if (stripped and not stripped.startswith(b"<")) or (
        declared and declared.group(1).decode("ascii", "replace").lower() not in _ALLOWED_ENCODINGS
    ):
        raise PaperRejected(
            "unreadable",
            _("A part of the document (%(name)s) is not readable XML.") % {"name": name},
        )


def parse(name: str, blob: bytes) -> etree._Element:
    """Parse a part already passed through check_xml."""
    try:
        return etree.fromstring(blob, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise PaperRejected(
            "unreadable",
            _("A part of the document (%(name)s) is not readable XML.") % {"name": name},
        ) from exc
