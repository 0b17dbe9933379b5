"""Vietnamese text folded the way people type without tone marks.

Phones and old keyboards often drop the marks: "xay dung chinh don dang" stands for
"xây dựng, chỉnh đốn Đảng". Folding both the indexed text and the query lets either
spelling find the other; "đ" is a letter of its own in Unicode (no decomposition),
so it is mapped to "d" by hand.
"""

import re
import unicodedata

_WORD = re.compile(r"\w+")


def fold(value):
    """Compare Vietnamese text loosely: no case, diacritics or punctuation; đ as d."""
    decomposed = unicodedata.normalize("NFD", (value or "").casefold().replace("đ", "d"))
    kept = (
        char if char.isalnum() else " " for char in decomposed if not unicodedata.combining(char)
    )
    return " ".join("".join(kept).split())


def syllables(value):
    """The words of `value` as written (NFC, no case), marks kept: for exact matches."""
    return _WORD.findall(unicodedata.normalize("NFC", value or "").casefold())
