"""Vietnamese typed before Unicode: the TCVN3 (ABC) and VNI font encodings.

Before Unicode, Vietnamese offices typed with fonts that drew Vietnamese
letters in the places of Western ones: TCVN3 (TCVN 5712:1993, the "ABC"
fonts .VnTime, .VnArial, ...) one byte per letter, VNI (VNI-Times, ...) a
base letter followed by a byte for its marks. A .docx keeps those bytes as
the Western letters they stand for ("ViÖt Nam", "Vieät Nam"), so a paper
copied from an old file reads as gibberish on the web unless it is
converted. The tables below were written from the published code charts
and checked against independent converters.
"""

import re

TCVN3 = "tcvn3"
VNI = "vni"

# TCVN3 (VN3, the ABC fonts): one code per lower-case letter, plus the seven
# plain capitals; capitals with tone marks come from the "H" fonts (.VnTimeH),
# which draw every letter as a capital.
_TCVN3_LETTERS = {
    "à": "µ", "á": "¸", "ả": "¶", "ã": "·", "ạ": "¹",
    "ă": "¨", "ằ": "»", "ắ": "¾", "ẳ": "¼", "ẵ": "½", "ặ": "Æ",
    "â": "©", "ầ": "Ç", "ấ": "Ê", "ẩ": "È", "ẫ": "É", "ậ": "Ë",
    "đ": "®",
    "è": "Ì", "é": "Ð", "ẻ": "Î", "ẽ": "Ï", "ẹ": "Ñ",
    "ê": "ª", "ề": "Ò", "ế": "Õ", "ể": "Ó", "ễ": "Ô", "ệ": "Ö",
    "ì": "×", "í": "Ý", "ỉ": "Ø", "ĩ": "Ü", "ị": "Þ",
    "ò": "ß", "ó": "ã", "ỏ": "á", "õ": "â", "ọ": "ä",
    "ô": "«", "ồ": "å", "ố": "è", "ổ": "æ", "ỗ": "ç", "ộ": "é",
    "ơ": "¬", "ờ": "ê", "ớ": "í", "ở": "ë", "ỡ": "ì", "ợ": "î",
    "ù": "ï", "ú": "ó", "ủ": "ñ", "ũ": "ò", "ụ": "ô",
    "ư": "\u00ad", "ừ": "õ", "ứ": "ø", "ử": "ö", "ữ": "÷", "ự": "ù",
    "ỳ": "ú", "ý": "ý", "ỷ": "û", "ỹ": "ü", "ỵ": "þ",
    "Ă": "¡", "Â": "¢", "Đ": "§", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦",
}  # fmt: skip
_FROM_TCVN3 = str.maketrans({code: letter for letter, code in _TCVN3_LETTERS.items()})

# VNI: the base letter, then one byte for its marks (tone alone, or the
# circumflex/breve with a tone); i, y with a dot, đ, ơ and ư are single bytes.
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",  # tones
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",  # circumflex, with a tone
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",  # breve, with a tone
}  # fmt: skip
_VNI_SINGLE = {
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "ô": "ơ", "ö": "ư", "ñ": "đ",
}  # fmt: skip
# Which marks each base letter takes in VNI (the circumflex on a/e/o, the breve on a only).
_VNI_BASES = {"a": "ùøûõïâáàåãäêéèúüë", "e": "ùøûõïâáàåãä", "o": "ùøûõïâáàåãä", "u": "ùøûõï",
              "y": "ùøûõ", "ô": "ùøûõï", "ö": "ùøûõï"}  # fmt: skip


def _vni_table() -> dict[str, str]:
    import unicodedata

    table = {}
    for base, marks in _VNI_BASES.items():
        for mark in marks:
            letter = _VNI_SINGLE.get(base, base)
            composed = unicodedata.normalize("NFC", letter + _VNI_MARKS[mark])
            table[base + mark] = composed
            # Capitals take the capital mark byte; a capital with a small one also occurs.
            table[base.upper() + mark.upper()] = composed.upper()
            table[base.upper() + mark] = composed.upper()
    for code, letter in _VNI_SINGLE.items():
        table[code] = letter
        table[code.upper()] = letter.upper()
    return table


_FROM_VNI = _vni_table()
# Longest sequences first, so "ôù" (ớ) is read before "ô" (ơ).
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _FROM_VNI), key=len, reverse=True)))

