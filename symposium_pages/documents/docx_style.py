"""The layout of the Department's printed documents (Nghị định 30/2020/NĐ-CP, Phụ lục I).

A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
Roman 14 pt in every script slot, so Vietnamese diacritics never fall back to a
theme face; single line spacing with 6 pt after each paragraph; page numbers
in Arabic numerals centred in the top margin, none on the first page.

python-docx has no field API: PAGE and TOC fields are written here from
`w:fldChar` and `w:instrText` elements.
"""

from __future__ import annotations

import copy

import docx
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
# A4 as Word writes it, in twips (210 × 297 mm).
PAGE_WIDTH, PAGE_HEIGHT = Twips(11906), Twips(16838)
# 20, 20, 30 and 15 mm, rounded up to whole twips so they never fall under the minimum.
MARGINS = {"top": Twips(1134), "bottom": Twips(1134), "left": Twips(1701), "right": Twips(851)}
HEADER_DISTANCE = Mm(10)
PARAGRAPH_AFTER = Pt(6)
SECTPR = qn("w:sectPr")
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]

# The rFonts attributes that point at the theme; any of them makes Word use the theme face.
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")

# Paragraph styles the documents use: (style id, name, size pt, bold, italic, alignment, before, after)
HEADING_STYLES = {
    # the title of a paper: where it starts, and what the contents list shows
    "Heading1": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 6),
    # the unit that sent it (the contents list shows it under the title, without a number)
    "Heading2": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 6),
    # headings inside a paper's body
    "Heading3": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 6, 6),
    "Heading4": (14, True, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 6, 6),
    "Heading5": (14, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY, 6, 6),
}


def set_run_fonts(rpr, name: str = FONT) -> None:
    """Put `name` in all four rFonts slots of a w:rPr and drop any theme attribute."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attribute in THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(f"w:{attribute}"), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(f"w:{slot}"), name)


def _drop_theme_colour(rpr) -> None:
    colour = rpr.find(qn("w:color"))
    if colour is not None:
        rpr.remove(colour)


def new_document():
    """An empty document with the administrative layout and styles set."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.header_distance = HEADER_DISTANCE
    section.footer_distance = HEADER_DISTANCE
    _style_defaults(document)
    _style_headings(document)
    _add_toc_styles(document)
    _plain_styles(document)
    return document


def _style_defaults(document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is None:
            size = OxmlElement(tag)
            rpr.append(size)
        size.set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    # Every style that names fonts names ours, with no theme attribute left behind.
    for rfonts in styles.iter(qn("w:rFonts")):
        set_run_fonts(rfonts.getparent())
    normal = document.styles["Normal"]
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = PARAGRAPH_AFTER
    fmt.line_spacing = 1.0
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    set_run_fonts(normal.element.get_or_add_rPr())


def _style_headings(document) -> None:
    for style_id, (size, bold, italic, alignment, before, after) in HEADING_STYLES.items():
        style = _style_by_id(document, style_id)
        if style is None:
            level = style_id[-1]
            style = document.styles.add_style(f"Heading {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = document.styles["Normal"]
            ppr = style.element.get_or_add_pPr()
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(int(level) - 1))
            ppr.append(outline)
        rpr = style.element.get_or_add_rPr()
        set_run_fonts(rpr)
        _drop_theme_colour(rpr)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.alignment = alignment
        fmt.space_before = Pt(before)
        fmt.space_after = Pt(after)
        fmt.keep_with_next = True
        fmt.line_spacing = 1.0
    # The linked character styles (Heading1Char…) and the title styles carry theme fonts too.
    for style in document.styles:
        element = style.element
        rpr = element.find(qn("w:rPr"))
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            set_run_fonts(rpr)
            colour = rpr.find(qn("w:color"))
            if colour is not None and colour.get(qn("w:themeColor")):
                _drop_theme_colour(rpr)


def _plain_styles(document) -> None:
    for name in ("Header", "Footer"):
        style = document.styles[name]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.space_after = Pt(0)
        style.font.size = Pt(13)
    table = document.styles["Table Grid"]
    table.paragraph_format.space_before = Pt(3)
    table.paragraph_format.space_after = Pt(3)


def _add_toc_styles(document) -> None:
    """ "toc 1" and "toc 2", the styles Word fills the contents list with on refresh."""
    for level, indent, bold in ((1, 0, False), (2, Mm(5), False)):
        style_id = f"TOC{level}"
        style = _style_by_id(document, style_id)
        if style is None:
            style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), style_id)
        style.base_style = document.styles["Normal"]
        style.font.bold = bold
        style.font.italic = level == 2
        fmt = style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.left_indent = indent
        fmt.right_indent = Mm(0)
        fmt.space_before = Pt(6) if level == 1 else Pt(0)
        fmt.space_after = Pt(0) if level == 1 else Pt(6)
        # A right tab with dot leader at the text's right edge, as Word's own contents lists.
        fmt.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        set_run_fonts(style.element.get_or_add_rPr())


def _style_by_id(document, style_id: str):
    for style in document.styles:
        if style.style_id == style_id:
            return style
    return None


# --- runs and fields ------------------------------------------------------------------


