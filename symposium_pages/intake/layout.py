"""Estimate how many pages a .docx takes, the way LibreOffice lays it out.

Works on the WordprocessingML tree python-docx has already parsed, so there is
no second parse and no Django. The model follows LibreOffice Writer, which is
what the "libreoffice" method measures and what metric-compatible fonts make
equal to Word: page geometry per section; styles resolved through docDefaults,
table style, list level, paragraph and character styles; real glyph advances
of the metric-compatible fonts; greedy word wrapping; line heights from the
fonts' vertical metrics; then pagination. All lengths are twips (1/20 pt).

What LibreOffice 7.4 was seen to do, and this module copies:
- a single line is ascent + descent + line gap of the font (hhea), rounded per
  metric (LINE_ROUNDING); "auto" spacing is floor(that * percent); the extra
  space of proportional spacing sits below the text and may pass the bottom
  margin, as space after does;
- the gap between paragraphs is max(space after, next space before); space
  before is dropped at the top of a page reached by a natural break, kept on
  the first page and after an explicit break; contextual spacing drops both;
- lines break at spaces and after dashes; inside "21-KL/TW" a break after the
  hyphen is taken, one after the slash is not (the whole word moves);
- widows and orphans are two lines unless a paragraph turns the control off;
  keep-with-next moves a heading when the next paragraph's first two lines
  (or its first table row) do not fit under it;
- a paragraph holding only a page break keeps its empty line on the current
  page; a leading break with text after it is a break before that text;
- inline pictures replace the font height of their line (top-aligned);
- footnotes take their height plus a 124-twip separator at the page foot;
- a table row grows by one border per row and may split between lines, the
  part on the next page starting again with the cell's space before;
- when a document with footnotes opens with a table, LibreOffice puts an empty
  paragraph before that table.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from . import fonts, legacy_fonts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_TWIP = 635
PAPER_NAMES = {(11906, 16838): "A4", (12240, 15840): "Letter", (11907, 16839): "A4"}


# --- results ---------------------------------------------------------------------


@dataclass
class Estimate:
    """The estimator's answer plus what the page-count detail line reports."""

    pages: int
    paper: str
    font: str
    size: float
    spacing: str
    page_starts: list[str] = field(default_factory=list)
    unknown_fonts: tuple[str, ...] = ()
    fonts: tuple[str, ...] = ()  # every font a run asks for
    at_least: bool = False  # counting stopped early: the document is at least this long
    last_fill: float = 0.0  # how full the last page is (0..1): near 1, one more line spills

    @property
    def detail(self) -> str:
        size = f"{self.size:g}pt"
        text = f"{self.paper}, {self.font} {size}, {self.spacing}"
        if self.unknown_fonts:
            text += f"; {', '.join(self.unknown_fonts)} measured as a stand-in"
        if self.at_least:
            text += f"; counting stopped at {self.pages} pages"
        return text


# --- small XML helpers -----------------------------------------------------------


def _on(el) -> bool:
    """A WordprocessingML toggle: present means on unless w:val says otherwise."""
    return el is not None and el.get(W + "val") not in ("0", "false", "off", "none")


def _num(el, attr: str = "val", default=None):
    """A numeric attribute, or `default` when absent or not a finite number."""
    if el is None:
        return default
    raw = el.get(W + attr)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        return default
    return value if math.isfinite(value) else default


def _int(raw, default: int = 0) -> int:
    try:
        return int(float(raw))
    except (TypeError, ValueError, OverflowError):
        return default


def _child(el, tag: str):
    return None if el is None else el.find(W + tag)


# --- fonts -----------------------------------------------------------------------


FAMILY_KEYS = {
    "times new roman": "serif",
    "liberation serif": "serif",
    "times": "serif",
    "tinos": "serif",
    "arial": "sans",
    "liberation sans": "sans",
    "helvetica": "sans",
    "arimo": "sans",
    "calibri": "carlito",
    "carlito": "carlito",
    "cambria": "caladea",
    "caladea": "caladea",
    "courier new": "mono",
    "courier": "mono",
    "liberation mono": "mono",
    "cousine": "mono",
    "dejavu sans": "dejavu",
}

# (ascent + descent + line gap) / units per em, from each font's hhea table (OS/2
# typo metrics for Caladea, which sets USE_TYPO_METRICS): LibreOffice adds the line
# gap ("external leading") for Word documents.
LINE_RATIO = {
    "serif": 2355 / 2048,
    "sans": 2355 / 2048,
    "carlito": 2500 / 2048,
    "caladea": 1.15,
    "mono": 2320 / 2048,
    "dejavu": 2384 / 2048,  # LibreOffice's stand-in for a font the server lacks
}


# LibreOffice rounds each metric separately, so its single line height is sometimes
# one twip above round(size * ratio). Measured for 7-30 pt in half points: one
# character per size from 7 pt, "+" meaning one twip more.
LINE_ROUNDING = {
    "serif": "00000+++0+0+0+000000++0+0+0+00000+0+0+0+00000++",
    "sans": "0+0+000+0+00++0+00++0+00++000+0+000+0+00000+000",
    "carlito": "00000000000000000+0000+0000+000000000000000000+",
    "caladea": "000+0+0+00000000000+0+0+0+0+0+00000000000000000",
    "mono": "",  # not measured: round(size * ratio)
    "dejavu": "",
}


SYMBOL_FONTS = {"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings", "opensymbol"}


def family_key(name: str | None) -> tuple[str, bool]:
    """Map a font name to a measured face; the flag says the name was recognised.

    A legacy Vietnamese font (.VnTime, VNI-Times) is measured as the Unicode face it
    imitates: its text is converted and shown in that face."""
    name = legacy_fonts.unicode_font_for(name) or name
    low = (name or "").strip().lower()
    if low in FAMILY_KEYS:
        return FAMILY_KEYS[low], True
    if low in SYMBOL_FONTS:  # bullets: one glyph, not worth a note
        return "serif", True
    # a font the server lacks: measured as the face fontconfig gives LibreOffice instead
    stand_in = FAMILY_KEYS.get((fonts.substitute(name) or "").lower())
    if stand_in:
        return stand_in, False
    if any(s in low for s in ("arial", "helvet", "sans", "verdana", "tahoma", "segoe")):
        return "sans", False
    return "serif", False


