"""How sure the layout estimate is, and what that means for the page limit.

The estimate (layout.py) lays out text, tables, pictures and notes the way
LibreOffice does. Some things in a document it does not lay out: text boxes,
floating shapes and frames, several columns, tracked changes, fields that
LibreOffice fills itself, scripts and fonts whose metrics it lacks. Where a
document has any of them the count becomes a range, and a page limit that
falls inside the range gets the verdict "uncertain": LibreOffice settles it.
A paper is never passed as within the limit on such an estimate.

No Django here except the lazy labels, so the bench can use it alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"

# Keys stay in check_papers' JSON; the labels finish "… because the document has …".
FEATURES = {
    "textboxes": _("text boxes"),
    "shapes": _("floating shapes or pictures that text flows around"),
    "frames": _("frames"),
    "columns": _("several text columns"),
    "tracked_changes": _("tracked changes"),
    "fields": _("fields that LibreOffice fills in (table of contents, index, included files)"),
    "scripts": _("East Asian or right-to-left text"),
    "fonts": _("fonts that the server lacks or whose measurements the estimate does not know"),
    "full_last_page": _("a last page that is almost full"),
}

# The near-full last page that may spill over: what the layout model's small errors
# (rounding, kerning, one more line) can push to the next page.
FULL_PAGE = 0.9
LAYOUT_FIELDS = re.compile(r"^\s*(TOC|INDEX|INCLUDETEXT|INCLUDEPICTURE|TOA|BIBLIOGRAPHY)\b", re.I)
SCRIPTS = re.compile(
    "[\u0590-\u08ff\u0e00-\u0e7f\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
VML_SHAPES = tuple(V + name for name in ("shape", "rect", "roundrect", "oval", "line", "group"))


@dataclass(frozen=True)
class Confidence:
    """The estimate's range and what widened it (keys of FEATURES)."""

    low: int
    high: int
    unmodelled: tuple[str, ...] = ()

    @property
    def sure(self) -> bool:
        return self.low == self.high


def unmodelled_features(document, unknown_fonts=()) -> list[str]:
    """Keys of FEATURES present in the body of `document` (a python-docx Document)."""
    body = document.element.body
    found = []
    if next(body.iter(W + "txbxContent"), None) is not None:
        found.append("textboxes")
    if _floating(body):
        found.append("shapes")
    if next(body.iter(W + "framePr"), None) is not None:
        found.append("frames")
    if any(_int(c.get(W + "num")) > 1 for c in body.iter(W + "cols")):
        found.append("columns")
    if next(body.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo"), None) is not None:
        found.append("tracked_changes")
    if _layout_fields(body):
        found.append("fields")
    if any(t.text and SCRIPTS.search(t.text) for t in body.iter(W + "t")):
        found.append("scripts")
    if unknown_fonts:
        found.append("fonts")
    return found


def page_range(pages: int, unmodelled, last_fill: float = 0.0, at_least: bool = False):
    """The range a count of `pages` stands for.

    With features the estimate cannot lay out, the real count was seen from 10%
    below to 40% above it on real documents (at least one page either way); with
    none, only a near-full last page may spill onto one more.
    """
    unmodelled = list(unmodelled)
    if unmodelled:
        low = max(1, pages - max(1, math.ceil(pages * 0.1)))
        high = pages + max(1, math.ceil(pages * 0.4))
    else:
        low = high = pages
        if last_fill >= FULL_PAGE:
            high += 1
            unmodelled.append("full_last_page")
    if at_least:
        high = max(high, pages * 2)
    return Confidence(low, high, tuple(unmodelled))


def verdict(low: int, high: int, limit: int) -> str:
    """ "within", "over" or "uncertain" (the limit falls inside the range)."""
    if high <= limit:
        return "within"
    if low > limit:
        return "over"
    return "uncertain"


def labels(keys) -> list[str]:
    return [str(FEATURES[key]) for key in keys if key in FEATURES]


def _int(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 0


def _floating(body) -> bool:
    """A drawing anchored with text wrapped around it, or a positioned VML shape."""
    for anchor in body.iter(WP + "anchor"):
        if anchor.find(WP + "wrapNone") is None and anchor.get("behindDoc") != "1":
            if anchor.find(WP + "wrapTopAndBottom") is None:
                return True
    for shape in body.iter(*VML_SHAPES):
        if "position:absolute" in (shape.get("style") or "").replace(" ", ""):
            return True
    return False


def _layout_fields(body) -> bool:
    for simple in body.iter(W + "fldSimple"):
        if LAYOUT_FIELDS.match(simple.get(W + "instr") or ""):
            return True
    return any(LAYOUT_FIELDS.match(i.text or "") for i in body.iter(W + "instrText"))
