"""Build hostile and broken uploads in memory: nothing downloaded, no binary fixtures.

zipfile writes honest archives; the lies a bomb needs (a header declaring 1 KB
for a member that inflates to 1 GiB, two entries sharing their bytes, names
with `..`) are written byte by byte with `raw_zip`.
"""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

import docx
from PIL import Image

MIB = 1024 * 1024
GIB = 1024 * MIB
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_bytes(document=None) -> bytes:
    """A .docx saved by python-docx: `document`, or a one-paragraph paper."""
    if document is None:
        document = docx.Document()
        document.add_paragraph("Nâng cao chất lượng sinh hoạt chi bộ.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(data: bytes, *, replace=None, drop=()) -> bytes:
    """`data` rewritten with some members replaced or added (`replace`) and some dropped."""
    parts = {name: blob for name, blob in members(data).items() if name not in drop}
    parts.update(replace or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


def with_content_type(data: bytes, xml_fragment: str, *, main: str | None = None) -> bytes:
    """`data` with an entry added to [Content_Types].xml, and optionally the main type changed."""
    types = members(data)["[Content_Types].xml"].decode()
    types = types.replace("</Types>", xml_fragment + "</Types>")
    if main is not None:
        types = types.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            main,
        )
    return rezip(data, replace={"[Content_Types].xml": types.encode()})


@dataclass
class RawEntry:
    name: str
    payload: bytes  # as stored in the archive (already deflated when method is 8)
    size: int  # the uncompressed size the headers declare
    crc: int = 0
    method: int = zipfile.ZIP_DEFLATED
    offset: int | None = None  # where the central directory says the local header is


def raw_zip(entries: list[RawEntry], *, shared_data: bool = False) -> bytes:
    """A zip written by hand, saying whatever the entries say.

    With `shared_data`, only the first entry's data is written and every
    directory entry points at it (the overlapping-entries bomb).
    """
    out = bytearray()
    offsets = []
    for index, entry in enumerate(entries):
        name = entry.name.encode("utf-8")
        if shared_data and index:
            offsets.append(offsets[0])
            continue
        offsets.append(len(out))
        out += struct.pack(
            "<4sHHHHHIIIHH",
            b"PK\x03\x04",
            20,
            0x800,
            entry.method,
            0,
            0x21,
            entry.crc,
            len(entry.payload),
            entry.size,
            len(name),
            0,
        )
        out += name + entry.payload
    directory = bytearray()
    for entry, offset in zip(entries, offsets, strict=True):
        name = entry.name.encode("utf-8")
        payload = entries[0].payload if shared_data else entry.payload
        directory += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0x800,
            entry.method,
            0,
            0x21,
            entry.crc,
            len(payload),
            entry.size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset if entry.offset is None else entry.offset,
        )
        directory += name
    end = struct.pack(
        "<4sHHHHIIH",
        b"PK\x05\x06",
        0,
        0,
        len(entries),
        len(entries),
        len(directory),
        len(out),
        0,
    )
    return bytes(out + directory + end)


def deflated_zeros(size: int) -> bytes:
    """Raw deflate data that inflates to `size` zero bytes (a multiple of 1 MiB).

    Compressing 1 MiB once and repeating it keeps building a 1 GiB bomb at a
    few milliseconds: after a full flush deflate starts afresh, so the
    compressed megabyte is the same every time.
    """
    assert size % MIB == 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(bytes(MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    return block * (size // MIB) + final


def zip_bomb(*, declared: int) -> bytes:
    """A .docx-looking zip whose document.xml inflates to 1 GiB, declaring `declared` bytes."""
    payload = deflated_zeros(GIB)
    return raw_zip(
        [
            RawEntry("[Content_Types].xml", b"<Types/>", 8, zlib.crc32(b"<Types/>"), 0),
            RawEntry("word/document.xml", payload, declared),
        ]
    )


def ole2_file(*stream_names: str) -> bytes:
    """The start of an OLE2 compound file (Word 97-2003) with directory entries for `stream_names`."""
    header = OLE2_SIGNATURE + bytes(512 - len(OLE2_SIGNATURE))
    directory = b""
    for name in ("Root Entry", *stream_names):
        encoded = (name + "\0").encode("utf-16-le")
        directory += encoded.ljust(64, b"\0") + struct.pack("<H", len(encoded)) + bytes(62)
    return header + directory.ljust(4096, b"\0")


def png_bytes(width: int = 4, height: int = 3, color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def image_bytes(fmt: str, width: int = 4, height: int = 3) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (30, 30, 200)).save(out, fmt)
    return out.getvalue()


def emf_bytes(width: int = 100, height: int = 50) -> bytes:
    """A minimal Enhanced Metafile (what Word stores for pasted Office drawings): header and EOF."""
    header = struct.pack(
        "<II4i4iIIIIHHIIIiiii",
        1,
        88,
        0,
        0,
        width - 1,
        height - 1,
        0,
        0,
        width * 26,
        height * 26,
        0x464D4520,
        0x10000,
        88 + 20,
        2,
        1,
        0,
        0,
        0,
        0,
        1920,
        1080,
        508,
        286,
    )
    return header + struct.pack("<IIIII", 14, 20, 0, 16, 20)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny valid PNG whose IHDR claims `width` x `height` pixels."""
    png = bytearray(png_bytes(1, 1))
    png[16:24] = struct.pack(">II", width, height)
    png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
    return bytes(png)


XXE_DOCUMENT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">&lol9;</Types>"""
