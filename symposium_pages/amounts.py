"""Amounts of đồng in Vietnamese words, as the "Bằng chữ: …" line of a finance document.

The rules, as accounting offices read numbers aloud:

- Digits go in groups of three: đơn vị, nghìn (or ngàn), triệu, tỷ; a group of
  zeros says nothing ("một triệu đồng", "hai tỷ năm trăm nghìn đồng").
- The first group says only what it has ("năm", "mười lăm", "một trăm linh
  năm"); every group after it says all three digits, so a group without
  hundreds reads "không trăm" ("một triệu không trăm linh năm nghìn đồng").
- Tens: 10–19 "mười …", 20–99 "hai mươi …"; no tens before a unit is "linh"
  (or "lẻ"): "một trăm linh năm".
- Units after tens: 1 is "mốt" after "mươi" (21 "hai mươi mốt") but "một" after
  "mười" (11) and "linh" (101); 5 is "lăm" after "mười"/"mươi" (15, 25) but
  "năm" alone and after "linh" (5, 105); 4 after "mươi" is "bốn" (the accounting
  form, the default) or "tư" on request (24 "hai mươi tư").
- The words end in "đồng", the first letter capitalised; zero is "Không đồng".
- "chẵn" ("… đồng chẵn") is not written by default: Thông tư 107/2017/TT-BTC's
  forms do not ask for it. `even=True` writes it after a round amount, one that
  is a whole number of thousands, as some offices do so nothing can be added.

No Django here: the caller passes the configured word for a thousand
(SYMPOSIUM_THOUSAND_WORD, read in `conf`).
"""

from __future__ import annotations

LIMIT = 999_999_999_999
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
THOUSAND_WORDS = ("nghìn", "ngàn")
LINH_WORDS = ("linh", "lẻ")
FOUR_WORDS = ("bốn", "tư")


def _units_after_tens(digit: int, tens: int, four: str) -> str:
    """The unit digit said after "mười" (tens == 1) or "… mươi" (tens >= 2)."""
    if digit == 5:
        return "lăm"
    if tens >= 2 and digit == 1:
        return "mốt"
    if tens >= 2 and digit == 4:
        return four
    return DIGITS[digit]


def _group(value: int, *, full: bool, linh: str, four: str) -> list[str]:
    """The words of one group of three digits (1–999); `full` says "không trăm" too."""
    hundreds, tens, units = value // 100, value // 10 % 10, value % 10
    words = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(linh)
            words.append(DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append(_units_after_tens(units, 1, four))
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append(_units_after_tens(units, tens, four))
    return words


def amount_in_words(
    n: int,
    *,
    thousand: str = "nghìn",
    linh: str = "linh",
    four: str = "bốn",
    even: bool = False,
) -> str:
    """ "Mười lăm triệu tám trăm sáu mươi bảy nghìn năm trăm đồng" for 15_867_500.

    `thousand` is "nghìn" or "ngàn", `linh` "linh" or "lẻ", `four` the word for 4
    after "mươi" ("bốn" or "tư"); `even` adds "chẵn" after a whole number of
    thousands. Refuses amounts below 0 or above 999 999 999 999 (ValueError).
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"An amount of đồng is a whole number, not {n!r}.")
    if n < 0 or n > LIMIT:
        raise ValueError(f"Amounts from 0 to {LIMIT:,} đồng can be written in words, not {n:,}.")
    for name, value, allowed in (
        ("thousand", thousand, THOUSAND_WORDS),
        ("linh", linh, LINH_WORDS),
        ("four", four, FOUR_WORDS),
    ):
        if value not in allowed:
            raise ValueError(f"{name} is one of {', '.join(allowed)}, not {value!r}.")
    if n == 0:
        return "Không đồng"
    scales = ("tỷ", "triệu", thousand, "")
    groups = (n // 1_000_000_000, n // 1_000_000 % 1000, n // 1000 % 1000, n % 1000)
    words: list[str] = []
    for value, scale in zip(groups, scales, strict=True):
        if not value:
            continue
        words += _group(value, full=bool(words), linh=linh, four=four)
        if scale:
            words.append(scale)
    words.append("đồng")
    if even and n % 1000 == 0:
        words.append("chẵn")
    text = " ".join(words)
    return text[0].upper() + text[1:]