def add_paragraph(container, style_id: str | None = None):
    """A paragraph at the end of `container`, of the style with id `style_id`.

    Faster than python-docx's own in long documents: its `add_paragraph` looks the
    style up by name through every style and finds the body's end by scanning all
    the paragraphs before it, each time.
    """
    if isinstance(container, DocumentObject):
        p = OxmlElement("w:p")
        body = container.element.body
        last = body[-1] if len(body) else None
        if last is not None and last.tag == SECTPR:
            last.addprevious(p)  # the body's own section properties stay last
        else:
            body.append(p)
        paragraph = Paragraph(p, container._body)
    else:
        paragraph = container.add_paragraph()
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def text_paragraph(container, text="", *, bold=None, italic=None, align=None, indent=True, after=6):
    """A paragraph of prose as the letters and reports write it: a 10 mm first-line
    indent unless it is aligned otherwise (or `indent` is false), `after` points below."""
    paragraph = add_paragraph(container)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    elif indent:
        fmt.first_line_indent = Mm(10)
    fmt.space_after = Pt(after)
    if text:
        add_run(paragraph, text, bold=bold, italic=italic)
    return paragraph


def add_run(paragraph, text: str = "", *, bold=None, italic=None, underline=None, size=None):
    """A run of `text` ("\t" becomes a tab), formatted directly when asked."""
    run = paragraph.add_run()
    for index, part in enumerate(text.split("\t")):
        if index:
            run._r.add_tab()
        if part:
            run._r.add_t(part)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline
    if size is not None:
        run.font.size = size
    return run


def _fld_char(run, kind: str, dirty: bool = False) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    run._r.append(element)


def _instr(run, instruction: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {instruction} "
    run._r.append(element)


def begin_field(paragraph, instruction: str) -> None:
    """Open a complex field: begin, the instruction, separate (the result follows)."""
    _fld_char(paragraph.add_run(), "begin")
    _instr(paragraph.add_run(), instruction)
    _fld_char(paragraph.add_run(), "separate")


def end_field(paragraph) -> None:
    _fld_char(paragraph.add_run(), "end")


def add_simple_field(paragraph, instruction: str, result: str = "", **formatting):
    """A whole field in one paragraph, with `result` shown until it is updated."""
    begin_field(paragraph, instruction)
    run = add_run(paragraph, result, **formatting)
    end_field(paragraph)
    return run


def field_instructions(element) -> list[str]:
    """The instructions of the complex fields under `element` (for tests and checks)."""
    found, current = [], None
    for node in element.iter(qn("w:fldChar"), qn("w:instrText")):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                current = []
            elif kind in ("separate", "end") and current is not None:
                found.append(" ".join("".join(current).split()))
                current = None
        elif current is not None:
            current.append(node.text or "")
    return found


# --- page numbers and the first page --------------------------------------------------------


def number_pages(section, mark: str | None = None) -> None:
    """The PAGE field centred in the top margin of every page but the first.

    `mark` (e.g. "BẢN DỰ THẢO") is written above the number on every page,
    the first included.
    """
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if mark:
        _mark(paragraph, mark)
        paragraph = header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_simple_field(paragraph, "PAGE", "2", size=Pt(13))
    first = section.first_page_header
    first.is_linked_to_previous = False
    first_paragraph = first.paragraphs[0]
    first_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if mark:
        _mark(first_paragraph, mark)


def _mark(paragraph, mark: str) -> None:
    add_run(paragraph, mark, bold=True, size=Pt(12))


def page_break_before(paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def rule_paragraph(container, indent=0, right=0, space_after=0, space_before=0):
    """An empty paragraph drawn as a thin horizontal line (a top border), for headers."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Emu(int(indent)), Emu(int(right))
    fmt.space_before, fmt.space_after = Emu(int(space_before)), Emu(int(space_after))
    fmt.line_spacing = Pt(2)
    paragraph_border(paragraph, "top", size=6, space=1, color="000000")
    return paragraph


# pPr children that come after w:pBdr in the schema's order.
_AFTER_BORDER = tuple(
    qn(f"w:{tag}")
    for tag in (
        "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
        "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
        "rPr", "sectPr", "pPrChange",
    )
)  # fmt: skip


def paragraph_border(paragraph, side: str, *, size: int, space: int, color: str) -> None:
    """A single line on one `side` of a paragraph (size in eighths of a point)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", size), ("space", space), ("color", color)):
        line.set(qn(f"w:{key}"), str(value))
    borders.append(line)
    anchor = next((child for child in ppr if child.tag in _AFTER_BORDER), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        ppr.append(borders)


def borderless(table) -> None:
    """Remove every border of a table (header blocks are laid out in invisible tables)."""
    tblpr = table._tbl.tblPr
    borders = tblpr.find(qn("w:tblBorders"))
    if borders is not None:
        tblpr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.append(borders)


def set_column_widths(table, widths) -> None:
    widths = [Emu(int(width)) for width in widths]
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    grid = table._tbl.tblGrid
    for column, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        column.set(qn("w:w"), str(width.twips))


def repeat_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def update_fields_on_open(document) -> None:
    """Ask Word to refresh the fields when it opens the file (used when pages were estimated)."""
    settings = document.settings.element
    element = settings.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        # CT_Settings is a sequence: updateFields comes before these.
        successors = {qn(f"w:{tag}") for tag in UPDATE_FIELDS_SUCCESSORS}
        anchor = next((child for child in settings if child.tag in successors), None)
        if anchor is not None:
            anchor.addprevious(element)
        else:
            settings.append(element)
    element.set(qn("w:val"), "true")


UPDATE_FIELDS_SUCCESSORS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)


def clone(element):
    return copy.deepcopy(element)
