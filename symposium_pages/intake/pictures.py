"""The images a paper carries: each embedded picture once, in the formats a web page shows."""

import posixpath
from dataclasses import dataclass

from .notes import Notes

# Pillow format → the content type the page will serve.
WEB_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}
_FORMAT_NAMES = {".emf": "EMF", ".wmf": "WMF", ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP"}


@dataclass(frozen=True)
class ExtractedImage:
    data: bytes
    filename: str  # the part's file name, e.g. "image1.png"
    content_type: str
    alt: str  # from the first picture that shows it (docPr descr, else title)
    width: int
    height: int


class PictureStore:
    """Collects pictures by relationship id of the document part, de-duplicated by part."""

    def __init__(self, document_part, image_info, notes: Notes):
        self._part = document_part
        self._info = image_info  # Package.images: part name → ImageInfo
        self._notes = notes
        self._by_partname: dict[str, int] = {}
        self.images: list[ExtractedImage] = []

    def add(self, rel_id: str | None, alt: str) -> int | None:
        """The index of the picture in `images`, or None (and a note) if it cannot be carried."""
        rel = self._part.rels.get(rel_id) if rel_id else None
        if rel is None or rel.is_external:
            self._notes.add("missing_image")
            return None
        target = rel.target_part
        name = str(target.partname).lstrip("/")
        if name in self._by_partname:
            return self._by_partname[name]
        info = self._info.get(name)
        if info is None or info.format not in WEB_FORMATS:
            self._notes.add("image_format")
            suffix = posixpath.splitext(name)[1].lower()
            found = info.format if info is not None and info.format else None
            self._notes.formats.add(
                _FORMAT_NAMES.get(suffix) or found or suffix.lstrip(".").upper()
            )
            return None
        self.images.append(
            ExtractedImage(
                data=target.blob,
                filename=posixpath.basename(name),
                content_type=WEB_FORMATS[info.format],
                alt=alt,
                width=info.width,
                height=info.height,
            )
        )
        self._by_partname[name] = len(self.images) - 1
        return len(self.images) - 1