# The font each family of legacy fonts imitates, for measuring the converted text.
_UNICODE_FACES = (
    ("arial narrow", "Arial Narrow"),
    ("arial", "Arial"),
    ("helve", "Arial"),
    ("avant", "Arial"),
    ("univer", "Arial"),
    ("courier", "Courier New"),
    ("book", "Book Antiqua"),
    ("century", "Century Schoolbook"),
    ("time", "Times New Roman"),
)
DEFAULT_FACE = "Times New Roman"


def encoding_of(font: str | None) -> str | None:
    """TCVN3 for the ".Vn…" (ABC) fonts, VNI for the "VNI-…" fonts, else None."""
    name = (font or "").strip()
    if name.lower().startswith(".vn"):
        return TCVN3
    if re.match(r"vni[-\s]", name, re.IGNORECASE):
        return VNI
    return None


def is_capitals_font(font: str | None) -> bool:
    """The TCVN3 "H" fonts (.VnTimeH, .VnArialH) draw every letter as a capital."""
    name = (font or "").strip()
    return encoding_of(name) == TCVN3 and name.endswith("H")


def unicode_font_for(font: str | None) -> str | None:
    """The Unicode font a legacy Vietnamese font imitates (.VnTime → Times New Roman), or None
    for a font that is not a legacy one. The text is shown, and should be measured, in it."""
    if encoding_of(font) is None:
        return None
    name = font.strip().lower()
    for part, face in _UNICODE_FACES:
        if part in name:
            return face
    return DEFAULT_FACE


def to_unicode(text: str, encoding: str, *, capitals: bool = False) -> str:
    """`text` as typed in a font of `encoding`, in Unicode (NFC)."""
    if encoding == TCVN3:
        converted = text.translate(_FROM_TCVN3)
    elif encoding == VNI:
        converted = _VNI_PATTERN.sub(lambda match: _FROM_VNI[match.group(0)], text)
    else:
        return text
    return converted.upper() if capitals else converted


# -- recognising legacy text whose font name was lost --------------------------------------------

# Both encodings put Vietnamese letters in the places of Latin-1 ones.
_LATIN1 = re.compile("[\u00a0-\u00ff]")
# Letters that Unicode Vietnamese has and neither legacy encoding produces.
_UNICODE_VIETNAMESE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
# TCVN3 codes that are rare inside words of any Western language.
# Beside a letter of the encoding (ASCII or a Latin-1 code), not a Cyrillic or Greek one.
_TCVN3_MARKERS = re.compile(
    r"(?<=[A-Za-z\u00a1-\u00ff])[µ¸¹¶·»¼½¾¨©ª«¬®\u00ad]"
    r"|[µ¸¹¶·»¼½¾¨©ª«¬®§](?=[A-Za-z\u00a1-\u00ff])"
)
# A VNI vowel with its mark byte after it, as in "Vieät", "hoøa".
_VNI_MARKERS = re.compile(r"[aeouyAEOUYôöÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")
_WORD = re.compile(r"\S+")


def looks_unicode(text: str) -> bool:
    """Whether `text` holds letters only Unicode Vietnamese has (ă, ơ, ệ ...): text typed in
    Unicode but set in a legacy font, which must not be converted."""
    return bool(_UNICODE_VIETNAMESE.search(text))


def _other_script(text: str) -> bool:
    """Letters beyond Latin (Cyrillic, Greek, CJK ...): legacy Vietnamese has none."""
    return any(ord(ch) > 0x24F and ch.isalpha() for ch in text)


def guess_encoding(text: str) -> str | None:
    """TCVN3 or VNI when `text` (a paragraph) reads as Vietnamese typed in a legacy font.

    At least three telling letters are required, in at least a quarter of the words, and no
    letter that only Unicode Vietnamese has: French or Spanish words ("aún", "Noël") in a
    sentence do not qualify.
    """
    if not _LATIN1.search(text) or looks_unicode(text) or _other_script(text):
        return None
    words = len(_WORD.findall(text))
    for encoding, pattern in ((TCVN3, _TCVN3_MARKERS), (VNI, _VNI_MARKERS)):
        hits = {match.start() for match in pattern.finditer(text)}
        marked_words = sum(1 for word in _WORD.findall(text) if pattern.search(word))
        if len(hits) >= 3 and marked_words * 4 >= words:
            return encoding
    return None
