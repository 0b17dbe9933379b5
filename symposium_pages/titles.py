"""Page titles from paper titles, which units often type in capitals."""

import re

# Words Vietnamese writes with a capital in the middle of a sentence.
ALWAYS_CAPITALISED = ["Đảng", "Bác", "Nhà nước", "Nhân dân", "Hồ Chí Minh", "Việt Nam", "Tổ quốc"]

_WORD = re.compile(r"\w+", re.UNICODE)


def _proper_words(names):
    """Lowercase word → its capitalised form, from names (first words skipped)."""
    words = {}
    for name in [*names, *ALWAYS_CAPITALISED]:
        for position, match in enumerate(_WORD.finditer(name or "")):
            word = match.group()
            if word[:1].isupper() and (position > 0 or name in ALWAYS_CAPITALISED):
                words.setdefault(word.lower(), word)
    return words


def readable_title(title, names=()):
    """ "NÂNG CAO CHẤT LƯỢNG … PLEIKU" → "Nâng cao chất lượng … Pleiku"; other titles unchanged.

    Proper names are restored from `names` (the unit's, the symposium's): an
    editor checks the title anyway, this saves retyping it.
    """
    title = " ".join((title or "").split())
    letters = [ch for ch in title if ch.isalpha()]
    if not letters or any(ch.islower() for ch in letters):
        return title
    proper = _proper_words(names)
    lowered = _WORD.sub(lambda m: proper.get(m.group().lower(), m.group().lower()), title)
    return lowered[:1].upper() + lowered[1:]
