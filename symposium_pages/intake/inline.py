"""A paragraph's content as pieces (formatted text, line breaks, pictures, note
references, text boxes), then as HTML.

The XML is walked directly rather than through python-docx's Run objects,
because the text of a paragraph also hides in hyperlinks, tracked insertions,
content controls, smart tags, fields, equations and text boxes, which
python-docx does not descend. Text typed in a legacy Vietnamese font (TCVN3,
VNI) is converted to Unicode here, run by run.
"""

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import legacy_fonts
from .equations import MATH_TAGS, linear_text
from .notes import Notes
from .ooxml import PICTURE_URI, a, mc, on_off, r, v, val, w, wp
from .pictures import PictureStore
from .styles import StyleInfo, StyleSheet, run_font

ALLOWED_SCHEMES = {"http", "https", "mailto"}
# Fields whose last result is all there is to carry (a date, a page number, a cross-reference).
SIMPLE_FIELDS = {
    "HYPERLINK",
    "PAGE",
    "NUMPAGES",
    "SECTIONPAGES",
    "SECTION",
    "DATE",
    "TIME",
    "CREATEDATE",
    "SAVEDATE",
    "PRINTDATE",
    "REF",
    "PAGEREF",
    "NOTEREF",
    "SEQ",
    "STYLEREF",
    "AUTHOR",
    "TITLE",
    "SUBJECT",
    "FILENAME",
    "SYMBOL",
    "EMBED",
}
# Fields that generate listings the web page makes for itself.
LISTING_FIELDS = {"TOC", "INDEX", "TOA"}
_SKIPPED = {w("del"), w("moveFrom"), w("pPr"), w("rPr")}
_CONTAINERS = {w("smartTag"), w("customXml"), w("dir"), w("bdo"), w("ins"), w("moveTo")}
_WHITESPACE = re.compile(r"[ \t\r\n\f\v\u2028\u2029]+")
_FIELD_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_TEXT = w("t")
_BOX_CONTENT = w("txbxContent")
_NOTE_REFERENCES = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Wrapping that sets a floating box beside the text rather than across the column.
_SIDE_WRAPS = {wp("wrapSquare"), wp("wrapTight"), wp("wrapThrough")}
_VML_SIDE_WRAPS = {"square", "tight", "through"}
# A box narrower than this (9.5 cm, 60% of an A4 text column) is a side box.
SIDE_BOX_MAX_EMU = 3_420_000
_EMU_PER = {"pt": 12_700, "in": 914_400, "cm": 360_000, "mm": 36_000, "px": 9_525}
_VML_LENGTH = re.compile(r"(-?[\d.]+)\s*(pt|in|cm|mm|px)?")


@dataclass(frozen=True)
class Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Text:
    text: str
    format: Format


@dataclass(frozen=True)
class Break:
    pass


@dataclass(frozen=True)
class Picture:
    image: int | None  # index into PictureStore.images, None if not carried
    alt: str


@dataclass(frozen=True)
class NoteRef:
    """A footnote or endnote reference, numbered in reading order."""

    number: int


@dataclass(frozen=True, eq=False)
class TextBox:
    """A text box (DrawingML wps:txbx or VML v:textbox) anchored in the paragraph."""

    content: object  # its w:txbxContent element: paragraphs and tables
    side: bool  # floating beside the text, narrower than the column


class NoteNumbers:
    """Numbers footnote and endnote references 1, 2, 3 ... in the order the reader meets them."""

    def __init__(self):
        self.order: list[tuple[str, str]] = []  # (kind, id) of note 1, 2, ...
        self._numbers: dict[tuple[str, str], int] = {}

    def number(self, kind: str, note_id: str) -> int:
        key = (kind, note_id)
        if key not in self._numbers:
            self.order.append(key)
            self._numbers[key] = len(self.order)
        return self._numbers[key]


@dataclass
class _Field:
    name: str = ""
    code: str = ""
    in_result: bool = False
    href: str | None = None