class _Advances(dict):
    """Glyph advances of one face in font units, filled lazily for accented letters."""

    def __init__(self, table: dict[str, int], upm: int):
        super().__init__(table)
        self.upm = upm
        self.fallback = table.get("n", upm // 2)

    def __missing__(self, char: str) -> int:
        # Vietnamese precomposed letters advance like their base letter; the horn of
        # ơ/ư is the exception and is in the table already.
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize(
            "NFC", decomposed[0] + "".join(m for m in decomposed[1:] if m == "\u031b")
        )
        if base != char and base in self:
            value = self[base]
        elif unicodedata.combining(char):
            value = 0
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            value = self.upm
        else:
            value = self.fallback
        self[char] = value
        return value


_FACES: dict[tuple[str, str], _Advances] = {}


def advances(family: str, bold: bool, italic: bool) -> _Advances:
    style = ("Bold" if bold else "") + ("Italic" if italic else "") or "Regular"
    key = (family, style)
    face = _FACES.get(key)
    if face is None:
        widths = [int(v) for v in _ADVANCES[key].split()]
        face = _Advances(
            dict(zip(CHARSET, widths, strict=True)), 1000 if family == "caladea" else 2048
        )
        _FACES[key] = face
    return face


@dataclass(frozen=True)
class RunFont:
    """What a run's text is measured with."""

    family: str
    bold: bool
    italic: bool
    size: float  # twips
    caps: bool = False
    spacing: float = 0.0  # twips added after each character
    scale: float = 1.0

    @property
    def height(self) -> int:
        """Single line height as LibreOffice computes it for this font and size."""
        height = int(self.size * LINE_RATIO[self.family] + 0.5)
        step = (self.size - 140) / 10
        if step == int(step) and 0 <= step < len(LINE_ROUNDING[self.family]):
            height += LINE_ROUNDING[self.family][int(step)] == "+"
        return height


class Measure:
    """Text widths with a cache per (font, token); one per estimate."""

    def __init__(self):
        self._cache: dict[tuple[RunFont, str], float] = {}

    def width(self, font: RunFont, text: str) -> float:
        key = (font, text)
        value = self._cache.get(key)
        if value is None:
            face = advances(font.family, font.bold, font.italic)
            if font.caps:
                text = text.upper()
            units = sum(face[c] for c in text)
            value = units * font.size / face.upm * font.scale + font.spacing * len(text)
            self._cache[key] = value
        return value


# --- styles ----------------------------------------------------------------------


def _merge_ppr(props: dict, ppr) -> None:
    """Apply one pPr element on top of `props` (later levels win)."""
    if ppr is None:
        return
    for child in ppr:
        tag = child.tag[len(W) :] if isinstance(child.tag, str) else ""
        if tag == "spacing":
            get = child.get
            if get(W + "before") is not None:
                props["before"] = _num(child, "before", 0)
            if get(W + "after") is not None:
                props["after"] = _num(child, "after", 0)
            if get(W + "beforeLines") is not None:
                props["before"] = _num(child, "beforeLines", 0) * 2.4
            if get(W + "afterLines") is not None:
                props["after"] = _num(child, "afterLines", 0) * 2.4
            if get(W + "beforeAutospacing") in ("1", "true", "on"):
                props["before"] = 280
            if get(W + "afterAutospacing") in ("1", "true", "on"):
                props["after"] = 280
            if get(W + "line") is not None:
                props["line"] = _num(child, "line", 240)
                props["rule"] = get(W + "lineRule") or "auto"
        elif tag == "ind":
            for side, names in (("left", ("start", "left")), ("right", ("end", "right"))):
                for name in names:
                    if child.get(W + name) is not None:
                        props[side] = _num(child, name, 0)
                        break
            if child.get(W + "hanging") is not None:
                props["first"] = -_num(child, "hanging", 0)
            elif child.get(W + "firstLine") is not None:
                props["first"] = _num(child, "firstLine", 0)
        elif tag in ("keepNext", "keepLines", "pageBreakBefore", "contextualSpacing"):
            props[tag] = _on(child)
        elif tag == "widowControl":
            props["widowControl"] = _on(child)
        elif tag == "numPr":
            num_id = _num(_child(child, "numId"))
            ilvl = _num(_child(child, "ilvl"))
            if num_id is not None:
                props["numId"] = int(num_id)
            if ilvl is not None:
                props["ilvl"] = int(ilvl)
        elif tag == "pBdr":
            for side in ("top", "bottom"):
                border = _child(child, side)
                if border is not None:
                    props["border_" + side] = _border(border)
        elif tag == "tabs":
            tabs = dict(props.get("tabs", {}))
            for tab in child:
                pos = _num(tab, "pos")
                if pos is None:
                    continue
                if tab.get(W + "val") == "clear":
                    tabs.pop(pos, None)
                else:
                    tabs[pos] = tab.get(W + "val")
            props["tabs"] = tabs
        elif tag == "rPr":
            props["mark"] = child


def _border(el) -> float:
    """Height a paragraph or table border adds: line width plus its spacing."""
    if el is None or el.get(W + "val") in (None, "nil", "none"):
        return 0.0
    return _num(el, "sz", 4) * 2.5 + _num(el, "space", 0) * 20


def _merge_rpr(props: dict, rpr, theme: dict) -> None:
    if rpr is None:
        return
    for child in rpr:
        tag = child.tag[len(W) :] if isinstance(child.tag, str) else ""
        if tag == "rFonts":
            themed = child.get(W + "asciiTheme") or child.get(W + "hAnsiTheme")
            name = child.get(W + "ascii") or child.get(W + "hAnsi")
            if themed:
                props["font"] = theme.get(themed[:5], "Times New Roman")
            elif name:
                props["font"] = name
        elif tag == "sz":
            props["sz"] = _num(child, "val", props.get("sz", 20))
        elif tag in ("b", "i", "caps", "smallCaps", "vanish", "webHidden"):
            props[tag] = _on(child)
        elif tag == "spacing":
            props["spacing"] = _num(child, "val", 0)
        elif tag == "w":
            props["scale"] = _num(child, "val", 100) / 100
        elif tag == "vertAlign":
            props["vert"] = child.get(W + "val")


def _theme_fonts(document) -> dict:
    """minor/major Latin typefaces of the theme (python-docx's template: Cambria and
    Calibri). Without a theme part, theme references fall back to Times New Roman."""
    try:
        part = document.part.part_related_by(RT.THEME)
    except (KeyError, ValueError):
        return {}
    from lxml import etree

    root = etree.fromstring(part.blob)
    fonts = {}
    for kind in ("minor", "major"):
        latin = root.find(f".//{A}{kind}Font/{A}latin")
        if latin is not None and latin.get("typeface"):
            fonts[kind] = latin.get("typeface")
    return fonts


class StyleSheet:
    """Resolved paragraph and run properties, cached per style combination."""

    def __init__(self, document):
        self.theme = _theme_fonts(document)
        self.numbering = Numbering(document)
        root = document.styles.element
        self.styles = {}
        self.default_para = None
        self.default_table = None
        for style in root.iterfind(W + "style"):
            sid = style.get(W + "styleId")
            self.styles[sid] = style
            if _on_attr(style, "default"):
                kind = style.get(W + "type")
                if kind == "paragraph":
                    self.default_para = sid
                elif kind == "table":
                    self.default_table = sid
        defaults = root.find(W + "docDefaults")
        self.base_ppr: dict = {
            "before": 0,
            "after": 0,
            "line": 240,
            "rule": "auto",
            "left": 0,
            "right": 0,
            "first": 0,
            "widowControl": True,
        }
        self.base_rpr: dict = {"sz": 20, "font": self.theme.get("minor", "Times New Roman")}
        if defaults is not None:
            _merge_ppr(self.base_ppr, defaults.find(f"{W}pPrDefault/{W}pPr"))
            _merge_rpr(self.base_rpr, defaults.find(f"{W}rPrDefault/{W}rPr"), self.theme)
        self._chains: dict = {}
        self._para: dict = {}

    def chain(self, style_id: str | None) -> list:
        """The style and its basedOn ancestors, root first."""
        if style_id in self._chains:
            return self._chains[style_id]
        sid, out, seen = style_id, [], set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            style = self.styles[sid]
            out.append(style)
            sid = _attr(_child(style, "basedOn"))
        out.reverse()
        self._chains[style_id] = out
        return out

    def paragraph(self, style_id: str | None, table_style: str | None):
        """(pPr props, rPr props) of a paragraph style inside an optional table style."""
        key = (style_id, table_style)
        hit = self._para.get(key)
        if hit is not None:
            return hit
        ppr, rpr = dict(self.base_ppr), dict(self.base_rpr)
        if table_style:
            for style in self.chain(table_style):
                _merge_ppr(ppr, _child(style, "pPr"))
                _merge_rpr(rpr, _child(style, "rPr"), self.theme)
        sid = style_id if style_id in self.styles else self.default_para
        for style in self.chain(sid):
            self.merge_ppr(ppr, _child(style, "pPr"))
            _merge_rpr(rpr, _child(style, "rPr"), self.theme)
        ppr["style"] = sid
        self._para[key] = (ppr, rpr)
        return ppr, rpr

    def merge_ppr(self, props: dict, ppr) -> None:
        """Merge a style's or a paragraph's pPr; a list level it names comes first,
        so the same pPr's own indents win over the level's (as LibreOffice does)."""
        numpr = _child(ppr, "numPr")
        if numpr is not None:
            num_id = _num(_child(numpr, "numId"))
            ilvl = _num(_child(numpr, "ilvl"))
            num_id = int(num_id) if num_id is not None else props.get("numId")
            ilvl = int(ilvl) if ilvl is not None else props.get("ilvl", 0)
            lvl = self.numbering.level(num_id, ilvl)
            if lvl is not None:
                _merge_ppr(props, _child(lvl, "pPr"))
        _merge_ppr(props, ppr)

    def run_style(self, rpr: dict, style_id: str | None) -> dict:
        if not style_id:
            return rpr
        out = dict(rpr)
        for style in self.chain(style_id):
            _merge_rpr(out, _child(style, "rPr"), self.theme)
        return out

    def table_props(self, style_id: str | None) -> dict:
        """Cell margins and borders a table style sets (root first, later wins)."""
        props = {"mar": {"top": 0, "bottom": 0, "left": 108, "right": 108}, "borders": {}}
        for style in self.chain(style_id or self.default_table):
            _merge_tblpr(props, _child(style, "tblPr"))
        return props


def _attr(el, name: str = "val"):
    return None if el is None else el.get(W + name)


def _on_attr(el, name: str) -> bool:
    return el.get(W + name) in ("1", "true", "on")


def _merge_tblpr(props: dict, tblpr) -> None:
    if tblpr is None:
        return
    mar = _child(tblpr, "tblCellMar")
    if mar is not None:
        props["mar"] = dict(props["mar"])
        for side, names in (
            ("top", ("top",)),
            ("bottom", ("bottom",)),
            ("left", ("start", "left")),
            ("right", ("end", "right")),
        ):
            for name in names:
                el = _child(mar, name)
                if el is not None:
                    props["mar"][side] = _num(el, "w", 0)
                    break
    borders = _child(tblpr, "tblBorders")
    if borders is not None:
        props["borders"] = dict(props["borders"])
        for side in ("top", "bottom", "insideH"):
            el = _child(borders, side)
            if el is not None:
                props["borders"][side] = _border(el) if el.get(W + "val") else 0.0


class Numbering:
    """List levels: indents, label text and the tab after it."""

    def __init__(self, document):
        self.levels: dict = {}
        self.counters: dict = {}
        try:
            part = document.part.part_related_by(RT.NUMBERING)
        except (KeyError, ValueError):
            return
        root = part.element
        abstract = {a.get(W + "abstractNumId"): a for a in root.iterfind(W + "abstractNum")}
        for num in root.iterfind(W + "num"):
            num_id = _int(num.get(W + "numId"))
            ab = abstract.get(_attr(_child(num, "abstractNumId")))
            levels = {}
            if ab is not None:
                for lvl in ab.iterfind(W + "lvl"):
                    levels[_int(lvl.get(W + "ilvl"))] = lvl
            for override in num.iterfind(W + "lvlOverride"):
                lvl = _child(override, "lvl")
                if lvl is not None:
                    levels[_int(override.get(W + "ilvl"))] = lvl
            self.levels[num_id] = levels

    def level(self, num_id: int | None, ilvl: int | None):
        if not num_id:
            return None
        return self.levels.get(num_id, {}).get(ilvl or 0)

    def label(self, num_id: int, ilvl: int, lvl) -> str:
        """The label text a list paragraph shows (numbers counted in document order)."""
        fmt = _attr(_child(lvl, "numFmt")) or "decimal"
        text = _attr(_child(lvl, "lvlText")) or ""
        if fmt == "bullet" or fmt == "none":
            return text if fmt == "bullet" else ""
        key = (num_id, ilvl)
        start = int(_num(_child(lvl, "start"), "val", 1))
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        return re.sub(
            r"%\d", lambda m: str(self.counters.get((num_id, int(m.group(0)[1]) - 1), 1)), text
        )


# --- blocks ----------------------------------------------------------------------


@dataclass
class Para:
    """A measured paragraph: line heights and what pagination needs to know."""

    lines: list[float]
    before: float
    after: float
    style: str | None = None
    contextual: bool = False
    keep_next: bool = False
    keep_lines: bool = False
    widows: bool = True
    break_before: bool = False
    break_after: bool = False
    label: str = ""
    overhang: float = 0.0  # proportional spacing below a line may pass the margin
    notes: dict[int, float] = field(default_factory=dict)  # line -> footnote height


@dataclass
class Row:
    slices: list[float]  # heights the row can be split between
    can_split: bool = True
    header: bool = False
    resume: float = 0.0  # space before the cell text, repeated where a split row goes on

    @property
    def height(self) -> float:
        return sum(self.slices)


@dataclass
class Table:
    rows: list[Row]
    top_border: float = 0.0
    label: str = "table"
    keep_next: bool = False


@dataclass
class SectionBreak:
    kind: str  # nextPage, continuous, evenPage, oddPage
    geometry: Geometry


@dataclass(frozen=True)
class Geometry:
    """The body area of one section's pages."""

    width: float
    height: float
    page: tuple[int, int]
    columns: int = 1

    @classmethod
    def from_sectpr(cls, sectpr, header_heights=(0.0, 0.0)) -> Geometry:
        size = _child(sectpr, "pgSz")
        mar = _child(sectpr, "pgMar")
        page_w = _num(size, "w", 12240)
        page_h = _num(size, "h", 15840)
        top = abs(_num(mar, "top", 1440))
        bottom = abs(_num(mar, "bottom", 1440))
        left = _num(mar, "left", 1800)
        right = _num(mar, "right", 1800)
        gutter = _num(mar, "gutter", 0)
        head_h, foot_h = header_heights
        if head_h:
            top = max(top, _num(mar, "header", 720) + head_h)
        if foot_h:
            bottom = max(bottom, _num(mar, "footer", 720) + foot_h)
        cols = _child(sectpr, "cols")
        count = min(max(1, int(_num(cols, "num", 1))), 16)
        width = page_w - left - right - gutter
        if count > 1:
            width = (width - _num(cols, "space", 720) * (count - 1)) / count
        return cls(width, page_h - top - bottom, (int(page_w), int(page_h)), count)

    @property
    def paper(self) -> str:
        w, h = self.page
        name = PAPER_NAMES.get((min(w, h), max(w, h)))
        if name is None:
            name = f"{w / 56.693:.0f}×{h / 56.693:.0f} mm"
        return f"{name} {'landscape' if w > h else 'portrait'}"


# --- paragraph measuring ---------------------------------------------------------

SPACE_RE = re.compile(r"( +)")
# Break opportunities inside a word, as ICU finds them for Vietnamese text: after a
# dash, after a hyphen unless a digit follows, after a zero-width space, and after a
# slash before a letter.
BREAK_RE = re.compile(r"[–—\u200b]|-(?=[^\d\s-])|/(?=[^\W\d_])")
# LibreOffice's widths differ from ours by rounding; near the edge it keeps about one
# twip more on a line than an exact sum allows (fitted on 3,500 measured lines).
FIT_TOLERANCE = 1.0
MAX_WORD_LINES = 1000  # guards against absurd sizes in hostile files
MIN_LINE = 283  # 5 mm
MAX_PAGES = 500  # counting stops here: no paper is near it
# Deleted and moved-away text is kept: LibreOffice shows tracked changes, struck through.
CONTAINERS = {
    "hyperlink",
    "ins",
    "del",
    "moveTo",
    "moveFrom",
    "smartTag",
    "customXml",
    "fldSimple",
    "sdtContent",
    "dir",
    "bdo",
}


def _runs(el):
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        tag = tag[len(W) :]
        if tag == "r":
            yield child
        elif tag in CONTAINERS:
            yield from _runs(child)
        elif tag == "sdt":
            content = _child(child, "sdtContent")
            if content is not None:
                yield from _runs(content)


@dataclass
class Wrapped:
    """A paragraph (or the part before a page break) cut into lines."""

    heights: list[float]
    pictures: dict[int, float]
    notes: dict[int, float]


class LineBreaker:
    """Greedy word wrapping with LibreOffice's rules: spaces hang, words never split
    unless alone on a line."""

    def __init__(self, first_avail: float, avail: float, first_start: float, start: float, tabs):
        # indents wider than the text area still leave LibreOffice a sliver to write in
        first_avail, avail = max(first_avail, MIN_LINE), max(avail, MIN_LINE)
        self.avails = (first_avail, avail)
        self.starts = (first_start, start)
        self.tabs = tabs
        self.lines: list[float] = []  # natural heights (before spacing rules)
        self.avail = first_avail
        self.start = first_start
        self.cur_w = 0.0
        self.cur_h = 0.0
        self.has_content = False
        self.space_w = 0.0
        self.space_h = 0.0
        # the word being collected: segments [width, height, break kind after it]
        self.word: list[list] = []
        self.cur_img = 0.0
        self.images: dict[int, float] = {}  # line index -> tallest picture on it
        self.notes: dict[int, float] = {}  # line index -> footnotes referenced there
        self.pending_notes = 0.0

    def chunk(self, width: float, height: float, kind: str | None = None) -> None:
        """Add text with no break inside; `kind` names a break opportunity after it:
        "dash" (after a hyphen or dash) or "slash"."""
        if self.word and self.word[-1][2] is None:
            segment = self.word[-1]
            segment[0] += width
            segment[1] = max(segment[1], height)
            segment[2] = kind
        else:
            self.word.append([width, height, kind])

    def space(self, width: float, height: float) -> None:
        self.flush()
        if not self.has_content and not self.lines:
            # leading spaces of the paragraph take room
            self.cur_w += width
            self.cur_h = max(self.cur_h, height)
            return
        self.space_w += width
        self.space_h = max(self.space_h, height)

    def flush(self) -> None:
        word, self.word = self.word, []
        while word:
            word = self._place(word)

    def _place(self, word: list[list]) -> list[list]:
        """Put as much of a word as LibreOffice would on this line; return the rest."""
        total = sum(seg[0] for seg in word)
        height = max(seg[1] for seg in word)
        room = self.avail - self.cur_w - (self.space_w if self.has_content else 0.0)
        if total <= room + FIT_TOLERANCE:
            if self.has_content:
                self.cur_w += self.space_w
                self.cur_h = max(self.cur_h, self.space_h)
            self._add(total, height)
            return []
        # ICU's last break opportunity before the overflow: after a dash LibreOffice
        # breaks there; after a slash ("KL/TW") it moves the whole word instead.
        best, prefix = None, 0.0
        for i, (width, _h, kind) in enumerate(word[:-1]):
            prefix += width
            if kind and prefix <= room + FIT_TOLERANCE:
                best = (i, kind)
        if best is not None and (best[1] == "dash" or not self.has_content):
            cut = best[0] + 1
            if self.has_content:
                self.cur_w += self.space_w
                self.cur_h = max(self.cur_h, self.space_h)
            head = word[:cut]
            self._add(sum(seg[0] for seg in head), max(seg[1] for seg in head))
            self._end_line()
            return word[cut:]
        if self.has_content:
            self._end_line()
            return word
        # a word longer than a whole line is broken between characters
        if self.avail > 0 and total > self.avail - self.cur_w + 0.01:
            total -= max(self.avail - self.cur_w, 1.0)
            self.cur_h = max(self.cur_h, height)
            self._end_line()
            full = min(int(total // max(self.avail, 1.0)), MAX_WORD_LINES)
            for _ in range(full):
                self.cur_h = height
                self._end_line()
            total = max(0.0, total - full * max(self.avail, 1.0))
        self._add(total, height)
        return []

    def note(self, height: float) -> None:
        """A footnote reference: its note must fit on the page of the current word."""
        self.pending_notes += height

    def _add(self, width: float, height: float) -> None:
        if self.pending_notes:
            line = len(self.lines)
            self.notes[line] = self.notes.get(line, 0.0) + self.pending_notes
            self.pending_notes = 0.0
        self.cur_w += width
        self.cur_h = max(self.cur_h, height)
        self.space_w = self.space_h = 0.0
        self.has_content = True

    def tab(self, height: float, default_stop: float) -> None:
        self.flush()
        x = self.start + self.cur_w + self.space_w
        stop = next((pos for pos in self.tabs if pos > x + 1), None)
        if stop is None:
            stop = (math.floor(x / default_stop) + 1) * default_stop
        if stop - self.start > self.avail and self.has_content:
            self._end_line()
            stop = self.start
        self.cur_w = stop - self.start
        self.space_w = self.space_h = 0.0
        self.cur_h = max(self.cur_h, height)
        self.has_content = True

    def image(self, width: float, height: float, font_height: float) -> None:
        """An inline picture: a word of its own, top-aligned on the line."""
        self.flush()
        self.chunk(width, font_height)
        self.flush()
        self.cur_img = max(self.cur_img, height)

    def line_break(self, height: float) -> None:
        self.flush()
        self.cur_h = max(self.cur_h, height) if not self.has_content else self.cur_h
        self.has_content = True
        self._end_line()

    def _end_line(self) -> None:
        if self.cur_img:
            self.images[len(self.lines)] = self.cur_img
            self.cur_img = 0.0
        self.lines.append(self.cur_h)
        self.avail = self.avails[1]
        self.start = self.starts[1]
        self.cur_w = self.cur_h = 0.0
        self.space_w = self.space_h = 0.0
        self.has_content = False

    @property
    def empty(self) -> bool:
        return not (self.lines or self.has_content or self.word)

    def page_break(self, height: float) -> Wrapped:
        """Lines so far; wrapping goes on for the text after the break."""
        wrapped = self.finish(height)
        self.lines, self.images, self.notes = [], {}, {}
        return wrapped

    def finish(self, mark_height: float) -> Wrapped:
        """Font heights of all lines, pictures and footnotes by line; an empty
        paragraph, or a line break at its end, leaves a line as tall as the mark."""
        self.flush()
        if not self.has_content or not self.cur_h:
            self.cur_h = mark_height
        if self.pending_notes:
            self._add(0.0, 0.0)
        self._end_line()
        return Wrapped(self.lines, self.images, self.notes)


class Flow:
    """Walks the document body and turns it into measured blocks."""

    def __init__(self, document):
        self.document = document
        self.sheet = StyleSheet(document)
        self.measure = Measure()
        settings = document.settings.element
        self.default_tab = _num(_child(settings, "defaultTabStop"), "val", 720) or 720
        self.stats: Counter = Counter()
        self.spacing_stats: Counter = Counter()
        self.unknown_fonts: set[str] = set()
        self.used_fonts: set[str] = set()
        self._fonts: dict = {}
        self.counting = True  # body text feeds the detail line; notes and headers do not
        self.truncated = False  # the body was too long to measure to its end
        self._notes: dict | None = None

    def note_height(self, note_id: str | None, width: float) -> float:
        """Height of one footnote's text, measured at the body width."""
        if self._notes is None:
            self._notes = {}
            try:
                part = self.document.part.part_related_by(RT.FOOTNOTES)
            except (KeyError, ValueError):
                part = None
            if part is not None:
                root = part.element if hasattr(part, "element") else _parse(part.blob)
                for note in root.iterfind(W + "footnote"):
                    self._notes[note.get(W + "id")] = note
        note = self._notes.get(note_id)
        if note is None or isinstance(note, float):
            return note or 0.0
        self.counting, counting = False, self.counting
        try:
            paras = [q for p in note.iter(W + "p") for q in self.paragraph(p, width)]
        finally:
            self.counting = counting
        self._notes[note_id] = height = sum(_stack(paras))
        return height

    # fonts and spacing ---------------------------------------------------------

    def font(self, rpr: dict) -> RunFont:
        key = tuple(sorted((k, v) for k, v in rpr.items() if k != "mark"))
        hit = self._fonts.get(key)
        if hit is None:
            family, known = family_key(rpr.get("font"))
            if rpr.get("font"):
                self.used_fonts.add(rpr["font"])
            if not known:
                self.unknown_fonts.add(rpr.get("font") or "?")
            size = rpr.get("sz", 20) * 10
            if rpr.get("vert") in ("superscript", "subscript"):
                size *= 0.58
            hit = RunFont(
                family,
                bool(rpr.get("b")),
                bool(rpr.get("i")),
                size,
                bool(rpr.get("caps") or rpr.get("smallCaps")),
                rpr.get("spacing", 0.0),
                rpr.get("scale", 1.0),
            )
            self._fonts[key] = hit
        return hit

    @staticmethod
    def line_height(natural: float, props: dict) -> float:
        rule, value = props.get("rule", "auto"), props.get("line", 240)
        if rule == "exact":
            return value
        if rule == "atLeast":
            return max(natural, value)
        percent = int(value * 100 // 240)
        if percent == 100:
            return natural
        return math.floor(natural * percent / 100)

    # paragraphs ----------------------------------------------------------------

    def paragraph(self, p, width: float, table_style: str | None = None) -> list[Para]:
        ppr = _child(p, "pPr")
        style_id = _attr(_child(ppr, "pStyle"))
        base_ppr, base_rpr = self.sheet.paragraph(style_id, table_style)
        props = dict(base_ppr)
        self.sheet.merge_ppr(props, ppr)
        num_id, ilvl = props.get("numId"), props.get("ilvl", 0)
        lvl = self.sheet.numbering.level(num_id, ilvl)
        mark_rpr = dict(base_rpr)
        _merge_rpr(mark_rpr, props.get("mark"), self.sheet.theme)
        mark_font = self.font(mark_rpr)

        left, right, first = props["left"], props["right"], props["first"]
        start = left + first
        tabs = sorted(pos for pos, kind in props.get("tabs", {}).items() if kind != "clear")
        if lvl is not None:
            label = self.sheet.numbering.label(num_id, ilvl, lvl)
            if label:
                lvl_rpr = dict(base_rpr)
                _merge_rpr(lvl_rpr, _child(lvl, "rPr"), self.sheet.theme)
                label_end = start + self.measure.width(self.font(lvl_rpr), label)
                suffix = _attr(_child(lvl, "suff")) or "tab"
                if suffix == "tab":
                    if first < 0 and left > label_end:
                        start = left
                    else:
                        stop = next((t for t in tabs if t > label_end), None)
                        start = (
                            stop
                            or (math.floor(label_end / self.default_tab) + 1) * self.default_tab
                        )
                elif suffix == "space":
                    start = label_end + self.measure.width(mark_font, " ")
                else:
                    start = label_end
        breaker = LineBreaker(width - right - start, width - right - left, start, left, tabs)

        pieces: list[tuple[Wrapped, bool]] = []  # (lines, a page break follows)
        text_len = self._fill(p, base_rpr, breaker, pieces, width)
        if not pieces or not breaker.empty:
            pieces.append((breaker.finish(mark_font.height), False))

        if text_len and self.counting:
            self.stats[(mark_rpr.get("font") or "?", mark_rpr.get("sz", 20) / 2)] += text_len
            self.spacing_stats[(props.get("rule", "auto"), props.get("line", 240))] += text_len

        out = []
        for i, (wrapped, page_after) in enumerate(pieces):
            natural, pictures = wrapped.heights, wrapped.pictures
            heights = [self.line_height(h, props) for h in natural]
            overhang = 0.0
            if props.get("rule", "auto") == "auto" and heights:
                overhang = max(0.0, heights[-1] - natural[-1])
            for line, picture in pictures.items():
                # pictures replace the font height; proportional extra space stays
                if props.get("rule", "auto") == "auto":
                    heights[line] += max(0.0, picture - natural[line])
                elif props.get("rule") == "atLeast":
                    heights[line] = max(heights[line], picture)
            out.append(
                Para(
                    heights,
                    props["before"] if i == 0 else 0,
                    props["after"],
                    props.get("style"),
                    bool(props.get("contextualSpacing")),
                    bool(props.get("keepNext")),
                    bool(props.get("keepLines")),
                    props.get("widowControl", True),
                    bool(props.get("pageBreakBefore")) if i == 0 else True,
                    page_after,
                    label=_text(p)[:40],
                    overhang=overhang,
                    notes=wrapped.notes,
                )
            )
        # a page break that opens a paragraph with text after it is a break before it
        if len(out) > 1 and len(out[0].lines) == 1 and _leading_break(p):
            first_part = out.pop(0)
            out[0].before = first_part.before
            out[0].break_before = True
        border_top, border_bottom = props.get("border_top", 0), props.get("border_bottom", 0)
        out[0].before += border_top
        out[-1].after += border_bottom
        return out

    def _fill(self, p, base_rpr, breaker, pieces, width) -> int:
        """Feed a paragraph's runs to the line breaker; returns the text length.

        Field instructions are skipped and their results measured; page breaks
        close a piece of the paragraph in `pieces`."""
        text_len = 0
        hidden_result = []  # per open field: True while in its instruction part
        for run in _runs(p):
            rpr_el = _child(run, "rPr")
            rpr = self.sheet.run_style(base_rpr, _attr(_child(rpr_el, "rStyle")))
            if rpr_el is not None:
                rpr = dict(rpr)
                _merge_rpr(rpr, rpr_el, self.sheet.theme)
            hidden = bool(rpr.get("vanish") or rpr.get("webHidden"))
            legacy = _legacy(rpr.get("font"))
            font = self.font(rpr)
            height = font.height
            for item in run:
                tag = item.tag[len(W) :] if isinstance(item.tag, str) else ""
                if tag == "fldChar":
                    kind = item.get(W + "fldCharType")
                    if kind == "begin":
                        hidden_result.append(True)
                    elif kind == "separate" and hidden_result:
                        hidden_result[-1] = False
                    elif kind == "end" and hidden_result:
                        hidden_result.pop()
                    continue
                if hidden or (hidden_result and hidden_result[-1]):
                    continue
                if tag in ("t", "delText"):
                    text = item.text or ""
                    if legacy:
                        text = legacy_fonts.to_unicode(text, legacy[0], capitals=legacy[1])
                    text_len += len(text)
                    self._text(breaker, font, height, text)
                elif tag in ("tab", "ptab"):
                    breaker.tab(height, self.default_tab)
                elif tag == "br":
                    kind = item.get(W + "type")
                    if kind in ("page", "column"):
                        pieces.append((breaker.page_break(height), True))
                    else:
                        breaker.line_break(height)
                elif tag == "cr":
                    breaker.line_break(height)
                elif tag == "noBreakHyphen":
                    breaker.chunk(self.measure.width(font, "-"), height)
                elif tag == "sym":
                    breaker.chunk(font.size * 0.6, height)
                elif tag in ("footnoteReference", "endnoteReference", "footnoteRef"):
                    breaker.chunk(self.measure.width(font, "9"), height)
                    if tag == "footnoteReference":
                        breaker.note(self.note_height(item.get(W + "id"), width))
                elif tag in ("drawing", "pict", "object"):
                    extent = _extent(item)
                    if extent is not None:
                        w_img, h_img = extent
                        breaker.image(min(w_img, breaker.avails[1]), h_img, height)
        return text_len

    def _text(self, breaker: LineBreaker, font: RunFont, height: float, text: str) -> None:
        width = self.measure.width
        for i, part in enumerate(SPACE_RE.split(text.replace("\t", " "))):
            if not part:
                continue
            if i % 2:
                breaker.space(width(font, part), height)
                continue
            pos = 0
            for match in BREAK_RE.finditer(part):
                end = match.end()
                kind = "slash" if match.group() == "/" else "dash"
                breaker.chunk(width(font, part[pos:end]), height, kind)
                pos = end
            if pos < len(part):
                breaker.chunk(width(font, part[pos:]), height)


@functools.cache
def _legacy(font: str | None) -> tuple[str, bool] | None:
    """(encoding, capitals) of a legacy Vietnamese font, to measure its text converted."""
    encoding = legacy_fonts.encoding_of(font)
    return (encoding, legacy_fonts.is_capitals_font(font)) if encoding else None


def _parse(blob: bytes):
    from lxml import etree

    return etree.fromstring(blob)


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(W + "t"))


def _leading_break(p) -> bool:
    """True when a page break comes before any text of the paragraph."""
    for el in p.iter(W + "t", W + "br"):
        if el.tag == W + "t" and el.text:
            return False
        if el.tag == W + "br" and el.get(W + "type") in ("page", "column"):
            return True
    return False


def _extent(item):
    """(width, height) in twips of an inline picture, or a floating one that pushes text."""
    inline = item.find(f".//{WP}inline")
    anchor = None if inline is not None else item.find(f".//{WP}anchor")
    holder = inline if inline is not None else anchor
    if holder is None:
        return None
    if anchor is not None and (
        anchor.find(WP + "wrapNone") is not None or anchor.get("behindDoc") == "1"
    ):
        return None
    extent = holder.find(WP + "extent")
    if extent is None:
        return None
    cx = max(0, _int(extent.get("cx"))) / EMU_PER_TWIP
    cy = max(0, _int(extent.get("cy"))) / EMU_PER_TWIP
    return cx, cy


# --- tables, sections and the body -------------------------------------------------


def _stack(paras: list[Para]) -> list[float]:
    """Slices of a run of paragraphs inside a cell, spacing folded into the lines."""
    slices: list[float] = []
    prev_after = None
    for para in paras:
        gap = para.before if prev_after is None else max(prev_after, para.before)
        for i, h in enumerate(para.lines):
            slices.append(h + (gap if i == 0 else 0))
        prev_after = para.after
    if slices and prev_after:
        slices[-1] += prev_after
    return slices


class BodyWalker(Flow):
    """Flow plus tables and sections: yields the blocks pagination consumes."""

    def blocks(self) -> tuple[list, Geometry]:
        body = self.document.element.body
        # a malformed file may hold several bodies: LibreOffice shows each from a new page
        bodies = list(self.document.element.iterfind(W + "body")) or [body]
        sections = [
            s
            for b in bodies
            for s in b.iter(W + "sectPr")
            if s.getparent().tag in (W + "pPr", W + "body")
        ]
        if not sections:
            sections = [None]
        geometries = [self.geometry(s) for s in sections]
        index = 0
        out: list = []
        # measuring stops after what would fill MAX_PAGES pages of at least 10 inches
        budget = MAX_PAGES * max(min(g.height for g in geometries), 14400)
        for el in _bodies_children(bodies):
            geometry = geometries[min(index, len(geometries) - 1)]
            if el is None:
                out.append(SectionBreak("nextPage", geometry))
                continue
            tag = el.tag[len(W) :]
            if budget <= 0:
                self.truncated = True
                break
            if tag == "p":
                paras = self.paragraph(el, geometry.width)
                budget -= sum(sum(p.lines) for p in paras)
                out.extend(paras)
                ppr = _child(el, "pPr")
                if _child(ppr, "sectPr") is not None and index + 1 < len(sections):
                    index += 1
                    kind = _attr(_child(sections[index], "type")) or "nextPage"
                    out.append(SectionBreak(kind, geometries[index]))
            elif tag == "tbl":
                out.append(self.table(el, geometry.width))
                budget -= sum(row.height for row in out[-1].rows)
        if (
            out
            and isinstance(out[0], Table)
            and next(body.iter(W + "footnoteReference"), None) is not None
        ):
            # LibreOffice opens such a document with an empty paragraph before the table
            out.insert(0, self.paragraph(body.makeelement(W + "p", {}), geometries[0].width)[0])
        endnotes = self.endnotes(bodies, geometries[-1].width)
        if endnotes:  # LibreOffice collects them on pages of their own after the text
            out.append(SectionBreak("nextPage", geometries[-1]))
            out.extend(endnotes)
        _apply_contextual(out)
        return out, geometries[0]

    def endnotes(self, bodies, width: float) -> list[Para]:
        """The paragraphs of the endnotes the text refers to, in the order referred."""
        ids = [r.get(W + "id") for b in bodies for r in b.iter(W + "endnoteReference")]
        if not ids:
            return []
        try:
            part = self.document.part.part_related_by(RT.ENDNOTES)
        except (KeyError, ValueError):
            return []
        root = part.element if hasattr(part, "element") else _parse(part.blob)
        notes = {note.get(W + "id"): note for note in root.iterfind(W + "endnote")}
        self.counting, counting = False, self.counting
        try:
            return [
                q
                for note_id in dict.fromkeys(ids)
                if note_id in notes
                for p in notes[note_id].iter(W + "p")
                for q in self.paragraph(p, width)
            ]
        finally:
            self.counting = counting

    def geometry(self, sectpr) -> Geometry:
        if sectpr is None:
            return Geometry(12240 - 3600, 15840 - 2880, (12240, 15840))
        return Geometry.from_sectpr(sectpr, self._header_heights(sectpr))

    def _header_heights(self, sectpr) -> tuple[float, float]:
        """Heights of the default header and footer; taller ones push the body."""
        mar = _child(sectpr, "pgMar")
        size = _child(sectpr, "pgSz")
        width = _num(size, "w", 12240) - _num(mar, "left", 1800) - _num(mar, "right", 1800)
        heights = []
        for kind in ("headerReference", "footerReference"):
            ref = next(
                (r for r in sectpr.iterfind(W + kind) if r.get(W + "type") == "default"), None
            )
            rid = (
                None
                if ref is None
                else ref.get(
                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
                )
            )
            part = self.document.part.related_parts.get(rid) if rid else None
            if part is None:
                heights.append(0.0)
                continue
            self.counting = False
            try:
                heights.append(self._flow_height(part.element, width))
            finally:
                self.counting = True
        return heights[0], heights[1]

    def _flow_height(self, root, width: float) -> float:
        """Height of a header's or footer's own paragraphs and tables; text boxes and
        shapes anchored in them float and take no room."""
        slices: list[float] = []
        paras: list[Para] = []
        for el in _body_children(root):
            if el.tag == W + "p":
                paras.extend(self.paragraph(el, width))
                continue
            slices.extend(_stack(paras))
            paras = []
            slices.extend(row.height for row in self.table(el, width).rows)
        return sum(slices) + sum(_stack(paras))

    def table(self, tbl, width: float) -> Table:
        tblpr = _child(tbl, "tblPr")
        style_id = _attr(_child(tblpr, "tblStyle"))
        props = self.sheet.table_props(style_id)
        _merge_tblpr(props, tblpr)
        style_id = style_id or self.sheet.default_table
        grid = [_num(col, "w", 0) for col in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        borders = props["borders"]
        inside = borders.get("insideH", 0.0)
        rows_el = list(tbl.iterfind(W + "tr"))
        rows: list[Row] = []
        merges: dict[int, tuple[int, list]] = {}  # grid column -> (first row, content)
        for r, tr in enumerate(rows_el):
            trpr = _child(tr, "trPr")
            col = max(0, int(_num(_child(trpr, "gridBefore"), "val", 0) or 0))
            best: list[float] = []
            resume = 0.0
            continued: set[int] = set()
            for tc in tr.iterfind(W + "tc"):
                tcpr = _child(tc, "tcPr")
                span = min(max(1, int(_num(_child(tcpr, "gridSpan"), "val", 1) or 1)), 64)
                cell_w = sum(grid[col : col + span]) if col + span <= len(grid) else 0
                if not cell_w:
                    cell_w = _num(_child(tcpr, "tcW"), "w", 0) or width / max(1, len(grid) or 1)
                start, col = col, col + span
                mar = dict(props["mar"])
                _merge_cell_mar(mar, _child(tcpr, "tcMar"))
                vmerge = _child(tcpr, "vMerge")
                if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                    continued.add(start)
                    continue
                slices, before = self.cell(tc, cell_w - mar["left"] - mar["right"], style_id)
                slices[0] += mar["top"]
                slices[-1] += mar["bottom"]
                if vmerge is not None:  # restart: the content spreads over the merged rows
                    merges[start] = (r, slices)
                    continue
                if sum(slices) > sum(best):
                    best, resume = slices, before
            if not best:
                best = [0.0]
            height = _child(trpr, "trHeight")
            if height is not None:
                value = _num(height, "val", 0)
                rule = height.get(W + "hRule") or "atLeast"
                if rule == "exact":
                    best = [value]
                elif sum(best) < value:
                    best[-1] += value - sum(best)
            best[-1] += borders.get("bottom", 0.0) if r == len(rows_el) - 1 else inside
            rows.append(
                Row(
                    best,
                    not _on(_child(trpr, "cantSplit")),
                    _on(_child(trpr, "tblHeader")),
                    resume,
                )
            )
            for start in [
                c for c, (first, _h) in merges.items() if first < r and c not in continued
            ]:
                _close_merge(rows[:-1], *merges.pop(start))
        for first, content in merges.values():
            _close_merge(rows, first, content)
        first = next((p for p in tbl.iter(W + "p")), None)
        return Table(
            rows,
            borders.get("top", 0.0),
            "table: " + (_text(first)[:30] if first is not None else ""),
        )

    def cell(self, tc, width: float, table_style: str | None) -> tuple[list[float], float]:
        """Slices of a cell's content and the space before its first paragraph."""
        paras: list[Para] = []
        slices: list[float] = []
        first_before = None
        for el in _body_children(tc):
            tag = el.tag[len(W) :]
            if tag == "p":
                paras.extend(self.paragraph(el, width, table_style))
                if first_before is None:
                    first_before = paras[0].before
            elif tag == "tbl":
                slices.extend(_stack(paras))
                paras = []
                slices.extend(row.height for row in self.table(el, width).rows)
        slices.extend(_stack(paras))
        return slices or [0.0], first_before or 0.0


def _close_merge(rows: list[Row], first: int, content: list[float]) -> None:
    """Rows a vertically merged cell spans grow, at the last, to hold its content;
    the lines added stay places where the row may split."""
    spanned = rows[first:]
    missing = sum(content) - sum(row.height for row in spanned)
    if not spanned or missing <= 0:
        return
    tail: list[float] = []
    for height in reversed(content):
        tail.insert(0, height)
        if sum(tail) >= missing:
            break
    tail[0] -= sum(tail) - missing
    spanned[-1].slices.extend(tail)


def _merge_cell_mar(mar: dict, el) -> None:
    if el is None:
        return
    for side, names in (
        ("top", ("top",)),
        ("bottom", ("bottom",)),
        ("left", ("start", "left")),
        ("right", ("end", "right")),
    ):
        for name in names:
            found = _child(el, name)
            if found is not None:
                mar[side] = _num(found, "w", 0)
                break


def _bodies_children(bodies):
    """The blocks of each body in turn, None between two bodies."""
    for k, body in enumerate(bodies):
        if k:
            yield None
        yield from _body_children(body)


def _body_children(el):
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in (W + "p", W + "tbl"):
            yield child
        elif tag in (W + "sdt", W + "customXml"):
            content = _child(child, "sdtContent") if tag == W + "sdt" else child
            if content is not None:
                yield from _body_children(content)


def _apply_contextual(blocks: list) -> None:
    """Drop spacing between paragraphs of one style that ask for contextual spacing."""
    for prev, cur in zip(blocks, blocks[1:], strict=False):
        if isinstance(prev, Para) and isinstance(cur, Para) and prev.style == cur.style:
            if prev.contextual:
                prev.after = 0
            if cur.contextual:
                cur.before = 0


# --- pagination --------------------------------------------------------------------


# Between the body and the first footnote of a page LibreOffice puts the separator:
# 1 mm above the line, 1 mm below it and the 0.5 pt line itself (measured).
NOTE_SEPARATOR = 124


class Pager:
    """Places blocks on pages the way Writer does and counts the pages."""

    def __init__(self, geometry: Geometry):
        self.height = geometry.height * geometry.columns
        self.next_height = self.height
        self.pages = 1
        self.y = 0.0
        self.fresh = True  # nothing on this page yet
        self.keep_before = True  # space before survives at the top of this page
        self.prev_after = 0.0
        self.pending_break = False
        self.note_area = 0.0  # footnotes and their separator at the foot of this page
        self.parity = None
        self.starts: list[str] = []
        self.trace: list[tuple[int, str, int, float]] = []  # page, block, lines, y after

    def new_page(self, explicit: bool) -> None:
        self.pages += 1
        self.height = self.next_height
        self.y = 0.0
        self.fresh = True
        self.keep_before = explicit
        self.prev_after = 0.0
        self.note_area = 0.0

    def _open(self, label: str, break_before: bool) -> None:
        """Honour a pending or requested break before the next block."""
        if (self.pending_break or break_before) and not self.fresh:
            self.new_page(explicit=True)
        elif self.pending_break or break_before:
            self.keep_before = True
        self.pending_break = False
        if self.parity is not None:
            if self.pages % 2 != self.parity:
                self.pages += 1
            self.parity = None
        if self.fresh:
            self.starts.append(label)

    def gap(self, before: float) -> float:
        if self.fresh:
            return before if self.keep_before else 0.0
        return max(self.prev_after, before)

    def run(self, blocks: list) -> int:
        i = 0
        while i < len(blocks) and self.pages < MAX_PAGES:
            block = blocks[i]
            if isinstance(block, SectionBreak):
                self.next_height = block.geometry.height * block.geometry.columns
                if block.kind != "continuous":
                    self.pending_break = True
                    if block.kind in ("evenPage", "oddPage"):
                        self.parity = 0 if block.kind == "evenPage" else 1
                i += 1
                continue
            if isinstance(block, Para) and block.keep_next and not self.fresh:
                self._keep_chain(blocks, i)
            if isinstance(block, Para):
                self.para(block)
            else:
                self.table(block)
            i += 1
        return self.pages

    def _keep_chain(self, blocks: list, i: int) -> None:
        """Move a keep-with-next run to a new page when it and the start of what
        follows do not fit here but would fit on an empty page."""
        need = 0.0
        prev_after = self.prev_after
        first = True
        j = i
        while j < len(blocks):
            block = blocks[j]
            if isinstance(block, Para):
                gap = max(prev_after, block.before) if not first else self.gap(block.before)
                if block.keep_next and j + 1 < len(blocks):
                    need += gap + sum(block.lines)
                    prev_after = block.after
                else:
                    take = len(block.lines) if block.keep_lines else min(len(block.lines), 2)
                    need += gap + sum(block.lines[:take]) - block.overhang
                    break
            elif isinstance(block, Table):
                if block.rows:
                    need += prev_after + block.top_border + block.rows[0].height
                break
            else:
                break
            first = False
            j += 1
        if self.y + need > self.height - self.note_area and need <= self.height:
            self.new_page(explicit=False)

    def para(self, p: Para) -> None:
        self._open(p.label, p.break_before)
        lines = p.lines
        offset = 0  # index in p.lines of lines[0]
        y = self.y + self.gap(p.before)
        first_part = True
        while True:
            fit, total = 0, y
            areas = [self.note_area]
            for h in lines:
                area = areas[-1]
                note = p.notes.get(offset + fit)
                if note:
                    area += note + (0.0 if area else NOTE_SEPARATOR)
                if total + h - p.overhang > self.height - area + 0.5:
                    break
                total += h
                fit += 1
                areas.append(area)
            n = len(lines)
            if fit == n:
                self.y = total
                self.note_area = areas[-1]
                self.trace.append((self.pages, p.label, n, total))
                break
            if not self.fresh:
                if p.keep_lines and first_part:
                    fit = 0
                if p.widows:
                    if first_part and fit < 2:
                        fit = 0
                    elif n - fit < 2:
                        fit = n - 2 if n - 2 >= (2 if first_part else 1) else 0
            else:
                fit = max(fit, 1)
                if p.widows and n - fit < 2 and n - 2 >= 1:
                    fit = n - 2
                if fit >= n:  # an empty page takes a line even when it does not fit
                    self.y = self.height
                    self.trace.append((self.pages, p.label, n, self.y))
                    break
            self.trace.append((self.pages, p.label, fit, total))
            lines = lines[fit:]
            offset += fit
            if fit:
                first_part = False
            self.new_page(explicit=False)
            self.starts.append(p.label + ("" if first_part else " (cont.)"))
            y = self.gap(p.before) if first_part else 0.0
        self.fresh = False
        self.prev_after = p.after
        if p.break_after:
            self.pending_break = True

    def table(self, t: Table) -> None:
        self._open(t.label, False)
        y = self.y + (0.0 if self.fresh else self.prev_after) + t.top_border
        headers = [row for row in t.rows if row.header]
        for row in t.rows:
            slices = row.slices
            while True:
                total, fit = y, 0
                for h in slices:
                    if total + h > self.height - self.note_area + 0.5:
                        break
                    total += h
                    fit += 1
                if fit == len(slices):
                    y = total
                    self.fresh = False
                    break
                if self.fresh:
                    fit = max(fit, 1)
                elif not row.can_split:
                    fit = 0
                slices = slices[fit:]
                self.new_page(explicit=False)
                self.starts.append(t.label + " (cont.)")
                y = t.top_border + sum(r.height for r in headers if not row.header)
                y += row.resume if fit else 0.0
        self.y = y
        self.fresh = False
        self.prev_after = 0.0


def estimate(document) -> Estimate:
    """Lay out `document` (a python-docx Document) and count its pages."""
    walker = BodyWalker(document)
    blocks, geometry = walker.blocks()
    pager = Pager(geometry)
    pages = min(pager.run(blocks), MAX_PAGES)
    font, size = ("Times New Roman", 13.0)
    if walker.stats:
        font, size = walker.stats.most_common(1)[0][0]
    spacing = "single spacing"
    if walker.spacing_stats:
        rule, value = walker.spacing_stats.most_common(1)[0][0]
        if rule == "exact":
            spacing = f"exactly {value / 20:g}pt"
        elif rule == "atLeast":
            spacing = f"at least {value / 20:g}pt"
        elif int(value * 100 // 240) != 100:
            spacing = f"{int(value * 100 // 240) / 100:g} spacing"
    return Estimate(
        pages=pages,
        paper=geometry.paper,
        font=font,
        size=size,
        spacing=spacing,
        page_starts=pager.starts,
        unknown_fonts=tuple(sorted(walker.unknown_fonts)),
        fonts=tuple(sorted(walker.used_fonts)),
        at_least=walker.truncated or pages >= MAX_PAGES,
        last_fill=min(1.0, (pager.y + pager.note_area) / pager.height) if pager.height > 0 else 0.0,
    )


# --- glyph advances -------------------------------------------------------------

# Advance widths in font units (2048 per em; 1000 for Caladea) of CHARSET, measured
# from the metric-compatible fonts LibreOffice uses for the Office faces: Liberation
# Serif 2.1 (Times New Roman), Liberation Sans 2.1 (Arial), Carlito (Calibri),
# Caladea (Cambria) and Liberation Mono 2.1 (Courier New); and DejaVu Sans, which
# LibreOffice (through fontconfig) puts in place of a font the server lacks.
# Regenerate with `python bench/bench_pagecount.py --font-table` on a machine that
# has the fonts; hard-coded so the estimate needs no font files.
CHARSET = "".join(chr(c) for c in range(32, 127)) + "đĐơƠưƯìíĩỜỚỞỠỢ–—“”‘’…•\u00a0"
_ADVANCES = {
    ("serif", "Regular"): """
512 682 836 1024 1024 1706 1593 369 682 682 1024 1155 512 682 512 569 1024 1024 1024 1024 1024
1024 1024 1024 1024 1024 569 569 1155 1155 1155 909 1886 1479 1366 1366 1479 1251 1139 1479
1479 682 797 1479 1251 1821 1479 1479 1139 1479 1366 1139 1251 1479 1479 1933 1479 1479 1251
682 569 682 961 1024 682 909 1024 909 1024 909 682 1024 1024 569 569 1024 569 1593 1024 1024
1024 1024 682 797 569 1024 1024 1479 1024 1024 909 983 410 983 1108 1024 1479 1083 1479 1110
1589 569 569 569 1479 1479 1479 1479 1479 1024 2048 909 909 682 682 2048 717 512
""",
    ("serif", "Bold"): """
512 682 1137 1024 1024 2048 1706 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 1024 1024
1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1905 1479 1366 1479 1479 1366 1251 1593
1593 797 1024 1593 1366 1933 1479 1593 1251 1593 1479 1139 1366 1479 1479 2048 1479 1479 1366
682 569 682 1190 1024 682 1024 1139 909 1139 909 682 1024 1139 569 682 1139 569 1706 1139 1024
1139 1139 909 797 682 1139 1024 1479 1024 1024 909 807 451 807 1065 1139 1479 1134 1593 1229
1630 569 569 569 1593 1593 1593 1593 1593 1024 2048 1024 1024 682 682 2048 717 512
""",
    ("serif", "Italic"): """
512 682 860 1024 1024 1706 1593 438 682 682 1024 1382 512 682 512 569 1024 1024 1024 1024 1024
1024 1024 1024 1024 1024 682 682 1382 1382 1382 1024 1884 1251 1251 1366 1479 1251 1251 1479
1479 682 909 1366 1139 1706 1366 1479 1251 1479 1251 1024 1139 1479 1251 1706 1251 1139 1139
797 569 797 864 1024 682 1024 1024 909 1024 909 569 1024 1024 569 569 909 569 1479 1024 1024
1024 1024 797 797 569 1024 909 1366 909 909 797 819 563 819 1108 1024 1479 1093 1479 1117 1544
569 569 569 1479 1479 1479 1479 1479 1024 1821 1139 1139 682 682 1821 717 512
""",
    ("serif", "BoldItalic"): """
512 797 1137 1024 1024 1706 1593 569 682 682 1024 1167 512 682 512 569 1024 1024 1024 1024 1024
1024 1024 1024 1024 1024 682 682 1167 1167 1167 1024 1704 1366 1366 1366 1479 1366 1366 1479
1593 797 1024 1366 1251 1821 1479 1479 1251 1479 1366 1139 1251 1479 1366 1821 1366 1251 1251
682 569 682 1167 1024 682 1024 1024 909 1024 909 682 1024 1139 569 569 1024 569 1593 1139 1024
1024 1024 797 797 569 1139 909 1366 1024 909 797 713 451 713 1167 1024 1479 1099 1479 1227 1587
569 569 569 1479 1479 1479 1479 1479 1024 2048 1024 1024 682 682 2048 717 512
""",
    ("sans", "Regular"): """
569 569 727 1139 1139 1821 1366 391 682 682 797 1196 569 682 569 569 1139 1139 1139 1139 1139
1139 1139 1139 1139 1139 569 569 1196 1196 1196 1139 2079 1366 1366 1479 1479 1366 1251 1593
1479 569 1024 1366 1139 1706 1479 1593 1366 1593 1479 1366 1251 1479 1366 1933 1366 1366 1251
569 569 569 961 1139 682 1139 1139 1024 1139 1139 569 1139 1139 455 455 1024 455 1706 1139 1139
1139 1139 682 1024 569 1139 1024 1479 1024 1024 1024 684 532 684 1196 1139 1479 1343 1756 1371
1749 569 569 569 1756 1756 1756 1756 1756 1139 2048 682 682 455 455 2048 717 569
""",
    ("sans", "Bold"): """
569 682 971 1139 1139 1821 1479 487 682 682 797 1196 569 682 569 569 1139 1139 1139 1139 1139
1139 1139 1139 1139 1139 682 682 1196 1196 1196 1251 1997 1479 1479 1479 1479 1366 1251 1593
1479 569 1139 1479 1251 1706 1479 1593 1366 1593 1479 1366 1251 1479 1366 1933 1366 1366 1251
682 569 682 1196 1139 682 1139 1251 1139 1251 1139 682 1251 1251 569 569 1139 569 1821 1251
1251 1251 1251 797 1139 682 1251 1139 1593 1139 1139 1024 797 573 797 1196 1251 1479 1456 1747
1483 1699 569 569 569 1747 1747 1747 1747 1747 1139 2048 1024 1024 569 569 2048 717 569
""",
    ("sans", "Italic"): """
569 569 727 1139 1139 1821 1366 391 682 682 797 1196 569 682 569 569 1139 1139 1139 1139 1139
1139 1139 1139 1139 1139 569 569 1196 1196 1196 1139 2079 1366 1366 1479 1479 1366 1251 1593
1479 569 1024 1366 1139 1706 1479 1593 1366 1593 1479 1366 1251 1479 1366 1933 1366 1366 1251
569 569 569 961 1139 682 1139 1139 1024 1139 1139 569 1139 1139 455 455 1024 455 1706 1139 1139
1139 1139 682 1024 569 1139 1024 1479 1024 1024 1024 684 532 684 1196 1139 1479 1238 1662 1298
1625 569 569 455 1662 1662 1662 1662 1662 1139 2048 682 682 455 455 2048 717 569
""",
    ("sans", "BoldItalic"): """
569 682 971 1139 1139 1821 1479 487 682 682 797 1196 569 682 569 569 1139 1139 1139 1139 1139
1139 1139 1139 1139 1139 682 682 1196 1196 1196 1251 1997 1479 1479 1479 1479 1366 1251 1593
1479 569 1139 1479 1251 1706 1479 1593 1366 1593 1479 1366 1251 1479 1366 1933 1366 1366 1251
682 569 682 1196 1139 682 1139 1251 1139 1251 1139 682 1251 1251 569 569 1139 569 1821 1251
1251 1251 1251 797 1139 682 1251 1139 1593 1139 1139 1024 797 573 797 1196 1251 1479 1375 1715
1462 1656 569 569 569 1715 1715 1715 1715 1715 1139 2048 1024 1024 569 569 2048 717 569
""",
    ("carlito", "Regular"): """
463 667 821 1020 1038 1464 1397 452 621 621 1020 1020 511 627 517 791 1038 1038 1038 1038 1038
1038 1038 1038 1038 1038 548 548 1020 1020 1020 949 1831 1185 1114 1092 1260 1000 941 1292 1276
516 653 1064 861 1751 1322 1356 1058 1378 1112 941 998 1314 1162 1822 1063 998 959 628 791 628
1020 1020 596 981 1076 866 1076 1019 625 964 1076 470 490 931 470 1636 1076 1080 1076 1076 714
801 686 1076 925 1464 887 927 809 644 943 644 1020 1130 1279 1184 1428 1234 1478 470 470 470
1428 1428 1428 1428 1428 1020 1854 857 857 511 511 1414 1020 1038
""",
    ("carlito", "Bold"): """
463 667 898 1020 1038 1493 1443 478 638 638 1020 1020 528 627 547 880 1038 1038 1038 1038 1038
1038 1038 1038 1038 1038 565 565 1020 1020 1020 949 1840 1241 1148 1084 1291 999 940 1305 1292
546 678 1120 866 1790 1349 1385 1090 1405 1153 968 1014 1337 1211 1856 1128 1064 979 665 880
665 1020 1020 615 1011 1099 857 1099 1031 648 971 1099 503 523 983 503 1666 1099 1101 1099 1099
728 817 710 1099 969 1526 941 970 814 704 973 704 1020 1165 1309 1296 1566 1326 1559 503 503
503 1428 1428 1428 1428 1428 1020 1854 891 891 528 528 1457 1020 1038
""",
    ("carlito", "Italic"): """
463 667 821 1020 1038 1464 1397 452 621 621 1020 1020 511 627 517 794 1038 1038 1038 1038 1038
1038 1038 1038 1038 1038 548 548 1020 1020 1020 949 1831 1185 1114 1070 1260 1000 941 1292 1276
516 653 1064 861 1751 1320 1340 1058 1360 1112 926 998 1314 1162 1823 1063 998 959 628 787 628
1020 1020 596 1053 1053 852 1053 978 625 1053 1053 470 490 931 470 1620 1053 1051 1053 1053 702
797 686 1053 913 1464 887 916 809 644 943 644 1020 1128 1279 1155 1412 1211 1478 470 470 470
1412 1412 1412 1412 1412 1020 1854 857 857 511 511 1413 1020 1038
""",
    ("carlito", "BoldItalic"): """
463 667 898 1020 1038 1493 1443 478 638 638 1020 1020 528 627 547 889 1038 1038 1038 1038 1038
1038 1038 1038 1038 1038 565 565 1020 1020 1020 949 1840 1241 1148 1062 1291 999 940 1305 1292
546 678 1120 866 1790 1344 1369 1090 1387 1153 953 1014 1337 1211 1857 1128 1064 979 665 870
665 1020 1020 615 1081 1081 843 1081 1006 648 1081 1080 503 523 983 503 1646 1080 1080 1081
1081 721 807 710 1080 961 1526 941 963 814 704 973 704 1020 1160 1309 1275 1550 1275 1559 503
503 503 1550 1550 1550 1550 1550 1020 1854 891 891 528 528 1456 1020 1038
""",
    ("caladea", "Regular"): """
220 286 393 619 506 890 687 237 382 382 427 554 205 329 206 490 517 362 472 461 492 475 470 470
485 478 264 264 554 554 554 422 885 599 579 519 625 540 509 539 696 343 304 630 501 888 693 599
533 599 613 453 557 687 598 889 571 557 507 350 490 350 554 371 151 470 520 421 520 441 313 459
554 277 255 525 271 813 558 480 520 501 396 392 325 546 470 720 483 482 428 387 316 387 712 555
662 617 617 617 617 277 277 277 617 617 617 617 617 500 1000 375 375 221 221 752 443 220
""",
    ("caladea", "Bold"): """
220 335 422 618 543 976 740 251 408 408 453 592 232 311 230 505 533 458 507 508 553 520 538 494
556 534 280 280 592 592 592 452 921 653 634 551 664 559 534 586 719 358 340 680 541 845 686 647
593 647 640 473 587 695 632 959 616 587 554 368 505 368 592 371 184 525 568 450 570 513 335 508
600 308 297 589 311 891 604 530 573 559 454 444 365 609 519 779 525 521 464 393 320 393 592 597
709 617 617 617 617 308 308 308 617 617 617 617 617 500 1000 398 398 235 235 772 443 220
""",
    ("caladea", "Italic"): """
220 280 389 619 502 858 659 234 372 372 396 510 206 311 181 466 488 394 459 439 490 455 459 442
479 465 181 206 499 531 499 407 885 578 536 495 598 506 497 509 673 330 302 586 474 835 654 581
503 622 574 414 505 623 553 847 545 523 483 339 466 339 528 463 183 515 496 434 513 436 284 493
528 263 243 489 256 800 532 483 502 512 376 363 340 531 431 694 446 431 433 375 315 375 528 524
646 683 683 683 683 263 263 263 683 683 683 683 683 501 1001 373 373 209 209 719 443 220
""",
    ("caladea", "BoldItalic"): """
220 286 421 602 517 972 712 244 396 396 399 509 215 301 201 480 541 438 506 510 558 522 529 513
550 529 202 222 566 570 566 438 921 614 608 542 656 568 538 588 695 345 330 659 516 827 670 647
578 659 631 490 567 662 594 922 586 560 543 355 480 355 573 433 213 564 563 467 575 488 333 545
579 295 281 542 291 870 582 554 574 556 452 427 351 589 491 760 482 491 468 371 309 371 573 570
683 685 685 685 685 295 295 295 685 685 685 685 685 508 996 405 405 228 228 742 443 220
""",
    ("dejavu", "Regular"): """
651 821 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690 1303 1303 1303 1303 1303
1303 1303 1303 1303 1303 690 690 1716 1716 1716 1087 2048 1401 1405 1430 1577 1294 1178 1587
1540 604 604 1343 1141 1767 1532 1612 1235 1612 1423 1300 1251 1499 1401 2025 1403 1251 1403
799 690 799 1716 1024 1024 1255 1300 1126 1300 1260 721 1300 1298 569 569 1186 569 1995 1298
1253 1300 1300 842 1067 803 1298 1212 1675 1212 1212 1075 1303 690 1303 1716 1300 1587 1253
1870 1298 1757 569 569 569 1870 1870 1870 1870 1870 1024 2048 1061 1061 651 651 2048 1208 651
""",
    ("dejavu", "Bold"): """
713 934 1067 1716 1425 2052 1786 627 936 936 1071 1716 778 850 778 748 1425 1425 1425 1425 1425
1425 1425 1425 1425 1425 819 819 1716 1716 1716 1188 2048 1585 1561 1503 1700 1399 1399 1681
1714 762 762 1587 1305 2038 1714 1741 1501 1741 1577 1475 1397 1663 1585 2259 1579 1483 1485
936 748 936 1716 1024 1024 1382 1466 1214 1466 1389 891 1466 1458 702 702 1362 702 2134 1458
1407 1466 1466 1010 1219 979 1458 1335 1892 1321 1335 1192 1458 748 1458 1716 1466 1716 1407
1789 1458 1711 702 702 702 1789 1789 1789 1789 1789 1024 2048 1346 1346 778 778 2048 1309 713
""",
    ("dejavu", "Italic"): """
651 821 942 1716 1303 1946 1597 563 799 799 1024 1716 651 739 651 690 1303 1303 1303 1303 1303
1303 1303 1303 1303 1303 690 690 1716 1716 1716 1087 2048 1401 1405 1430 1577 1294 1178 1587
1540 604 604 1343 1141 1767 1532 1612 1235 1612 1423 1300 1251 1499 1401 2025 1403 1251 1403
799 690 799 1716 1024 1024 1255 1300 1126 1300 1260 721 1300 1298 569 569 1186 569 1995 1298
1253 1300 1300 842 1067 803 1298 1212 1675 1212 1212 1075 1303 690 1303 1716 1300 1587 1253
1870 1298 1717 569 569 569 1870 1870 1870 1870 1870 1024 2048 1061 1061 651 651 2048 1208 651
""",
    ("dejavu", "BoldItalic"): """
713 934 1067 1425 1425 2052 1786 627 936 936 1071 1716 778 850 778 748 1425 1425 1425 1425 1425
1425 1425 1425 1425 1425 819 819 1716 1716 1716 1188 2048 1585 1561 1503 1700 1399 1399 1681
1714 762 762 1587 1305 2038 1714 1741 1501 1741 1577 1475 1397 1663 1585 2259 1579 1483 1485
936 748 936 1716 1024 1024 1382 1466 1214 1466 1389 891 1466 1458 702 702 1362 702 2134 1458
1407 1466 1466 1010 1219 979 1458 1335 1892 1321 1335 1192 1458 748 1458 1716 1466 1731 1407
1741 1458 1663 702 702 702 1741 1741 1741 1741 1741 1024 2048 1319 1319 778 778 2048 1309 713
""",
}
# Liberation Mono (Courier New): every glyph of every style advances 1229 units.
_ADVANCES.update(
    {
        ("mono", style): " ".join(["1229"] * len(CHARSET))
        for style in ("Regular", "Bold", "Italic", "BoldItalic")
    }
)
