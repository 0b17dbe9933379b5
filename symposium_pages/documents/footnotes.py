"""Real Word footnotes for a python-docx document, which has no API for them.

A paper's notes (its footnotes and endnotes, kept by the intake as a numbered
list) are printed at the foot of the page where they are referenced, as Word
would: a footnotes part with Word's two separators, a w:footnoteReference run
in the text and a w:footnote holding the note. Word numbers them; the booklet
is one section, so the numbers restart on each page rather than running on
from one paper into the next. (A custom mark keeping the paper's own number
would do, but LibreOffice prints a custom mark twice in the note.)
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

TEXT_STYLE = "FootnoteText"
REFERENCE_STYLE = "FootnoteReference"
NOTE_SIZE = Pt(11)

_SEPARATORS = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"'
    ' w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


class Footnotes:
    """The footnotes of one document; the part and its styles are made at the first note."""

    def __init__(self, document):
        self.document = document
        self._root = None
        self._next_id = 1

    def _footnotes_root(self):
        if self._root is None:
            part = self.document.part
            existing = [r.target_part for r in part.rels.values() if r.reltype == RT.FOOTNOTES]
            if existing:
                self._root = existing[0].element
                ids = [int(n.get(qn("w:id"))) for n in self._root.iterfind(qn("w:footnote"))]
                self._next_id = max([0, *ids]) + 1
            else:
                footnotes = XmlPart(
                    PackURI("/word/footnotes.xml"),
                    CT.WML_FOOTNOTES,
                    parse_xml(_SEPARATORS),
                    part.package,
                )
                part.relate_to(footnotes, RT.FOOTNOTES)
                self._root = footnotes.element
            self._add_styles()
            self._restart_each_page()
        return self._root

    def _restart_each_page(self) -> None:
        """Footnote numbers restart on every page of the (single-section) document."""
        sectpr = self.document.element.body.find(qn("w:sectPr"))
        if sectpr is None or sectpr.find(qn("w:footnotePr")) is not None:
            return
        properties = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:numRestart w:val="eachPage"/></w:footnotePr>'
        )
        references = (qn("w:headerReference"), qn("w:footerReference"))
        # CT_SectPr is a sequence: footnotePr follows the header and footer references.
        following = next((child for child in sectpr if child.tag not in references), None)
        if following is not None:
            following.addprevious(properties)
        else:
            sectpr.append(properties)

    def _add_styles(self) -> None:
        styles = self.document.styles
        ids = {style.style_id for style in styles}
        if TEXT_STYLE not in ids:
            text = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
            text.base_style = styles["Normal"]
            text.font.size = NOTE_SIZE
            fmt = text.paragraph_format
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.first_line_indent = Pt(0)
            fmt.line_spacing = 1.0
        if REFERENCE_STYLE not in ids:
            styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER).font.superscript = True

    def add(self, paragraph) -> Paragraph:
        """Put a footnote reference at the end of `paragraph`; returns the note's
        paragraph, for the caller to write the note's text into."""
        root = self._footnotes_root()
        note_id = str(self._next_id)
        self._next_id += 1
        reference = paragraph.add_run()
        reference._r.style = REFERENCE_STYLE
        link = OxmlElement("w:footnoteReference")
        link.set(qn("w:id"), note_id)
        reference._r.append(link)
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), note_id)
        root.append(note)
        p = OxmlElement("w:p")
        note.append(p)
        p.style = TEXT_STYLE
        text = Paragraph(p, paragraph._parent)
        own_mark = text.add_run()
        own_mark._r.style = REFERENCE_STYLE
        own_mark._r.append(OxmlElement("w:footnoteRef"))
        text.add_run(" ")
        return text
