"""What styles and numbering definitions mean for one paragraph or run.

Word stores formatting in layers: the run's own properties, its character
style, the paragraph style (each with a chain of `basedOn` ancestors) and the
document defaults. Headings, quotes and lists are recognised by style names
and numbering formats. Everything here is resolved once per document.
"""

import re
from dataclasses import dataclass

from .ooxml import on_off, val, w

_HEADING = re.compile(r"^heading\s*(\d)$")
_LIST_BULLET = re.compile(r"^list bullet(\s*\d)?$")
_LIST_NUMBER = re.compile(r"^list number(\s*\d)?$")
_TOGGLES = ("b", "i", "u")


@dataclass(frozen=True)
class StyleInfo:
    """A style with its basedOn chain folded in."""

    names: tuple[str, ...] = ()  # lower-case names, the style's own first
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    centred: bool | None = None
    outline_level: int | None = None
    num_id: str | None = None
    num_level: int = 0
    font: str | None = None  # the Western (hAnsi, else ascii) font name, if the style sets one

    def named_heading(self) -> int | None:
        """0 for Title, 1-9 for Heading 1-9, by the style's name or an ancestor's."""
        for name in self.names:
            if name == "title":
                return 0
            match = _HEADING.match(name)
            if match and match.group(1) != "0":
                return int(match.group(1))
        return None

    def is_named(self, *names: str) -> bool:
        return any(name in names for name in self.names)

    def list_kind(self) -> str | None:
        """ "bullet" or "number" for Word's List Bullet / List Number styles."""
        for name in self.names:
            if _LIST_BULLET.match(name):
                return "bullet"
            if _LIST_NUMBER.match(name):
                return "number"
        return None


def run_font(rpr) -> str | None:
    """The font a run's properties name for Western text (hAnsi, else ascii); None if themed."""
    fonts = rpr.find(w("rFonts")) if rpr is not None else None
    if fonts is None:
        return None
    return fonts.get(w("hAnsi")) or fonts.get(w("ascii"))


def _toggles(rpr) -> dict[str, bool | None]:
    if rpr is None:
        return dict.fromkeys(_TOGGLES)
    return {tag: on_off(rpr.find(w(tag))) for tag in _TOGGLES}


class StyleSheet:
    def __init__(self, styles_root):
        self._raw = {}
        self._resolved: dict[str, StyleInfo] = {}
        self.default_paragraph = None
        self.defaults = dict.fromkeys(_TOGGLES, False)
        self.default_font = None
        if styles_root is None:
            return
        run_defaults = styles_root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_font = run_font(run_defaults)
        for tag, value in _toggles(run_defaults).items():
            self.defaults[tag] = bool(value)
        for style in styles_root.iter(w("style")):
            style_id = style.get(w("styleId"))
            if style_id is None:
                continue
            self._raw[style_id] = style
            is_default = style.get(w("default")) in ("1", "true", "on")
            if style.get(w("type")) == "paragraph" and is_default and not self.default_paragraph:
                self.default_paragraph = style_id

    def get(self, style_id: str | None, *, paragraph: bool = False) -> StyleInfo:
        """The resolved style; for paragraphs with no pStyle, the default paragraph style."""
        if style_id is None and paragraph:
            style_id = self.default_paragraph
        if style_id is None or style_id not in self._raw:
            return StyleInfo()
        if style_id not in self._resolved:
            self._resolved[style_id] = self._resolve(style_id)
        return self._resolved[style_id]

    def _resolve(self, style_id: str) -> StyleInfo:
        fields: dict = {"names": []}
        seen = set()
        while style_id in self._raw and style_id not in seen:
            seen.add(style_id)
            style = self._raw[style_id]
            name = val(style.find(w("name")))
            if name:
                fields["names"].append(" ".join(name.lower().split()))
            rpr = style.find(w("rPr"))
            if fields.get("font") is None:
                fields["font"] = run_font(rpr)
            rpr_toggles = _toggles(rpr)
            for tag, key in (("b", "bold"), ("i", "italic"), ("u", "underline")):
                if fields.get(key) is None:
                    fields[key] = rpr_toggles[tag]
            ppr = style.find(w("pPr"))
            if ppr is not None:
                self._paragraph_fields(ppr, fields)
            style_id = val(style.find(w("basedOn")))
        fields["names"] = tuple(fields["names"])
        return StyleInfo(**{key: value for key, value in fields.items() if value is not None})

    @staticmethod
    def _paragraph_fields(ppr, fields: dict) -> None:
        jc = val(ppr.find(w("jc")))
        if fields.get("centred") is None and jc is not None:
            fields["centred"] = jc == "center"
        level = val(ppr.find(w("outlineLvl")))
        if fields.get("outline_level") is None and level is not None and level.isdigit():
            fields["outline_level"] = int(level)
        numpr = ppr.find(w("numPr"))
        if fields.get("num_id") is None and numpr is not None:
            num_id = val(numpr.find(w("numId")))
            if num_id is not None:
                fields["num_id"] = num_id
                ilvl = val(numpr.find(w("ilvl")))
                fields["num_level"] = int(ilvl) if ilvl and ilvl.isdigit() else 0


class Numbering:
    """The numFmt ("bullet", "decimal", "lowerLetter", ...) of each list and level."""

    def __init__(self, numbering_root):
        self._abstract: dict[str, dict[int, str]] = {}
        self._nums: dict[str, dict[int, str]] = {}
        if numbering_root is None:
            return
        for abstract in numbering_root.iter(w("abstractNum")):
            self._abstract[abstract.get(w("abstractNumId"))] = self._levels(abstract)
        for num in numbering_root.iter(w("num")):
            levels = dict(self._abstract.get(val(num.find(w("abstractNumId"))), {}))
            for override in num.iter(w("lvlOverride")):
                levels.update(self._levels(override))
            self._nums[num.get(w("numId"))] = levels

    @staticmethod
    def _levels(el) -> dict[int, str]:
        levels = {}
        for lvl in el.iter(w("lvl")):
            ilvl = lvl.get(w("ilvl"), "0")
            fmt = val(lvl.find(w("numFmt")))
            if ilvl.isdigit() and fmt:
                levels[int(ilvl)] = fmt
        return levels

    def format(self, num_id: str, level: int) -> str | None:
        return self._nums.get(num_id, {}).get(level)
