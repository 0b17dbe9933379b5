"""Which of the plan's expected parts a paper's headings or opening sentences seem to cover.

The plan asks papers for a structure (the significance and value of the work; the
shortcomings and their causes; the tasks and solutions proposed). Units write it in
many ways: "I. Ý NGHĨA, TẦM QUAN TRỌNG", "Phần thứ hai: Những hạn chế", a bold line,
an auto-numbered list item, or only a paragraph opening "Thứ ba, về giải pháp…",
sometimes typed without tone marks. This module reads the blocks the intake extracted
(or the paper's stored body) and says, for each expected part, where it seems to be.
It is a hint for people, never a reason to refuse: matching words cannot judge content.

Pure: no database, no I/O. The parts are any objects with `label` and `keyword_list()`
(the symposium's `VettingCriterion` rows of kind "part").
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from ..folding import fold

HEADING = "heading"
OPENING_SENTENCE = "opening sentence"

# A short line stands for a heading when it is bold, upper case or numbered.
HEADING_MAX_WORDS = 25
# An opening sentence counts only by its first words: later words wander off the part.
OPENING_WORDS = 10
EVIDENCE_CHARS = 160
# Only a paragraph's head is read (a heading, or an opening's first words): long
# paragraphs cost no more than short ones.
HEAD_CHARS = 1500
OPENING_CHARS = 300

_TAG = re.compile(r"<[^>]+>")
_MARKS = re.compile("[\u0300-\u036f]")
_NOT_ALNUM = re.compile(r"[\W_]+")
_BOLD = re.compile(r"<(b|strong)\b[^>]*>.*?</\1>", re.S)
_WRAPPER = re.compile(r"^\s*<p\b[^>]*>|</p>\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…;:])\s+(?=\S)")
# Numbering and ordinals before a heading or an opening sentence, on text without marks:
# "I.", "1.2.", "a)", "-", "Phần thứ hai:", "Chương 1.", "Thứ nhất,", "Một là,".
_ORDINALS = r"nhat|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi"
_NUMBERING = re.compile(
    r"""^\s*(?:
        (?:phan|chuong|muc|part|section|chapter)\s+(?:thu\s+)?\w+\s*[:.)\-–—]*\s*
      | [ivxlc]+\s*[.)\-–—:]\s*
      | \d+(?:[.\-]\d+)*\s*[.)\-–—:]?\s+
      | [a-z]\s*[.)]\s*
      | [-–—•+*·>]\s*
      | (?:thu\s+(?:"""
    + _ORDINALS
    + r""")|(?:mot|"""
    + _ORDINALS
    + r""")\s+la|truoc\s+het|sau\s+cung|cuoi\s+cung)\s*[,:.]?\s*
    )+""",
    re.X,
)


@dataclass(frozen=True)
class PartHint:
    label: str
    covered: bool
    evidence: str | None = None  # the heading or sentence that matched, as written
    where: str | None = None  # HEADING or OPENING_SENTENCE


class Hints(list):
    """The hints, in the parts' order; `missing` names the parts that seem absent."""

    @property
    def missing(self) -> list[str]:
        return [hint.label for hint in self if not hint.covered]


@dataclass(frozen=True)
class _Line:
    text: str  # as written, tags removed
    heading: bool


def structure_hints(paper, parts) -> Hints:
    """One hint per part, in the parts' order: covered by a heading, else by an opening
    sentence, else missing. `paper` is an ExtractedPaper, or its blocks (extracted or
    stored StreamField raw data)."""
    parts = list(parts or ())
    if not parts:
        return Hints()
    blocks = getattr(paper, "blocks", paper) or []
    lines = list(_lines(blocks))
    headings = [(line.text, _matchable(line.text)) for line in lines if line.heading]
    openings = None  # read only when a part is not in the headings
    hints = Hints()
    for part in parts:
        phrases = part_phrases(part)
        found = _first_mention(headings, phrases)
        if found is not None:
            hints.append(PartHint(str(part.label), True, _evidence(found), HEADING))
            continue
        if openings is None:
            openings = [_opening(line.text) for line in lines if not line.heading]
        found = _first_mention(openings, phrases)
        if found is not None:
            hints.append(PartHint(str(part.label), True, _evidence(found), OPENING_SENTENCE))
        else:
            hints.append(PartHint(str(part.label), False))
    return hints


