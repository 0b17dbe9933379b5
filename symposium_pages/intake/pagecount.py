"""How many pages a submitted paper takes, and how we know.

Papers are limited to a number of A4 pages, so the count decides whether a
paper is over the limit. LibreOffice gives the true layout when it is installed;
otherwise the layout estimate (see layout.py) stands in. docProps/app.xml is not
trusted: only Word refreshes its <Pages>, python-docx and LibreOffice write 1.
"""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile
from dataclasses import dataclass, field

import docx

from . import confidence, fonts, layout
from .libreoffice import PageCountUnavailable, find_soffice, render_pages

__all__ = [
    "PageCount",
    "PageCountUnavailable",
    "count_pages",
    "estimate_pages",
    "find_soffice",
]

METHODS = ("auto", "estimate", "libreoffice")


@dataclass(frozen=True)
class PageCount:
    pages: int
    method: str  # "libreoffice" or "estimate"
    detail: str  # a short English note for logs
    # The range the count stands for (equal to pages when sure) and why it is wider:
    # keys of confidence.FEATURES. A LibreOffice count is exact.
    low: int | None = field(default=None, compare=False)
    high: int | None = field(default=None, compare=False)
    unmodelled: tuple[str, ...] = field(default=(), compare=False)
    fonts: tuple[str, ...] = field(default=(), compare=False)  # the document's font names
    failure: PageCountUnavailable | None = field(default=None, compare=False)  # then estimated

    def __post_init__(self):
        if self.low is None:
            object.__setattr__(self, "low", self.pages)
        if self.high is None:
            object.__setattr__(self, "high", self.pages)

    def verdict(self, limit: int) -> str:
        """ "within", "over" or "uncertain" against a page limit."""
        return confidence.verdict(self.low, self.high, limit)


def estimate_pages(document) -> PageCount:
    """Pages by layout estimate, from an opened python-docx Document."""
    result = layout.estimate(document)
    sure = confidence.page_range(
        result.pages,
        # a font the server lacks is laid out by LibreOffice in a substitute: not modelled
        confidence.unmodelled_features(
            document, (*result.unknown_fonts, *fonts.missing(result.fonts))
        ),
        result.last_fill,
        result.at_least,
    )
    return PageCount(
        result.pages,
        "estimate",
        result.detail,
        sure.low,
        sure.high,
        sure.unmodelled,
        result.fonts,
    )


def count_pages(
    data: bytes,
    document=None,
    *,
    method: str = "auto",
    soffice: str | None = None,
    timeout: float = 60,
) -> PageCount:
    """Pages of a .docx given as bytes.

    method "estimate" lays the document out in Python; "libreoffice" renders it
    and raises PageCountUnavailable if that cannot be done; "auto" renders when
    soffice is found (the `soffice` argument or PATH) and estimates otherwise,
    or when rendering fails.
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    claimed = app_pages(data)
    if method == "estimate":
        return _with_hint(_estimate(data, document), claimed)
    executable = find_soffice(soffice)
    if executable is None:
        if method == "libreoffice":
            raise PageCountUnavailable(
                f"LibreOffice not found ({soffice or 'soffice on PATH'})", "missing"
            )
        return _with_hint(_estimate(data, document), claimed)
    try:
        pages = render_pages(data, executable, timeout)
    except PageCountUnavailable as exc:
        if method == "libreoffice":
            raise
        counted = _estimate(data, document)
        return dataclasses.replace(
            counted, detail=f"{counted.detail}; LibreOffice failed: {exc}", failure=exc
        )
    return _with_hint(PageCount(pages, "libreoffice", "rendered by LibreOffice"), claimed)


def _estimate(data: bytes, document) -> PageCount:
    if document is None:
        document = docx.Document(io.BytesIO(data))
    return estimate_pages(document)


def _with_hint(count: PageCount, claimed: int | None) -> PageCount:
    """Mention docProps/app.xml only as a hint; it never changes the answer."""
    if claimed is None:
        return count
    if claimed == count.pages:
        note = "docProps/app.xml agrees"
    else:
        note = f"docProps/app.xml says {claimed}, ignored"
    return dataclasses.replace(count, detail=f"{count.detail}; {note}")


def app_pages(data: bytes) -> int | None:
    """The <Pages> a file claims in docProps/app.xml, or None."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            body = zf.read("docProps/app.xml")
    except (KeyError, zipfile.BadZipFile):
        return None
    found = re.search(rb"<(?:\w+:)?Pages>\s*(\d+)\s*<", body)
    return int(found.group(1)) if found else None
