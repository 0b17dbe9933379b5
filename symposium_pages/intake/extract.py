"""Turn a checked .docx into the paper's title, StreamField blocks, images and word count.

The blocks are Wagtail StreamField raw data (`{"type": ..., "value": ...}`)
in document order: heading, paragraph, list (nested levels kept as nested
lists inside an item), table, image, quote, aside (a text box beside the
text) and, last, notes (the footnotes and endnotes, numbered as their
references in the text). The text of other text boxes is read where the box
is anchored. What does not fit these blocks is named in `warnings` (see
notes.py).
"""

import html
import itertools
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from .errors import PaperRejected
from .inline import (
    Break,
    InlineReader,
    NoteNumbers,
    NoteRef,
    Picture,
    Text,
    TextBox,
    all_bold,
    has_text,
    plain_text,
    to_html,
)
from .notes import Notes, survey, survey_headers_footers
from .ooxml import mc, on_off, val, w
from .package import Package
from .pictures import ExtractedImage, PictureStore
from .styles import Numbering, StyleInfo, StyleSheet

MAX_HEADING_CHARS = 200
_TRANSPARENT = {w("customXml"), w("ins"), w("moveTo")}
_DASH = re.compile(r"^[—–-]\s*")
_NOTE_PARTS = {"footnote": RT.FOOTNOTES, "endnote": RT.ENDNOTES}
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
GENRE_LABELS = {
    "tham luận",
    "bài tham luận",
    "báo cáo tham luận",
    "ý kiến tham luận",
    "báo cáo",
    "báo cáo đề dẫn",
    "đề dẫn",
    "phát biểu",
    "bài phát biểu",
    "báo cáo tổng kết",
    "tổng kết",
}
_PLACEHOLDER_TITLES = {
    "title",
    "tiêu đề",
    "document",
    "word document",
    "microsoft word document",
    "tài liệu",
    "untitled",
    "không có tiêu đề",
    "python-docx",
}


@dataclass
class ExtractedPaper:
    title: str
    # Where the title came from: "properties", "style" (Title or Heading), "bold_centred", "".
    title_source: str
    blocks: list[dict]
    images: list[ExtractedImage]
    words: int
    paragraph_count: int
    table_count: int
    warnings: list[str] = field(default_factory=list)


def extract_paper(package: Package) -> ExtractedPaper:
    """The paper in `package`; raises PaperRejected("empty_content") if it has no text."""
    try:
        paper = _Extractor(package).run()
    except PaperRejected:
        raise
    except (etree.LxmlError, ValueError, KeyError, LookupError, AttributeError, TypeError) as exc:
        raise PaperRejected(
            "unreadable",
            _(
                "The document could not be read. Please open it in Word, "
                "save it again as .docx and send the new file."
            ),
        ) from exc
    if paper.words == 0:
        raise PaperRejected(
            "empty_content",
            _("The document has no text. Please check that you sent the right file."),
        )
    return paper


def _related_root(part, reltype):
    try:
        return part.part_related_by(reltype).element
    except (KeyError, ValueError):
        return None


