"""Where headings landed in a PDF LibreOffice wrote: its outline (bookmarks).

LibreOffice exports each heading as an outline item whose destination is the
page it starts on. Reading the outline gives, for every paper of the booklet,
the page its title is on, without extracting text from font-encoded streams.
Only what LibreOffice's PDF export writes is supported: plain objects, and
objects inside compressed object streams.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

OBJ_RE = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)endobj", re.S)
STREAM_RE = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
REF_RE = re.compile(rb"(\d+)\s+\d+\s+R")


class PdfUnreadable(ValueError):
    """The PDF has no page tree or outline this reader understands."""


@dataclass(frozen=True)
class OutlineItem:
    title: str
    level: int  # 1 for top-level items
    page: int  # 1-based physical page number


def _objects(pdf: bytes) -> dict[int, bytes]:
    objects = {}
    for match in OBJ_RE.finditer(pdf):
        objects[int(match.group(1))] = match.group(3)
    for body in list(objects.values()):
        if b"/ObjStm" not in body.split(b"stream", 1)[0]:
            continue
        stream = STREAM_RE.search(body)
        first = re.search(rb"/First\s+(\d+)", body)
        if not stream or not first:
            continue
        try:
            data = zlib.decompress(stream.group(1))
        except zlib.error:
            continue
        offset = int(first.group(1))
        header = data[:offset].split()
        pairs = list(zip(header[0::2], header[1::2], strict=False))
        for index, (number, start) in enumerate(pairs):
            end = int(pairs[index + 1][1]) if index + 1 < len(pairs) else len(data) - offset
            objects.setdefault(int(number), data[offset + int(start) : offset + end])
    return objects


def _dictionary(body: bytes) -> bytes:
    return body.split(b"stream", 1)[0]


def _ref(body: bytes, key: bytes) -> int | None:
    match = re.search(rb"/" + key + rb"\s+(\d+)\s+\d+\s+R", body)
    return int(match.group(1)) if match else None


def page_objects(objects: dict[int, bytes]) -> list[int]:
    """The object numbers of the pages, in page order, walking the page tree."""
    catalog = next(
        (body for body in objects.values() if re.search(rb"/Type\s*/Catalog", _dictionary(body))),
        None,
    )
    if catalog is None:
        raise PdfUnreadable("no document catalog")
    root = _ref(catalog, b"Pages")
    if root is None:
        raise PdfUnreadable("no page tree")
    pages: list[int] = []

    def walk(number: int, depth: int) -> None:
        if depth > 50:
            raise PdfUnreadable("page tree too deep")
        body = _dictionary(objects.get(number, b""))
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            for kid in REF_RE.findall(kids.group(1) if kids else b""):
                walk(int(kid), depth + 1)
        elif re.search(rb"/Type\s*/Page\b", body):
            pages.append(number)

    walk(root, 0)
    return pages


def _decode_string(raw: bytes) -> str:
    raw = raw.strip()
    if raw.startswith(b"<"):
        data = bytes.fromhex(re.sub(rb"\s", b"", raw[1:-1]).decode("ascii"))
    else:
        data = _literal(raw[1:-1])
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", "replace")
    return data.decode("latin-1")


def _literal(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while i < len(raw):
        char = raw[i]
        if char == 0x5C and i + 1 < len(raw):  # backslash
            nxt = raw[i + 1]
            if nxt in escapes:
                out.append(escapes[nxt])
                i += 2
            elif 0x30 <= nxt <= 0x37:
                digits = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4]).group(0)
                out.append(int(digits, 8) & 0xFF)
                i += 1 + len(digits)
            elif nxt in (0x0A, 0x0D):
                i += 2
            else:
                out.append(nxt)
                i += 2
        else:
            out.append(char)
            i += 1
    return bytes(out)


TITLE_RE = re.compile(rb"/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))", re.S)
DEST_RE = re.compile(rb"/D(?:est)?\s*\[\s*(\d+)\s+\d+\s+R")


def outline(pdf: bytes) -> list[OutlineItem]:
    """The outline items in document order, each with the page it points to."""
    if not pdf.startswith(b"%PDF"):
        raise PdfUnreadable("not a PDF")
    objects = _objects(pdf)
    pages = {number: index + 1 for index, number in enumerate(page_objects(objects))}
    catalog = next(
        body for body in objects.values() if re.search(rb"/Type\s*/Catalog", _dictionary(body))
    )
    root = _ref(catalog, b"Outlines")
    if root is None:
        return []
    items: list[OutlineItem] = []
    seen: set[int] = set()

    def walk(number: int | None, level: int) -> None:
        while number is not None and number not in seen:
            seen.add(number)
            body = objects.get(number, b"")
            title = TITLE_RE.search(body)
            dest = DEST_RE.search(body)
            if title and dest and int(dest.group(1)) in pages:
                items.append(
                    OutlineItem(_decode_string(title.group(1)), level, pages[int(dest.group(1))])
                )
            walk(_ref(body, b"First"), level + 1)
            number = _ref(body, b"Next")

    walk(_ref(objects.get(root, b""), b"First"), 1)
    return items


def page_count(pdf: bytes) -> int:
    return len(page_objects(_objects(pdf)))
