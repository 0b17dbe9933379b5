"""What the extraction could not carry into the page, counted and said in plain words.

Nothing is dropped silently: every kind of content that does not become a
block is counted here and turned into a translated warning for the editor.
"""

from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .ooxml import (
    CHART_URIS,
    SMARTART_URI,
    a,
    in_fallback,
    v,
    w,
    wps,
)

TRACKED_CHANGE_TAGS = {
    w(tag)
    for tag in (
        "ins",
        "del",
        "moveFrom",
        "moveTo",
        "rPrChange",
        "pPrChange",
        "sectPrChange",
        "tblPrChange",
        "trPrChange",
        "tcPrChange",
        "tblGridChange",
        "numberingChange",
        "cellIns",
        "cellDel",
        "cellMerge",
    )
}


class Notes:
    def __init__(self):
        self.counts: Counter[str] = Counter()
        self.formats: set[str] = set()  # unsupported image formats seen
        self.fields: set[str] = set()  # field codes kept only as their result
        self.legacy_fonts: set[str] = set()  # TCVN3/VNI fonts whose text was converted

    def add(self, kind: str, count: int = 1) -> None:
        if kind and count:
            self.counts[kind] += count

    def messages(self) -> list[str]:
        """The warnings, in a fixed order so they read (and test) the same every time."""
        out = []
        for kind, render in _MESSAGES:
            count = self.counts[kind]
            if count:
                out.append(render(self, count))
        return out


def survey(body, notes: Notes) -> None:
    """Count, in one pass over the body, the content kinds the blocks cannot hold."""
    comments = set()
    for el in body.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in TRACKED_CHANGE_TAGS:
            notes.add("tracked")
        elif tag in (w("commentReference"), w("commentRangeStart")):
            comments.add(el.get(w("id")))
        elif tag == a("graphicData") and not in_fallback(el):
            notes.add(_drawing_kind(el))
        elif tag == w("pict") and not in_fallback(el):
            notes.add(_vml_kind(el))
        elif tag in (w("object"), w("altChunk")) and not in_fallback(el):
            notes.add("equation_object" if _is_equation_object(el) else "ole")
    notes.add("comment", len(comments))
    if notes.counts["tracked"]:
        notes.counts["tracked"] = 1


def _is_equation_object(obj) -> bool:
    """An equation made with the old Equation Editor or MathType: a picture and a binary."""
    for el in obj.iter():
        prog_id = el.get("ProgID") if isinstance(el.tag, str) else None
        if prog_id and prog_id.lower().startswith(("equation.", "mathtype")):
            return True
    return False


def _drawing_kind(graphic_data) -> str:
    uri = graphic_data.get("uri", "")
    if uri.endswith("/picture"):
        return ""  # carried as an image block
    if uri in CHART_URIS:
        return "chart"
    if uri == SMARTART_URI:
        return "smartart"
    if graphic_data.find(f".//{wps('txbx')}") is not None:
        return "textbox"
    return "shape"


def _vml_kind(pict) -> str:
    if pict.find(f".//{v('textbox')}") is not None:
        return "textbox"
    if pict.find(f".//{v('imagedata')}") is not None:
        return ""  # an old-style picture, carried as an image block
    if pict.find(f".//{w('control')}") is not None:
        return "ole"
    return "shape"


def survey_headers_footers(document, notes: Notes) -> None:
    """Text in page headers and footers (other than bare page numbers) is not carried."""
    for section in document.sections:
        for part in (
            section.header,
            section.first_page_header,
            section.even_page_header,
            section.footer,
            section.first_page_footer,
            section.even_page_footer,
        ):
            # A linked header has no definition of its own; reading it would create one.
            if part.is_linked_to_previous:
                continue
            texts = [p.text for p in part.paragraphs]
            texts += [
                cell.text for table in part.tables for row in table.rows for cell in row.cells
            ]
            text = "".join("".join(texts).split())
            if text and not text.isdigit():
                notes.add("header_footer")
                return


def _formats(notes: Notes) -> str:
    return ", ".join(sorted(notes.formats))


