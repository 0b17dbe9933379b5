"""Reading a QR code back from a letter's picture, with Pillow and segno only.

No pure-Python QR decoder is installed, so the picture is read back module by
module and compared with every symbol a QR code of the expected text can be
(each error-correction level and mask): a match means a phone reads that text.
"""

from __future__ import annotations

import io

import segno
from docx.oxml.ns import qn
from PIL import Image

BORDER = 4  # the quiet zone a QR code needs, in modules


def pictures(document) -> list[bytes]:
    """The bytes of every picture placed in the body, in order."""
    found = []
    for blip in document.element.body.iter(qn("a:blip")):
        part = document.part.related_parts[blip.get(qn("r:embed"))]
        found.append(part.blob)
    return found


def modules(png: bytes) -> list[list[bool]]:
    """The dark (True) and light modules of a QR picture, quiet zone removed."""
    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    assert width == height, "a QR code is square"
    # The first dark pixel on the diagonal is the finder pattern's corner.
    start = next(i for i in range(width) if image.getpixel((i, i)) < 128)
    scale = start / BORDER
    count = round(width / scale) - 2 * BORDER
    return [
        [
            image.getpixel((int((BORDER + x + 0.5) * scale), int((BORDER + y + 0.5) * scale))) < 128
            for x in range(count)
        ]
        for y in range(count)
    ]


def encodes(png: bytes, text: str) -> bool:
    seen = modules(png)
    for error in "lmqh":
        for mask in range(8):
            symbol = segno.make(text, error=error, mask=mask, micro=False, boost_error=False)
            if [[bool(cell) for cell in row] for row in symbol.matrix] == seen:
                return True
    return False