class InlineReader:
    """Reads paragraphs in document order; field state carries over between them."""

    def __init__(
        self,
        part,
        styles: StyleSheet,
        pictures: PictureStore | None,
        notes: Notes,
        note_numbers: NoteNumbers | None = None,
    ):
        """`part` is the part the paragraphs live in (document, footnotes, endnotes): links
        resolve through its relationships. Without `pictures` (in notes), pictures are only
        counted; without `note_numbers`, note references are left out."""
        self._part = part
        self._styles = styles
        self._pictures = pictures
        self._notes = notes
        self._note_numbers = note_numbers
        self._fields: list[_Field] = []
        self._in_table = False
        self._unmarked: list[int] = []  # pieces from w:t in runs of no legacy font
        self._legacy: list[tuple[int, str, bool, str]] = []  # (piece, encoding, capitals, font)
        self._encodings: dict[str | None, tuple[str | None, bool, str]] = {}  # by font

    def read(self, p, style: StyleInfo, *, in_table: bool = False) -> list:
        """The pieces of paragraph `p`, whose resolved paragraph style is `style`.

        Table cells hold text only: their pictures are counted, not collected.
        """
        pieces = []
        self._in_table = in_table
        self._unmarked = []
        self._legacy = []
        self._walk(p, style, None, pieces)
        self._convert_legacy(pieces)
        self._convert_unmarked(pieces)
        return pieces

    def _convert_legacy(self, pieces) -> None:
        """Text in legacy-font runs, to Unicode; unless the paragraph's text in those fonts is
        already Unicode Vietnamese (someone set Unicode text in .VnTime), left as it is."""
        if not self._legacy:
            return
        if legacy_fonts.looks_unicode("".join(pieces[i].text for i, *_ in self._legacy)):
            return
        for index, encoding, capitals, font in self._legacy:
            piece = pieces[index]
            text = legacy_fonts.to_unicode(piece.text, encoding, capitals=capitals)
            pieces[index] = Text(text, piece.format)
            self._notes.add("legacy_font")
            self._notes.legacy_fonts.add(font)

    def _convert_unmarked(self, pieces) -> None:
        """Legacy Vietnamese typed in a font whose name was lost, recognised by its letters."""
        if len(self._unmarked) == 0:
            return
        encoding = legacy_fonts.guess_encoding("".join(pieces[i].text for i in self._unmarked))
        if encoding is None:
            return
        self._notes.add("legacy_guess")
        for index in self._unmarked:
            piece = pieces[index]
            pieces[index] = Text(legacy_fonts.to_unicode(piece.text, encoding), piece.format)

    def _picture(self, rel_id: str | None, alt: str, out) -> None:
        if self._pictures is None:
            self._notes.add("note_image")
            return
        if self._in_table:
            self._notes.add("table_image")
            return
        out.append(Picture(self._pictures.add(rel_id, alt), alt))

    def _walk(self, el, style, href, out) -> None:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                self._run(child, style, href, out)
            elif tag == w("hyperlink"):
                self._walk(child, style, self._hyperlink(child) or href, out)
            elif tag in _CONTAINERS:
                self._walk(child, style, href, out)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content, style, href, out)
            elif tag == w("fldSimple"):
                name, field_href = _field_name(child.get(w("instr"), ""))
                field = _Field(name=name, in_result=True, href=field_href)
                self._open_field(field)
                self._fields.append(field)
                self._walk(child, style, href, out)
                self._fields.remove(field)
            elif tag == mc("AlternateContent"):
                choice = child.find(mc("Choice"))
                if choice is not None:
                    self._walk(choice, style, href, out)
            elif tag in MATH_TAGS and not self._suppressed():
                self._equation(child, out)

    def _equation(self, math, out) -> None:
        """An equation as its linear text (x^2, (a+b)/2); one with no text is named."""
        text = linear_text(math)
        if text:
            out.append(Text(text, Format()))
        else:
            self._notes.add("equation")

    def _hyperlink(self, link) -> str | None:
        rel_id = link.get(r("id"))
        rel = self._part.rels.get(rel_id) if rel_id else None
        if rel is None or not rel.is_external:
            return None  # an internal anchor (w:anchor): the text stays, the link goes
        return safe_href(rel.target_ref)

    def _run(self, run, style, href, out) -> None:
        fmt = None
        font = None  # (encoding, capitals, name), found at the first text of the run
        for child in run:
            tag = child.tag
            if tag == w("fldChar"):
                self._field_char(child)
                continue
            if tag == w("instrText"):
                if self._fields and not self._fields[-1].in_result:
                    self._fields[-1].code += child.text or ""
                continue
            if tag == mc("AlternateContent"):
                choice = child.find(mc("Choice"))
                if choice is not None:
                    self._run(choice, style, href, out)
                continue
            if self._suppressed():
                continue
            if tag == w("drawing"):
                self._drawing(child, out)
                continue
            if tag == w("pict"):
                self._vml_picture(child, out)
                continue
            if tag in _NOTE_REFERENCES:
                if self._note_numbers is not None and child.get(w("id")) is not None:
                    kind = _NOTE_REFERENCES[tag]
                    out.append(NoteRef(self._note_numbers.number(kind, child.get(w("id")))))
                continue
            text = self._run_text(child)
            if text is None:
                continue
            if isinstance(text, Break):
                out.append(text)
                continue
            if fmt is None:
                fmt = self._format(run, style, self._field_href() or href)
                font = self._legacy_font(run, style)
            if font[0] is not None:
                self._legacy.append((len(out), *font))
            elif tag == _TEXT:
                self._unmarked.append(len(out))
            out.append(Text(text, fmt))

    def _legacy_font(self, run, style: StyleInfo) -> tuple[str | None, bool, str]:
        """The legacy encoding (TCVN3, VNI) of the run's font if it is a legacy font, whether
        it draws capitals only, and the font's name."""
        rpr = run.find(w("rPr"))
        font = run_font(rpr)
        if font is None and rpr is not None:
            font = self._styles.get(val(rpr.find(w("rStyle")))).font
        font = font or style.font or self._styles.default_font
        if font not in self._encodings:
            capitals = legacy_fonts.is_capitals_font(font)
            name = (font or "").strip()
            self._encodings[font] = (legacy_fonts.encoding_of(font), capitals, name)
        return self._encodings[font]

    def _run_text(self, child):
        tag = child.tag
        if tag == w("t"):
            return child.text or ""
        if tag in (w("tab"), w("ptab")):
            return "\t"
        if tag == w("br"):
            return None if child.get(w("type")) in ("page", "column") else Break()
        if tag == w("cr"):
            return Break()
        if tag == w("noBreakHyphen"):
            return "-"
        if tag == w("sym"):
            code = int(child.get(w("char"), "0"), 16) if _is_hex(child.get(w("char"))) else 0
            if code == 0 or 0xF000 <= code <= 0xF0FF:
                self._notes.add("symbol")
                return None
            return chr(code)
        return None

    def _format(self, run, style: StyleInfo, href) -> Format:
        rpr = run.find(w("rPr"))
        direct = {"b": None, "i": None, "u": None}
        char_style = StyleInfo()
        if rpr is not None:
            direct = {tag: on_off(rpr.find(w(tag))) for tag in direct}
            char_style = self._styles.get(val(rpr.find(w("rStyle"))))

        def pick(tag, key):
            for value in (direct[tag], getattr(char_style, key), getattr(style, key)):
                if value is not None:
                    return value
            return self._styles.defaults[tag]

        return Format(pick("b", "bold"), pick("i", "italic"), pick("u", "underline"), href)

    # -- fields ----------------------------------------------------------------

    def _field_char(self, char) -> None:
        kind = char.get(w("fldCharType"))
        if kind == "begin":
            self._fields.append(_Field())
        elif kind == "separate" and self._fields:
            field = self._fields[-1]
            field.name, field.href = _field_name(field.code)
            field.in_result = True
            self._open_field(field)
        elif kind == "end" and self._fields:
            field = self._fields.pop()
            if not field.in_result:
                field.name, field.href = _field_name(field.code)
                self._open_field(field)

    def _open_field(self, field: _Field) -> None:
        if field.name in LISTING_FIELDS:
            self._notes.add("toc")
        elif field.name and field.name not in SIMPLE_FIELDS:
            self._notes.add("field")
            self._notes.fields.add(field.name)

    def _suppressed(self) -> bool:
        """Inside a field's code, or inside a table of contents, nothing is shown."""
        return any(not f.in_result or f.name in LISTING_FIELDS for f in self._fields)

    def _field_href(self) -> str | None:
        for field in reversed(self._fields):
            if field.href:
                return field.href
        return None

    # -- pictures --------------------------------------------------------------

    def _drawing(self, drawing, out) -> None:
        for frame in drawing:
            if frame.tag not in (wp("inline"), wp("anchor")):
                continue
            data = frame.find(f"{a('graphic')}/{a('graphicData')}")
            if data is None:
                continue
            if data.get("uri") != PICTURE_URI:
                # Charts, SmartArt and shapes are counted by the survey; text boxes are read.
                side = frame.tag == wp("anchor") and _side_box(frame)
                for content in _outer_boxes(data):
                    out.append(TextBox(content, side))
                continue
            blip = data.find(f".//{a('blip')}")
            rel_id = None if blip is None else blip.get(r("embed"))
            self._picture(rel_id, _alt(frame.find(wp("docPr"))), out)

    def _vml_picture(self, pict, out) -> None:
        boxes = _outer_boxes(pict)
        if boxes:
            for content in boxes:
                out.append(TextBox(content, _vml_side_box(content)))
            return
        image = pict.find(f".//{v('imagedata')}")
        if image is None:
            return
        shape = image.getparent()
        alt = shape.get("alt") or image.get("{urn:schemas-microsoft-com:office:office}title") or ""
        self._picture(image.get(r("id")), alt.strip(), out)