def _first_mention(candidates, phrases):
    return next((shown for shown, text in candidates if _mentions(text, phrases)), None)


def _opening(text: str):
    """(the first sentence as written, its first words folded)."""
    sentence = _first_sentence(text[: OPENING_CHARS * 2])
    return sentence, _matchable(sentence[:OPENING_CHARS], OPENING_WORDS)


def part_phrases(part) -> list[str]:
    """The part's keywords folded; without keywords, the pieces of its label."""
    keywords = getattr(part, "keyword_list", None)
    words = list(keywords()) if callable(keywords) else []
    if not any(fold(word) for word in words):
        words = re.split(r"[,;/()]|\s+(?:và|hoặc|and|or)\s+", str(part.label))
    phrases = []
    for word in words:
        folded = fold(word)
        if folded and folded not in phrases:
            phrases.append(folded)
    return phrases


def _mentions(text: str, phrases) -> bool:
    padded = f" {text} "
    return any(f" {phrase} " in padded for phrase in phrases)


def _unmarked(text: str) -> str:
    """Lower case without tone marks, đ as d, punctuation kept (numbering needs it).

    Regular expressions rather than `fold`'s loop over characters: a paper's every
    paragraph passes here. The marks of Latin scripts (Vietnamese's all) are the block
    U+0300–U+036F; `test_matching_agrees_with_fold` keeps the two in step.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return _MARKS.sub("", decomposed)


def _matchable(text: str, words: int | None = None) -> str:
    """Text folded as `fold` does, without its leading numbering, cut to `words` words."""
    stripped = _NUMBERING.sub("", _unmarked(text), count=1)
    folded = _NOT_ALNUM.sub(" ", stripped).split()
    return " ".join(folded[:words] if words else folded)


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def _evidence(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EVIDENCE_CHARS:
        return text
    return text[: EVIDENCE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _plain(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment or "")).split())


def _heading_like(fragment: str, text: str) -> bool:
    """A short paragraph or list item written as a heading: bold, upper case or numbered."""
    if not text or len(text.split()) > HEADING_MAX_WORDS:
        return False
    inner = _WRAPPER.sub("", fragment or "")
    if "<b" in inner or "<strong" in inner:
        if not _plain(_BOLD.sub(" ", inner)).strip(" .:;,-–—"):
            return True
    if text.isupper() and len(text) >= 4:  # every cased letter upper case
        return True
    numbered = _NUMBERING.match(_unmarked(text[:40]))
    return bool(numbered) and not text.rstrip().endswith((".", ";", ","))


def _lines(blocks):
    """Headings and paragraphs of the body, with list items read as either."""
    for block in blocks:
        kind, value = block.get("type"), block.get("value")
        if kind == "heading":
            text = value.get("text", "") if isinstance(value, dict) else str(value or "")
            if text.strip():
                yield _Line(" ".join(text.split()), True)
        elif kind == "paragraph":
            fragment = value.get("html", "") if isinstance(value, dict) else str(value or "")
            yield from _fragment_lines(fragment)
        elif kind == "list" and isinstance(value, dict):
            ordered = bool(value.get("ordered"))
            for item in value.get("items") or ():
                fragment = item.get("value", "") if isinstance(item, dict) else str(item)
                # a nested list's item is "<p>item</p><ul>…</ul>": read the item itself
                head = fragment.split("<ul", 1)[0].split("<ol", 1)[0]
                text = _plain(head)
                if text:
                    short = ordered and len(text.split()) <= HEADING_MAX_WORDS
                    heading = (short and not text.endswith(".")) or _heading_like(head, text)
                    yield _Line(text, heading)


def _fragment_lines(fragment: str):
    # a stored paragraph may hold several <p>s (Wagtail's rich text)
    for piece in re.split(r"</p>\s*<p\b[^>]*>", fragment or ""):
        if len(piece) > HEAD_CHARS:  # far longer than a heading: only its opening matters
            text = _plain(piece[:HEAD_CHARS])
            if text:
                yield _Line(text, False)
            continue
        text = _plain(piece)
        if text:
            yield _Line(text, _heading_like(piece, text))