def count_words(text: str) -> int:
    """Words as Word counts them: runs between spaces, ignoring lone punctuation."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


class _Extractor:
    def __init__(self, package: Package):
        self.document = package.document
        part = self.document.part
        self.notes = Notes()
        self.styles = StyleSheet(_related_root(part, RT.STYLES))
        self.numbering = Numbering(_related_root(part, RT.NUMBERING))
        self.pictures = PictureStore(part, package.images, self.notes)
        self.note_numbers = NoteNumbers()
        self.reader = InlineReader(part, self.styles, self.pictures, self.notes, self.note_numbers)
        self.blocks: list[dict] = []
        # id(list value) → its items as (level, ordered, html), nested into value["items"]
        self.list_entries: dict[int, list] = {}
        self.boxes_only = False  # all the text is in text boxes: read them as the body
        self.in_box = False
        # block index → "title_style", "style" (Heading N) or "bold_centred"
        self.heading_origins: dict[int, str] = {}
        self.list_key = None
        self.paragraph_count = 0
        self.table_count = 0
        self.title_words = 0  # a title taken out of the blocks is still the paper's text

    def run(self) -> ExtractedPaper:
        body = self.document.element.body
        survey(body, self.notes)
        survey_headers_footers(self.document, self.notes)
        self.boxes_only = self.notes.counts["textbox"] > 0 and not any(
            (t.text or "").strip() for t in body.xpath(".//w:t[not(ancestor::w:txbxContent)]")
        )
        if self.boxes_only:
            self.notes.counts["textbox_only"] = 1
            del self.notes.counts["textbox"]
        self._container(body)
        title, source = self._title()
        self._notes_block()
        return ExtractedPaper(
            title=title,
            title_source=source,
            blocks=self.blocks,
            images=self.pictures.images,
            words=self.title_words + sum(count_words(t) for t in _block_texts(self.blocks)),
            paragraph_count=self.paragraph_count,
            table_count=self.table_count,
            warnings=self.notes.messages(),
        )

    # -- body ------------------------------------------------------------------

    def _container(self, el) -> None:
        for child in el:
            tag = child.tag
            if tag == w("p"):
                self._paragraph(child)
            elif tag == w("tbl"):
                self._table(child)
            elif tag == w("sdt"):
                if _is_table_of_contents(child):
                    self.notes.add("toc")
                    continue
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._container(content)
            elif tag in _TRANSPARENT:
                self._container(child)
            elif tag == mc("AlternateContent"):
                choice = child.find(mc("Choice"))
                if choice is not None:
                    self._container(choice)

    def _paragraph(self, p) -> None:
        ppr = p.find(w("pPr"))
        style = self.styles.get(_ppr_val(ppr, "pStyle"), paragraph=True)
        pieces = self.reader.read(p, style)
        self._paragraph_blocks_of(ppr, style, pieces)
        self._text_boxes([piece for piece in pieces if isinstance(piece, TextBox)])

    def _paragraph_blocks_of(self, ppr, style: StyleInfo, pieces) -> None:
        pictures = [piece for piece in pieces if isinstance(piece, Picture)]
        if not has_text(pieces):
            self._emit_pictures(pictures)
            return
        self.paragraph_count += 1
        text = plain_text(pieces, line_break=" ")
        heading = _heading_level(ppr, style)
        list_item = self._list_item(ppr, style)
        if style.is_named("caption") and self._caption(text):
            self._emit_pictures(pictures)
            return
        if heading is not None:
            self._heading(text, heading, "title_style" if style.named_heading() == 0 else "style")
        elif style.is_named("quote", "intense quote"):
            self._quote(pieces)
        elif list_item is not None:
            self._list(pieces, *list_item)
            self._emit_pictures(pictures)
            return
        elif _is_centred(ppr, style) and all_bold(pieces) and len(text) <= MAX_HEADING_CHARS:
            self._heading(text, 2, "bold_centred")
        else:
            self._paragraph_blocks(pieces)
            return
        self._emit_pictures(pictures)

    # -- text boxes ------------------------------------------------------------

    def _text_boxes(self, boxes) -> None:
        """Each box's content where it is anchored: a side box as an aside block."""
        for box in boxes:
            if self.in_box or not box.side or self.boxes_only:
                was_in_box, self.in_box = self.in_box, True
                self._container(box.content)
                self.in_box = was_in_box
            else:
                self._aside(self._capture(box.content))

    def _capture(self, content) -> list[dict]:
        """The blocks of `content`, kept apart from the paper's own blocks."""
        saved = self.blocks, self.heading_origins, self.list_key, self.in_box
        self.blocks, self.heading_origins, self.list_key, self.in_box = [], {}, None, True
        try:
            self._container(content)
            return self.blocks
        finally:
            self.blocks, self.heading_origins, self.list_key, self.in_box = saved

    def _aside(self, blocks: list[dict]) -> None:
        parts = []
        for block in blocks:
            kind, value = block["type"], block["value"]
            if kind == "heading":
                parts.append(f"<p><b>{html.escape(value['text'], quote=False)}</b></p>")
            elif kind == "paragraph":
                parts.append(f"<p>{value['html']}</p>")
            elif kind == "list":
                tag = "ol" if value["ordered"] else "ul"
                parts.append(f"<{tag}>{''.join(f'<li>{i}</li>' for i in value['items'])}</{tag}>")
            elif kind == "quote":
                text = " — ".join(filter(None, (value["text"], value["attribution"])))
                parts.append(f"<p><i>{html.escape(text, quote=False)}</i></p>")
            elif kind == "table":
                for row in value["rows"]:
                    cells = (html.escape(c, quote=False).replace("\n", "<br/>") for c in row if c)
                    parts.append(f"<p>{' | '.join(cells)}</p>")
        if parts:
            self._add("aside", {"html": "".join(parts)})
        for block in blocks:
            if block["type"] == "image":
                self.blocks.append(block)

    # -- notes -----------------------------------------------------------------

    def _notes_block(self) -> None:
        """The footnotes and endnotes, in the order their numbers were given in the text."""
        if not self.note_numbers.order:
            return
        found = {kind: self._note_elements(kind) for kind, _ in self.note_numbers.order}
        items = []
        for kind, note_id in self.note_numbers.order:
            part, notes = found[kind]
            note = notes.get(note_id)
            text = self._note_html(part, note) if note is not None else ""
            if not text:
                self.notes.add("note_missing")
                text = "…"
            items.append(text)
        self.blocks.append({"type": "notes", "value": {"items": items}})

    def _note_elements(self, kind: str):
        """The notes part of `kind` and its w:footnote / w:endnote elements by id."""
        try:
            part = self.document.part.part_related_by(_NOTE_PARTS[kind])
        except (KeyError, ValueError):
            return None, {}
        try:
            root = etree.fromstring(part.blob, _SAFE_XML)
        except etree.XMLSyntaxError:
            return part, {}  # a broken notes part loses the notes, not the paper
        return part, {el.get(w("id")): el for el in root.iter(w(kind))}

    def _note_html(self, part, note) -> str:
        reader = InlineReader(part, self.styles, None, self.notes)
        lines = []
        for child in _children(note, w("p"), w("tbl")):
            if child.tag == w("tbl"):
                text = self._flat_table(child)
                lines.extend(html.escape(line, quote=False) for line in text.split("\n") if line)
                continue
            style = self.styles.get(_ppr_val(child.find(w("pPr")), "pStyle"), paragraph=True)
            pieces = reader.read(child, style)
            if has_text(pieces):
                lines.append(to_html(pieces))
        return "<br/>".join(lines)

    def _add(self, block_type: str, value: dict) -> None:
        self.blocks.append({"type": block_type, "value": value})
        self.list_key = None

    def _heading(self, text: str, level: int, origin: str) -> None:
        self._add("heading", {"text": text, "level": level})
        self.heading_origins[len(self.blocks) - 1] = origin

    def _paragraph_blocks(self, pieces) -> None:
        """A paragraph, split where pictures sit in it."""
        run = []
        for piece in [*pieces, None]:
            if piece is None or isinstance(piece, Picture):
                if has_text(run):
                    self._add("paragraph", {"html": to_html(run)})
                run = []
                if piece is not None:
                    self._emit_pictures([piece])
            else:
                run.append(piece)

    def _emit_pictures(self, pictures) -> None:
        for picture in pictures:
            if picture.image is not None:
                self._add("image", {"image": picture.image, "alt": picture.alt, "caption": ""})

    def _caption(self, text: str) -> bool:
        """A Caption paragraph right after an image becomes its caption."""
        last = self.blocks[-1] if self.blocks else None
        if last and last["type"] == "image" and not last["value"]["caption"]:
            last["value"]["caption"] = text
            return True
        return False

    def _quote(self, pieces) -> None:
        text = plain_text(pieces)
        last = self.blocks[-1] if self.blocks else None
        if (
            _DASH.match(text)
            and last
            and last["type"] == "quote"
            and not last["value"]["attribution"]
        ):
            last["value"]["attribution"] = _DASH.sub("", text)
            return
        self._add("quote", {"text": text, "attribution": ""})

    # -- lists -----------------------------------------------------------------

    def _list_item(self, ppr, style: StyleInfo):
        """(list identity, level, ordered) if the paragraph is a list item, else None."""
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = val(numpr.find(w("numId"))) if numpr is not None else None
        level_text = val(numpr.find(w("ilvl"))) if numpr is not None else None
        if num_id is None:
            num_id = style.num_id
        level = int(level_text) if level_text and level_text.isdigit() else style.num_level
        by_name = style.list_kind()
        if num_id is None or num_id == "0":
            if by_name is None or num_id == "0":
                return None
            return (style.names[0], level, by_name == "number")
        fmt = self.numbering.format(num_id, level)
        if fmt == "none":
            return None
        ordered = fmt != "bullet" if fmt else by_name == "number"
        return (num_id, level, ordered)

    def _list(self, pieces, key, level: int, ordered: bool) -> None:
        """An item joins the list before it if it has the same numbering or is deeper."""
        item = to_html([p for p in pieces if isinstance(p, (Text, Break, NoteRef))])
        last = self.blocks[-1] if self.blocks else None
        if (
            last
            and last["type"] == "list"
            and self.list_key is not None
            and (self.list_key == key or level > 0)
        ):
            entries = self.list_entries[id(last["value"])]
            entries.append((level, ordered, item))
            last["value"]["items"] = nested_items(entries)
            return
        self._add("list", {"ordered": ordered, "items": [item]})
        self.list_entries[id(self.blocks[-1]["value"])] = [(level, ordered, item)]
        self.list_key = key

    # -- tables ----------------------------------------------------------------

    def _table(self, tbl) -> None:
        rows = []
        bold_rows = []
        marked_header = False
        for index, tr in enumerate(_children(tbl, w("tr"))):
            if index == 0:
                trpr = tr.find(w("trPr"))
                marked_header = trpr is not None and on_off(trpr.find(w("tblHeader"))) is True
            cells, bold = [], True
            for tc in _children(tr, w("tc")):
                text, cell_bold = self._cell(tc)
                tcpr = tc.find(w("tcPr"))
                merge = tcpr.find(w("vMerge")) if tcpr is not None else None
                continued = merge is not None and val(merge) in (None, "continue")
                cells.append("" if continued else text)
                bold = bold and (cell_bold or not text)
                span = val(tcpr.find(w("gridSpan"))) if tcpr is not None else None
                if span and span.isdigit():
                    cells.extend([""] * (int(span) - 1))
            if any(cells):
                rows.append(cells)
                bold_rows.append(bold)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        header = marked_header or (len(rows) > 1 and bold_rows[0])
        self.table_count += 1
        self._add("table", {"rows": rows, "header": header})

    def _cell(self, tc) -> tuple[str, bool]:
        """A cell's text (paragraphs on separate lines) and whether all of it is bold."""
        lines, pieces_seen = [], []
        for child in _children(tc, w("p"), w("tbl")):
            if child.tag == w("tbl"):
                self.notes.add("nested_table")
                lines.append(self._flat_table(child))
                continue
            style = self.styles.get(_ppr_val(child.find(w("pPr")), "pStyle"), paragraph=True)
            pieces = self.reader.read(child, style, in_table=True)
            text = plain_text(pieces)
            if text:
                lines.append(text)
                pieces_seen.extend(pieces)
            for box in (piece for piece in pieces if isinstance(piece, TextBox)):
                lines.extend(self._box_lines(box))
        return "\n".join(lines), all_bold(pieces_seen)

    def _box_lines(self, box) -> list[str]:
        """A text box in a table cell, as lines of text."""
        lines = []
        for p in _children(box.content, w("p")):
            style = self.styles.get(_ppr_val(p.find(w("pPr")), "pStyle"), paragraph=True)
            text = plain_text(self.reader.read(p, style, in_table=True))
            if text:
                lines.append(text)
        return lines

    def _flat_table(self, tbl) -> str:
        rows = []
        for tr in _children(tbl, w("tr")):
            cells = [self._cell(tc)[0].replace("\n", " ") for tc in _children(tr, w("tc"))]
            rows.append(" | ".join(cell for cell in cells if cell))
        return "\n".join(row for row in rows if row)

    # -- title -----------------------------------------------------------------

    def _title(self) -> tuple[str, str]:
        """The paper's title, and the heading block that gave it taken out of the blocks.

        In order: the core properties' title if it is a real one; the first
        Title-style paragraph; the longest heading of the opening (the headings
        before the first paragraph, where a paper has its unit, a "THAM LUẬN"
        label and its title); the first heading or bold centred line anywhere.
        """
        opening = self._opening_headings()
        core = " ".join((self.document.core_properties.title or "").split())
        if _meaningful_title(core):
            same = [i for i in opening if _text(self.blocks[i]).casefold() == core.casefold()]
            self._take_title(same[0] if same else None)
            return core, "properties"
        titled = [i for i, origin in self.heading_origins.items() if origin == "title_style"]
        candidates = [i for i in opening if not _is_genre_label(_text(self.blocks[i]))]
        if titled:
            chosen, source = titled[0], "style"
        elif candidates:
            chosen = max(candidates, key=lambda i: len(_text(self.blocks[i])))
            source = "bold_centred" if self.heading_origins[chosen] == "bold_centred" else "style"
        else:
            for origin in ("style", "bold_centred"):
                found = [i for i, o in self.heading_origins.items() if o == origin]
                if found:
                    return _text(self.blocks[found[0]]), origin
            return "", ""
        title = _text(self.blocks[chosen])
        self._take_title(chosen if chosen in opening else None)
        return title, source

    def _opening_headings(self) -> list[int]:
        indices = []
        for index, block in enumerate(self.blocks):
            if block["type"] == "heading":
                indices.append(index)
            elif block["type"] != "table":
                break
        return indices

    def _take_title(self, index: int | None) -> None:
        """Remove the block that repeats the title (the page shows the title itself)."""
        if index is not None:
            self.title_words = count_words(_text(self.blocks[index]))
            del self.blocks[index]