def _outer_boxes(el) -> list:
    """The w:txbxContent elements in `el` that are not inside another one: a box drawn
    inside a box is read with the outer box's content, once."""
    found = []
    stack = list(reversed(el))
    while stack:
        node = stack.pop()
        if node.tag == _BOX_CONTENT:
            found.append(node)
        elif isinstance(node.tag, str):
            stack.extend(reversed(node))
    return found


def _side_box(anchor) -> bool:
    """A floating DrawingML box that text wraps around, narrower than the column."""
    if not any(child.tag in _SIDE_WRAPS for child in anchor):
        return False
    extent = anchor.find(wp("extent"))
    width = extent.get("cx") if extent is not None else None
    return bool(width and width.isdigit() and int(width) < SIDE_BOX_MAX_EMU)


def _vml_side_box(content) -> bool:
    """The same for a VML shape: absolutely placed, wrapped square or tight, narrow."""
    shape = content.getparent().getparent() if content.getparent() is not None else None
    if shape is None:
        return False
    style = {
        key.strip().lower(): value.strip()
        for key, _, value in (item.partition(":") for item in (shape.get("style") or "").split(";"))
    }
    wrap = next((el for el in shape if el.tag.endswith("}wrap")), None)
    wrap_type = wrap.get("type") if wrap is not None else None
    if style.get("position") != "absolute" or wrap_type not in _VML_SIDE_WRAPS:
        return False
    match = _VML_LENGTH.match(style.get("width", ""))
    if not match:
        return False
    try:
        width = float(match.group(1)) * _EMU_PER[match.group(2) or "px"]
    except ValueError:
        return False
    return width < SIDE_BOX_MAX_EMU


