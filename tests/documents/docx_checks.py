"""Reading back what a produced .docx holds, the way the tests assert it."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from symposium_pages.documents.docx_style import field_instructions

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")

# CT_SectPr's children in schema order (ECMA-376 part 1, 17.6.17).
SECTPR_ORDER = [
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
]


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


def sectpr_children(document) -> list[str]:
    sectpr = document.sections[-1]._sectPr
    return [child.tag.split("}")[1] for child in sectpr]


def in_schema_order(names: list[str]) -> bool:
    positions = [SECTPR_ORDER.index(name) for name in names]
    # headerReference and footerReference may interleave; everything else is strictly ordered.
    positions = [min(p, 1) if p <= 1 else p for p in positions]
    return positions == sorted(positions)


def rfonts_of(rpr) -> dict:
    rfonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if rfonts is None:
        return {}
    return {key.split("}")[1]: value for key, value in rfonts.attrib.items()}


def default_fonts(document) -> dict:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    return rfonts_of(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")))


def theme_attributes_in_styles(document) -> list[tuple[str, str]]:
    """(style id, attribute) for every theme font attribute left in styles.xml."""
    found = []
    for rfonts in document.styles.element.iter(qn("w:rFonts")):
        style = rfonts.getparent().getparent()
        style_id = style.get(qn("w:styleId")) or style.tag.split("}")[1]
        for attribute in THEME_ATTRIBUTES:
            if rfonts.get(qn(f"w:{attribute}")) is not None:
                found.append((style_id, attribute))
    return found


def body_paragraphs(document):
    return list(document.element.body.iter(qn("w:p")))


def paragraph_text(p) -> str:
    """The text of a paragraph with its tabs and line breaks (not inside field instructions)."""
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab") and node.getparent().tag == qn("w:r"):
            parts.append("\t")
        elif node.tag == qn("w:br"):
            parts.append("\n")
    return "".join(parts)


def style_of(p) -> str:
    style = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
    return style.get(qn("w:val")) if style is not None else ""


def has_page_break_before(p) -> bool:
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        element = ppr.find(qn("w:pageBreakBefore"))
        if element is not None and element.get(qn("w:val")) not in ("0", "false"):
            return True
    return any(br.get(qn("w:type")) == "page" for br in p.iter(qn("w:br")))


def headings(document, style_id="Heading1") -> list:
    return [p for p in body_paragraphs(document) if style_of(p) == style_id]


def toc_entries(document) -> list[tuple[str, int]]:
    """(title, page) of each "toc 1" entry of the written contents list."""
    entries = []
    for p in body_paragraphs(document):
        if style_of(p) != "TOC1":
            continue
        text = paragraph_text(p)
        title, _, number = text.rpartition("\t")
        entries.append((title, int(number)))
    return entries


def header_texts(part) -> str:
    return "\n".join(paragraph_text(p) for p in part._element.iter(qn("w:p")))


def fields(element) -> list[str]:
    return field_instructions(element)
