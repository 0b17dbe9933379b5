"""Rich text as Wagtail stores it (`<p>` with `<b>`, `<i>`, `<u>`, links) turned into Word runs."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

BOLD = {"b", "strong"}
ITALIC = {"i", "em"}
UNDERLINE = {"u"}
SUPERSCRIPT = {"sup"}
LISTS = {"ul", "ol"}
SPACES = re.compile(r"[ \t\r\f\v]+")
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", *LISTS}


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    superscript: bool = False  # in a paper, a note's number


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[Span]] = []
        self.levels: list[tuple[int, bool]] = []  # each paragraph's list depth, and if numbered
        self.current: list[Span] = []
        self.stack: list[str] = []

    def _flush(self):
        if any(span.text.strip() for span in self.current):
            self.paragraphs.append(_tidy(self.current))
            lists = [tag for tag in self.stack if tag in LISTS]
            self.levels.append((len(lists), bool(lists) and lists[-1] == "ol"))
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self._flush()
        elif tag == "br":
            self.current.append(Span("\n"))
            return
        self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.current.append(Span("\n"))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self._flush()
        if tag in self.stack:
            index = len(self.stack) - 1 - self.stack[::-1].index(tag)
            del self.stack[index:]

    def handle_data(self, data):
        if not data:
            return
        tags = set(self.stack)
        self.current.append(
            Span(
                " ".join(data.split("\n")) if data.strip() else " ",
                bold=bool(tags & BOLD),
                italic=bool(tags & ITALIC),
                underline=bool(tags & UNDERLINE),
                superscript=bool(tags & SUPERSCRIPT),
            )
        )


def _tidy(spans: list[Span]) -> list[Span]:
    """Collapse runs of white space as a browser would, and trim the paragraph's ends."""
    out: list[Span] = []
    previous_space = True
    for span in spans:
        if span.text == "\n":
            out.append(span)
            previous_space = True
            continue
        text = SPACES.sub(" ", span.text)
        if previous_space and text.startswith(" "):
            text = text[1:]
        if text:
            previous_space = text.endswith(" ")
            out.append(Span(text, span.bold, span.italic, span.underline, span.superscript))
    while out and out[-1].text in (" ", "\n"):
        out.pop()
    if out and out[-1].text.endswith(" "):
        last = out[-1]
        out[-1] = Span(
            last.text.rstrip(" "), last.bold, last.italic, last.underline, last.superscript
        )
    return out


def paragraphs(source: str) -> list[list[Span]]:
    """The paragraphs of a rich-text fragment, each a list of formatted spans."""
    parser = _Parser()
    parser.feed(source or "")
    parser.close()
    parser._flush()
    return parser.paragraphs


def outline(source: str) -> list[tuple[int, bool, list[Span]]]:
    """The paragraphs of a fragment with their list depth (0 outside any list, 1 in a
    list, 2 in a list inside it ...) and whether that list is numbered."""
    parser = _Parser()
    parser.feed(source or "")
    parser.close()
    parser._flush()
    return [(*level, spans) for level, spans in zip(parser.levels, parser.paragraphs, strict=True)]


def plain(source: str) -> str:
    """The text of a fragment without its markup (for titles and table cells)."""
    return "\n".join("".join(span.text for span in spans) for spans in paragraphs(source))


def unescape(text: str) -> str:
    return html.unescape(text or "")
