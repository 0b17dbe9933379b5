"""Open an uploaded .docx safely: every check that does not need to understand the text.

`open_package` refuses, with a PaperRejected, anything that is not a plain
Word document or that could hurt the server, in bounded time and memory and
before any XML is parsed: wrong file types, damaged zips, zip bombs, macros,
DTDs and entities, image bombs. What it returns has been inflated once and
checked; python-docx then reads it from memory.
"""

import io
import posixpath
from collections.abc import Mapping
from types import MappingProxyType

import docx
import docx.document
import docx.opc.exceptions
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from lxml import etree

from . import sniff, xmlcheck, zipcheck
from .errors import PaperRejected
from .imagecheck import ImageInfo, inspect_image, is_image

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN_TYPES = {
    "application/vnd.ms-word.document.macroenabled.main+xml",
    "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
}
MACRO_PART_NAMES = {"vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin"}
MACRO_CONTENT_TYPES = ("vbaproject", "vbadata")
OTHER_OFFICE_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        gettext_noop("a Word template (.dotx)")
    ),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        gettext_noop("an Excel workbook")
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        gettext_noop("a PowerPoint presentation")
    ),
}


class Package:
    """A checked .docx: the original bytes, its inflated parts and the python-docx Document.

    Part names are as in the zip, without a leading slash ("word/media/image1.png").
    """

    def __init__(self, data, parts, content_types, main_part, images, document):
        self.data: bytes = data
        self.parts: Mapping[str, bytes] = MappingProxyType(parts)
        self.main_part: str = main_part
        self.images: Mapping[str, ImageInfo] = MappingProxyType(images)
        self.document: docx.document.Document = document
        self._content_types = content_types
        self._lookup = {name.casefold(): name for name in parts}

    def part(self, name: str) -> bytes:
        """The bytes of a part; accepts "/word/x.xml" or "word/x.xml", in any case."""
        return self.parts[self._lookup[name.lstrip("/").casefold()]]

    def content_type(self, name: str) -> str:
        return self._content_types.of(name)


class _ContentTypes:
    def __init__(self, root):
        self.defaults = {}
        self.overrides = {}
        for el in root:
            if el.tag == f"{{{CT_NS}}}Default":
                self.defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
            elif el.tag == f"{{{CT_NS}}}Override":
                name = el.get("PartName", "").lstrip("/").casefold()
                self.overrides[name] = el.get("ContentType", "")

    def of(self, name: str) -> str:
        name = name.lstrip("/").casefold()
        if name in self.overrides:
            return self.overrides[name]
        return self.defaults.get(posixpath.splitext(name)[1].lstrip("."), "")

    def all(self):
        return [*self.overrides.values(), *self.defaults.values()]


def open_package(data: bytes, *, max_bytes: int) -> Package:
    """Check `data` as an uploaded paper and open it, or raise PaperRejected."""
    if not data:
        raise PaperRejected("empty", _("The file is empty."))
    if len(data) > max_bytes:
        raise PaperRejected(
            "too_large",
            _("The file is %(size)s MB; papers may be at most %(limit)s MB.")
            % {"size": _megabytes(len(data)), "limit": _megabytes(max_bytes)},
        )
    sniff.check_signature(data)
    parts = zipcheck.read_members(data)
    lookup = {name.casefold(): name for name in parts}
    _refuse_opendocument(parts)
    if "[content_types].xml" not in lookup:
        raise _missing_main_part()
    for name, blob in parts.items():
        if xmlcheck.looks_like_xml(name, blob):
            xmlcheck.check_xml(name, blob)
    content_types = _ContentTypes(
        xmlcheck.parse("[Content_Types].xml", parts[lookup["[content_types].xml"]])
    )
    _refuse_macros(parts, content_types)
    main_part = _main_part(parts, lookup)
    _check_main_type(content_types.of(main_part))
    images = {
        name: inspect_image(name, blob)
        for name, blob in parts.items()
        if is_image(name, content_types.of(name))
    }
    return Package(data, parts, content_types, main_part, images, _load(data))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _missing_main_part() -> PaperRejected:
    return PaperRejected(
        "missing_main_part",
        _(
            "The file is not a complete Word document: the document body is missing. "
            "Please open it in Word, save it again as .docx and send the new file."
        ),
    )


def _refuse_opendocument(parts: dict[str, bytes]) -> None:
    if parts.get("mimetype", b"").startswith(b"application/vnd.oasis.opendocument"):
        raise PaperRejected(
            "not_docx",
            _(
                "This is an OpenDocument file (.odt), not a Word document. "
                "Please save it as Word (.docx) and send it again."
            ),
        )


def _refuse_macros(parts: dict[str, bytes], content_types: _ContentTypes) -> None:
    """Macros (VBA) are refused wherever they hide, whatever the file was named."""
    has_macro_part = any(posixpath.basename(name).lower() in MACRO_PART_NAMES for name in parts)
    has_macro_type = any(
        ct.lower() in MACRO_MAIN_TYPES or any(m in ct.lower() for m in MACRO_CONTENT_TYPES)
        for ct in content_types.all()
    )
    if has_macro_part or has_macro_type:
        raise PaperRejected(
            "macro",
            _(
                "The document contains macros (a .docm file), which are not accepted. "
                "Please save it in Word as “Word Document (.docx)” and send it again."
            ),
        )


def _main_part(parts: dict[str, bytes], lookup: dict[str, str]) -> str:
    """The main document part, found as Word finds it: through _rels/.rels."""
    rels_name = lookup.get("_rels/.rels")
    if rels_name is None:
        raise _missing_main_part()
    for rel in xmlcheck.parse(rels_name, parts[rels_name]):
        if rel.tag != f"{{{RELS_NS}}}Relationship" or rel.get("TargetMode") == "External":
            continue
        if rel.get("Type") == STRICT_OFFICE_DOCUMENT:
            raise PaperRejected(
                "strict_ooxml",
                _(
                    "The document is saved as “Strict Open XML”, which cannot be read. "
                    "Please save it in Word as “Word Document (.docx)” and send it again."
                ),
            )
        if rel.get("Type") == OFFICE_DOCUMENT:
            target = posixpath.normpath("/" + rel.get("Target", "")).lstrip("/")
            if target.casefold() in lookup:
                return lookup[target.casefold()]
    raise _missing_main_part()


def _check_main_type(content_type: str) -> None:
    if content_type == WORD_MAIN:
        return
    kind = OTHER_OFFICE_MAIN_TYPES.get(content_type)
    if kind is None:
        raise _missing_main_part()
    raise PaperRejected(
        "not_docx",
        _("This file is %(kind)s, not a Word document. Please send the paper as a .docx file.")
        % {"kind": _(kind)},
    )


def _load(data: bytes) -> docx.document.Document:
    """python-docx's Document; its many failure modes on odd files all mean "unreadable"."""
    try:
        return docx.Document(io.BytesIO(data))
    except (
        etree.LxmlError,
        ValueError,
        KeyError,
        LookupError,
        AttributeError,
        TypeError,
        OSError,
        docx.opc.exceptions.PackageNotFoundError,
    ) as exc:
        raise PaperRejected(
            "unreadable",
            _(
                "The document could not be read. Please open it in Word, "
                "save it again as .docx and send the new file."
            ),
        ) from exc