def _alt(doc_pr) -> str:
    if doc_pr is None:
        return ""
    return (doc_pr.get("descr") or doc_pr.get("title") or "").strip()


def _is_hex(value: str | None) -> bool:
    return bool(value) and all(ch in "0123456789abcdefABCDEF" for ch in value)


def _field_name(code: str) -> tuple[str, str | None]:
    """The field's name (upper case) and, for HYPERLINK fields, the safe target."""
    tokens = [
        match.group(1) if match.group(1) is not None else match.group(2)
        for match in _FIELD_TOKEN.finditer(code)
    ]
    if not tokens:
        return "", None
    name = tokens[0].upper()
    if name != "HYPERLINK":
        return name, None
    rest = iter(tokens[1:])
    for token in rest:
        if token.startswith("\\"):
            if token.lower() in ("\\l", "\\o", "\\t", "\\m"):
                next(rest, None)
            continue
        return name, safe_href(token)
    return name, None


def safe_href(address: str) -> str | None:
    """`address` if it is an http(s) or mailto link, else None (javascript:, file:, ...)."""
    address = address.strip()
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return None
    if scheme not in ALLOWED_SCHEMES or any(ord(ch) < 32 for ch in address):
        return None
    return address


# -- pieces to HTML and text ---------------------------------------------------


def has_text(pieces) -> bool:
    return any(isinstance(p, Text) and p.text.strip() for p in pieces)


