"""Read a zip without trusting it: bounded entries, safe names, real inflated sizes.

A .docx is a zip, and a zip can lie. The end record can claim a million
entries, a header can declare 1 KB for a member that inflates to 1 GB, two
directory entries can point at the same compressed bytes. Everything is
checked against the bytes themselves and every member is inflated here by
streaming with a hard cap, before anything else (python-docx, lxml, Pillow)
touches it.
"""

import io
import re
import struct
import zipfile
import zlib

from django.utils.translation import gettext as _

from .errors import PaperRejected

MAX_ENTRIES = 2000
MAX_CENTRAL_DIRECTORY = 2 * 1024 * 1024
MAX_TOTAL_INFLATED = 200 * 1024 * 1024
# Word's XML compresses 5-20 times; deflate cannot do better than ~1030.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024
# General purpose flags: deflate options, data descriptor, UTF-8 names. Anything else
# (encryption, patched data, ...) is not something a word processor writes.
ENCRYPTED = 0x1
STRONG_ENCRYPTION = 0x40
ALLOWED_FLAGS = 0x2 | 0x4 | 0x8 | 0x800

_END = struct.Struct("<4sHHHHIIH")
_END64_LOCATOR = struct.Struct("<4sIQI")
_END64 = struct.Struct("<4sQHHIIQQQQ")
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_DRIVE = re.compile(r"^[A-Za-z]:")


def _corrupt() -> PaperRejected:
    return PaperRejected(
        "corrupt",
        _(
            "The file is damaged and cannot be read. "
            "Please open it in Word, save it again as .docx and send the new file."
        ),
    )


def _bomb() -> PaperRejected:
    return PaperRejected(
        "zip_bomb",
        _(
            "The file unpacks to far more data than a paper can hold, "
            "so it was refused for safety. Please save the paper again as .docx."
        ),
    )


def read_members(data: bytes) -> dict[str, bytes]:
    """Every file member of the zip `data`, inflated and checked, by name."""
    cd_offset = _check_end_record(data)
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        ValueError,
        struct.error,
        NotImplementedError,
        OSError,
        EOFError,
    ) as exc:
        raise _corrupt() from exc
    if len(infos) > MAX_ENTRIES:
        raise _bomb()
    _check_names(infos)
    _check_declared_sizes(infos)
    members = {}
    for info, start, end in _data_spans(data, infos, cd_offset):
        if not info.is_dir():
            members[info.filename] = _inflate(data, start, end, info)
    return members


def _check_end_record(data: bytes) -> int:
    """Validate the end of central directory record; return where the directory starts."""
    pos = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
    if pos < 0 or pos + _END.size > len(data):
        raise PaperRejected(
            "truncated",
            _(
                "The file is incomplete: it was probably cut off while being copied or "
                "downloaded. Please send the complete file again."
            ),
        )
    _sig, disk, cd_disk, on_disk, entries, cd_size, cd_offset, _comment = _END.unpack_from(
        data, pos
    )
    record_pos = pos
    if 0xFFFF in (disk, cd_disk, on_disk, entries) or 0xFFFFFFFF in (cd_size, cd_offset):
        record_pos, disk, cd_disk, on_disk, entries, cd_size, cd_offset = _zip64_end(data, pos)
    if disk or cd_disk or on_disk != entries:
        raise _corrupt()  # split over several disks
    if entries > MAX_ENTRIES or cd_size > MAX_CENTRAL_DIRECTORY:
        raise _bomb()
    if cd_offset + cd_size != record_pos:
        raise _corrupt()  # data before the zip, or a directory that is not where it says
    return cd_offset


def _zip64_end(data: bytes, pos: int) -> tuple[int, ...]:
    locator = pos - _END64_LOCATOR.size
    if locator < 0:
        raise _corrupt()
    sig, _disk, offset, _disks = _END64_LOCATOR.unpack_from(data, locator)
    if sig != b"PK\x06\x07" or offset + _END64.size > locator:
        raise _corrupt()
    fields = _END64.unpack_from(data, offset)
    if fields[0] != b"PK\x06\x06":
        raise _corrupt()
    _sig, _size, _made, _need, disk, cd_disk, on_disk, entries, cd_size, cd_offset = fields
    return offset, disk, cd_disk, on_disk, entries, cd_size, cd_offset