def nested_items(entries) -> list[str]:
    """List items from (level, ordered, html) entries: an item with deeper items under it
    becomes "<p>item</p><ul><li>…</li></ul>", as Wagtail's rich text nests lists."""
    roots, stack = [], []
    for level, ordered, item in entries:
        node = (item, ordered, [])
        while stack and stack[-1][0] >= level:
            stack.pop()
        (stack[-1][1][2] if stack else roots).append(node)
        stack.append((level, node))
    return [_item_html(node, top=True) for node in roots]


def _item_html(node, *, top: bool) -> str:
    item, _ordered, children = node
    if not children:
        return item
    sublists = "".join(
        f"<{tag}>{''.join(f'<li>{_item_html(c, top=False)}</li>' for c in group)}</{tag}>"
        for tag, group in itertools.groupby(children, key=lambda c: "ol" if c[1] else "ul")
    )
    return f"<p>{item}</p>{sublists}" if top else f"{item}{sublists}"


def _children(el, *tags):
    """Children of `el` with one of `tags`, looking through content controls and custom XML."""
    for child in el:
        if child.tag in tags:
            yield child
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                yield from _children(content, *tags)
        elif child.tag in _TRANSPARENT:
            yield from _children(child, *tags)


def _ppr_val(ppr, tag: str) -> str | None:
    return val(ppr.find(w(tag))) if ppr is not None else None


