"""Read embedded images' dimensions from their headers and refuse decompression bombs.

An image of a few kilobytes can claim 100 000 x 100 000 pixels and take tens
of gigabytes once decoded (by Wagtail's renditions, later). Only the header is
read here: Pillow's `Image.open` does not decode pixels.
"""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .errors import PaperRejected

MAX_PIXELS = 50_000_000
# Above this many pixels, fewer bytes than pixels / MAX_PIXELS_PER_BYTE is not a real image.
ABSURD_FLOOR = 1_000_000
MAX_PIXELS_PER_BYTE = 20_000

IMAGE_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".jpe",
    ".gif",
    ".bmp",
    ".dib",
    ".tif",
    ".tiff",
    ".webp",
    ".emf",
    ".wmf",
    ".emz",
    ".wmz",
    ".svg",
    ".ico",
)
# Formats whose headers Pillow reads; EMF/WMF come back as "WMF".
_FORMATS = ["PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP", "WMF", "ICO"]


@dataclass(frozen=True)
class ImageInfo:
    format: str | None  # Pillow's name ("PNG", "JPEG", "WMF", ...), None if not recognised
    width: int = 0
    height: int = 0


def is_image(name: str, content_type: str) -> bool:
    return content_type.startswith("image/") or name.lower().endswith(IMAGE_SUFFIXES)


def inspect_image(name: str, blob: bytes) -> ImageInfo:
    """The header's format and size; refuses images too large to ever decode safely."""
    try:
        with Image.open(io.BytesIO(blob), formats=_FORMATS) as image:
            width, height = image.size
            found = image.format
    except Image.DecompressionBombError as exc:
        raise _refuse(name, None, None) from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        # Not an image Pillow knows (or a broken one): extraction names it in a warning.
        return ImageInfo(None)
    pixels = width * height
    if pixels > MAX_PIXELS or (pixels > ABSURD_FLOOR and pixels > MAX_PIXELS_PER_BYTE * len(blob)):
        raise _refuse(name, width, height)
    return ImageInfo(found, width, height)


def _refuse(name: str, width: int | None, height: int | None) -> PaperRejected:
    if width is None:
        message = _(
            "The image %(name)s in the document is far too large to process safely. "
            "Please make it smaller and send the paper again."
        ) % {"name": name}
    else:
        message = _(
            "The image %(name)s in the document claims %(width)s × %(height)s pixels, "
            "far too large to process safely. "
            "Please make it smaller and send the paper again."
        ) % {"name": name, "width": width, "height": height}
    return PaperRejected("image_bomb", message)