def _check_names(infos: list[zipfile.ZipInfo]) -> None:
    seen = set()
    for info in infos:
        name = info.orig_filename
        if (
            not name
            or "\\" in name
            or name.startswith("/")
            or _DRIVE.match(name)
            or any(ord(ch) < 32 for ch in name)
            or ".." in name.split("/")
        ):
            raise PaperRejected(
                "unsafe_path",
                _(
                    "The file contains a part with an unsafe name (%(name)s), "
                    "which Word never writes. It was refused for safety."
                )
                % {"name": name.encode("unicode_escape").decode("ascii")[:80]},
            )
        # Part names are case-insensitive: two spellings of one name smuggle a second part.
        key = name.casefold()
        if key in seen:
            raise _corrupt()
        seen.add(key)
        if info.flag_bits & (ENCRYPTED | STRONG_ENCRYPTION):
            raise PaperRejected(
                "encrypted",
                _("The file is encrypted with a password, so it cannot be read."),
            )
        if info.flag_bits & ~ALLOWED_FLAGS or info.compress_type not in (
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ):
            raise _corrupt()


def _check_declared_sizes(infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_TOTAL_INFLATED:
            raise _bomb()
        if info.file_size > RATIO_FLOOR and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
        ):
            raise _bomb()


def _data_spans(data, infos, cd_offset):
    """Yield (info, start, end) of each member's compressed bytes, refusing overlaps.

    Members sharing compressed bytes are the trick behind non-recursive zip bombs.
    """
    previous_end = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        offset = info.header_offset
        if offset < previous_end or offset + _LOCAL.size > cd_offset:
            raise _bomb() if offset < previous_end else _corrupt()
        fields = _LOCAL.unpack_from(data, offset)
        name_len, extra_len = fields[9], fields[10]
        start = offset + _LOCAL.size + name_len + extra_len
        raw_name = data[offset + _LOCAL.size : offset + _LOCAL.size + name_len]
        # Decoded as zipfile (and so python-docx) does, from the local header's own flag.
        encoding = "utf-8" if fields[2] & 0x800 else "cp437"
        if fields[0] != b"PK\x03\x04" or raw_name.decode(encoding, "replace") != info.orig_filename:
            raise _corrupt()
        end = start + info.compress_size
        if end > cd_offset:
            raise _corrupt()
        previous_end = end
        yield info, start, end


def _inflate(data: bytes, start: int, end: int, info: zipfile.ZipInfo) -> bytes:
    """Decompress one member, never producing more than its declared size."""
    if info.compress_type == zipfile.ZIP_STORED:
        blob = data[start:end]
        if len(blob) != info.file_size:
            raise _corrupt()
    else:
        blob = _inflate_deflated(memoryview(data)[start:end], info.file_size)
    if zlib.crc32(blob) != info.CRC:
        raise _corrupt()
    return blob


def _inflate_deflated(raw: memoryview, declared: int) -> bytes:
    """Inflate, keeping at most `declared` bytes; a little more is damage, much more a bomb."""
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    pieces = []
    produced = 0
    pos = 0
    try:
        while not inflater.eof:
            if inflater.unconsumed_tail:
                source = inflater.unconsumed_tail
            else:
                source = raw[pos : pos + CHUNK]
                pos += len(source)
            piece = inflater.decompress(source, CHUNK)
            if not piece and not source:
                break
            produced += len(piece)
            if produced > declared + RATIO_FLOOR:
                raise _bomb()  # the header lied about the size, by far
            if produced <= declared:
                pieces.append(piece)
    except zlib.error as exc:
        raise _corrupt() from exc
    if not inflater.eof or produced != declared:
        raise _corrupt()
    return b"".join(pieces)