def _heading_level(ppr, style: StyleInfo) -> int | None:
    """The heading block level (2-4) of a Title, Heading N or outline-level paragraph."""
    level = style.named_heading()
    if level is None:
        direct = _ppr_val(ppr, "outlineLvl")
        outline = int(direct) if direct and direct.isdigit() else style.outline_level
        if outline is not None and outline <= 8:  # 9 is "body text"
            level = outline + 1
    if level is None:
        return None
    return min(max(level + 1, 2), 4)


def _is_centred(ppr, style: StyleInfo) -> bool:
    jc = _ppr_val(ppr, "jc")
    return jc == "center" if jc is not None else bool(style.centred)


def _is_table_of_contents(sdt) -> bool:
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return (val(gallery) or "").startswith("Table of Contents")


def _meaningful_title(title: str) -> bool:
    lowered = title.casefold()
    return (
        len(title) >= 3
        and any(ch.isalpha() for ch in title)
        and lowered not in _PLACEHOLDER_TITLES
        and not lowered.startswith("microsoft word - ")
        and not lowered.endswith((".doc", ".docx", ".rtf", ".odt"))
    )


def _text(block: dict) -> str:
    return block["value"]["text"]


def _is_genre_label(text: str) -> bool:
    """ "THAM LUẬN", "BÁO CÁO ĐỀ DẪN", ...: what the document is, not its title."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split()) in GENRE_LABELS


def _block_texts(blocks):
    """Every piece of text the blocks carry, for counting words."""
    for block in blocks:
        value = block["value"]
        kind = block["type"]
        if kind == "heading":
            yield value["text"]
        elif kind == "paragraph":
            yield _strip_tags(value["html"])
        elif kind == "list":
            yield from (_strip_tags(item) for item in value["items"])
        elif kind == "table":
            yield from (cell for row in value["rows"] for cell in row)
        elif kind == "quote":
            yield value["text"]
            yield value["attribution"]
        elif kind == "image":
            yield value["caption"]
        elif kind == "aside":
            yield _strip_tags(value["html"])
        elif kind == "notes":
            yield from (_strip_tags(item) for item in value["items"])


# Inline tags join what they touch ("KL/TW<sup>1</sup>" is one word); others separate words.
_TAG = re.compile(r"<(/?(?:b|i|u|a|sup)\b)?[^>]*>")


def _strip_tags(fragment: str) -> str:
    return html.unescape(_TAG.sub(lambda tag: "" if tag.group(1) else " ", fragment))