def plain_text(pieces, line_break: str = "\n") -> str:
    """The text of the pieces; note references as superscript digits (¹, ²)."""
    lines = [[]]
    for piece in pieces:
        if isinstance(piece, Break):
            lines.append([])
        elif isinstance(piece, Text):
            lines[-1].append(piece.text)
        elif isinstance(piece, NoteRef):
            lines[-1].append(str(piece.number).translate(_SUPERSCRIPT_DIGITS))
    cleaned = (_WHITESPACE.sub(" ", "".join(line)).strip() for line in lines)
    return line_break.join(line for line in cleaned if line)


def all_bold(pieces) -> bool:
    texts = [p for p in pieces if isinstance(p, Text) and p.text.strip()]
    return bool(texts) and all(p.format.bold for p in texts)


def to_html(pieces) -> str:
    """Inline HTML with only <a href>, <b>, <i>, <u>, <sup> (note numbers) and <br/>;
    text escaped."""
    items = _normalise(pieces)
    out = []
    i = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, Break):
            out.append("<br/>")
            i += 1
            continue
        if isinstance(item, NoteRef):
            out.append(f"<sup>{item.number}</sup>")
            i += 1
            continue
        href = item.format.href
        group = []
        while i < len(items) and isinstance(items[i], Text) and items[i].format.href == href:
            group.append(_span(items[i], in_link=href is not None))
            i += 1
        inner = "".join(group)
        out.append(f'<a href="{html.escape(href)}">{inner}</a>' if href else inner)
    return "".join(out)


def _span(item: Text, in_link: bool) -> str:
    text = html.escape(item.text, quote=False)
    fmt = item.format
    if fmt.underline and not in_link:
        text = f"<u>{text}</u>"
    if fmt.italic:
        text = f"<i>{text}</i>"
    if fmt.bold:
        text = f"<b>{text}</b>"
    return text


def _normalise(pieces) -> list:
    """Collapse white space, trim the ends and around breaks, merge same-format neighbours."""
    items = []
    for piece in pieces:
        if isinstance(piece, Text):
            text = _WHITESPACE.sub(" ", piece.text)
            if text:
                items.append(Text(text, piece.format))
        elif isinstance(piece, (Break, NoteRef)):
            items.append(piece)
    # Spaces: one between words, none at a line's start or end.
    at_line_start = True
    for index, item in enumerate(items):
        if isinstance(item, Break):
            at_line_start = True
            continue
        if isinstance(item, NoteRef):
            at_line_start = False
            continue
        text = item.text.lstrip(" ") if at_line_start else item.text
        if text.startswith(" ") and index and isinstance(items[index - 1], Text):
            if items[index - 1].text.endswith(" "):
                text = text.lstrip(" ")
        items[index] = Text(text, item.format)
        at_line_start = at_line_start and not text
    items = [item for item in items if not (isinstance(item, Text) and not item.text)]
    items = _strip_line_ends(items)
    # A space between two runs of one format takes that format, so they merge.
    for index in range(1, len(items) - 1):
        item, before, after = items[index], items[index - 1], items[index + 1]
        if (
            isinstance(item, Text)
            and not item.text.strip()
            and isinstance(before, Text)
            and isinstance(after, Text)
            and before.format == after.format
        ):
            items[index] = Text(item.text, before.format)
    merged = []
    for item in items:
        if (
            merged
            and isinstance(item, Text)
            and isinstance(merged[-1], Text)
            and (merged[-1].format == item.format)
        ):
            merged[-1] = Text(merged[-1].text + item.text, item.format)
        else:
            merged.append(item)
    return merged


def _strip_line_ends(items) -> list:
    """Drop trailing spaces before a break or the end, and breaks at the start or the end."""
    out = []
    for item in items:
        if isinstance(item, Break):
            _rstrip_last(out)
            if out:  # breaks at the start go; consecutive ones stay (a blank line)
                out.append(item)
        else:
            out.append(item)
    _rstrip_last(out)
    while out and isinstance(out[-1], Break):
        out.pop()
        _rstrip_last(out)
    return out


def _rstrip_last(out) -> None:
    while out and isinstance(out[-1], Text):
        text = out[-1].text.rstrip(" ")
        if text:
            out[-1] = Text(text, out[-1].format)
            return
        out.pop()