_MESSAGES = [
    (
        "legacy_font",
        lambda n, c: (
            _(
                "Text typed in the legacy Vietnamese fonts %(fonts)s (TCVN3 or VNI) was "
                "converted to Unicode. Please check the accents."
            )
            % {"fonts": ", ".join(sorted(n.legacy_fonts))}
        ),
    ),
    (
        "legacy_guess",
        lambda n, c: _(
            "Some text looked like Vietnamese typed in a legacy encoding (TCVN3 or VNI) and was "
            "converted to Unicode. Please check the accents."
        ),
    ),
    (
        "textbox_only",
        lambda n, c: _(
            "All the text of the document is in text boxes; it was read into the page in the "
            "order the boxes stand in the document. Please check the order."
        ),
    ),
    (
        "note_missing",
        lambda n, c: (
            ngettext(
                "%(count)d footnote or endnote could not be found in the file and was left out.",
                "%(count)d footnotes or endnotes could not be found in the file and were left out.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "comment",
        lambda n, c: (
            ngettext(
                "%(count)d comment in the document was left out.",
                "%(count)d comments in the document were left out.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "tracked",
        lambda n, c: _(
            "The document has tracked changes; they were taken as accepted. Please check the text."
        ),
    ),
    (
        "textbox",
        lambda n, c: (
            ngettext(
                "The text of %(count)d text box was placed in the page where the box is "
                "anchored. Please check its place.",
                "The text of %(count)d text boxes was placed in the page where the boxes are "
                "anchored. Please check their place.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "equation",
        lambda n, c: (
            ngettext(
                "%(count)d equation holds no text that could be read and was not carried.",
                "%(count)d equations hold no text that could be read and were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "equation_object",
        lambda n, c: (
            ngettext(
                "%(count)d equation made with Equation Editor or MathType was not carried: "
                "please retype it with Word's equation tool or as text.",
                "%(count)d equations made with Equation Editor or MathType were not carried: "
                "please retype them with Word's equation tool or as text.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "chart",
        lambda n, c: (
            ngettext(
                "%(count)d chart was not carried; add it as a picture if it is needed.",
                "%(count)d charts were not carried; add them as pictures if they are needed.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "smartart",
        lambda n, c: (
            ngettext(
                "%(count)d SmartArt diagram was not carried.",
                "%(count)d SmartArt diagrams were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "shape",
        lambda n, c: (
            ngettext(
                "%(count)d drawing or shape was not carried.",
                "%(count)d drawings or shapes were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "ole",
        lambda n, c: (
            ngettext(
                "%(count)d embedded object (such as an Excel sheet) was not carried.",
                "%(count)d embedded objects (such as Excel sheets) were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "image_format",
        lambda n, c: (
            ngettext(
                "%(count)d image in a format web pages cannot show (%(formats)s) was not carried.",
                "%(count)d images in formats web pages cannot show (%(formats)s) were not carried.",
                c,
            )
            % {"count": c, "formats": _formats(n)}
        ),
    ),
    (
        "missing_image",
        lambda n, c: (
            ngettext(
                "%(count)d image is linked from outside the file or missing from it, and was not "
                "carried.",
                "%(count)d images are linked from outside the file or missing from it, and were not "
                "carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "table_image",
        lambda n, c: (
            ngettext(
                "%(count)d image inside a table was not carried.",
                "%(count)d images inside tables were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    (
        "note_image",
        lambda n, c: (
            ngettext(
                "%(count)d image inside a footnote or endnote was not carried.",
                "%(count)d images inside footnotes or endnotes were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    ("nested_table", lambda n, c: _("Tables inside tables were flattened into text.")),
    ("toc", lambda n, c: _("The table of contents was left out; the page builds its own.")),
    (
        "field",
        lambda n, c: (
            _("Some fields (%(names)s) were kept only as the text they last showed.")
            % {"names": ", ".join(sorted(n.fields))}
        ),
    ),
    (
        "symbol",
        lambda n, c: (
            ngettext(
                "%(count)d symbol from a symbol font (Symbol, Wingdings) was not carried.",
                "%(count)d symbols from symbol fonts (Symbol, Wingdings) were not carried.",
                c,
            )
            % {"count": c}
        ),
    ),
    ("header_footer", lambda n, c: _("The text of page headers or footers was not carried.")),
]
