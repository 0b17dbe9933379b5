"""Amounts in Vietnamese words: a table written by hand from the rules, then every form read
back by a small strict parser of its own, over a fixed sample from 0 to 999 999 999 999."""

import random

import pytest

from symposium_pages.amounts import LIMIT, amount_in_words

# Written by hand from the rules (amounts.py's docstring), not produced by the function.
TABLE = [
    (0, "Không đồng"),
    (1, "Một đồng"),
    (4, "Bốn đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi bốn đồng"),
    (25, "Hai mươi lăm đồng"),
    (55, "Năm mươi lăm đồng"),
    (91, "Chín mươi mốt đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),
    (104, "Một trăm linh bốn đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (111, "Một trăm mười một đồng"),
    (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"),
    (205, "Hai trăm linh năm đồng"),
    (999, "Chín trăm chín mươi chín đồng"),
    (1_000, "Một nghìn đồng"),
    (1_001, "Một nghìn không trăm linh một đồng"),
    (1_010, "Một nghìn không trăm mười đồng"),
    (1_015, "Một nghìn không trăm mười lăm đồng"),
    (1_021, "Một nghìn không trăm hai mươi mốt đồng"),
    (1_100, "Một nghìn một trăm đồng"),
    (5_500, "Năm nghìn năm trăm đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (25_025, "Hai mươi lăm nghìn không trăm hai mươi lăm đồng"),
    (41_041, "Bốn mươi mốt nghìn không trăm bốn mươi mốt đồng"),
    (100_000, "Một trăm nghìn đồng"),
    (105_000, "Một trăm linh năm nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_000_005, "Một triệu không trăm linh năm đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
    (1_500_000, "Một triệu năm trăm nghìn đồng"),
    (14_000_000, "Mười bốn triệu đồng"),
    (15_867_500, "Mười lăm triệu tám trăm sáu mươi bảy nghìn năm trăm đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_000_001, "Một tỷ không trăm linh một đồng"),
    (2_000_500_000, "Hai tỷ năm trăm nghìn đồng"),
    (
        1_001_001_001,
        "Một tỷ không trăm linh một triệu không trăm linh một nghìn không trăm linh một đồng",
    ),
    (
        115_015_015_015,
        "Một trăm mười lăm tỷ không trăm mười lăm triệu không trăm mười lăm nghìn "
        "không trăm mười lăm đồng",
    ),
    (
        999_999_999_999,
        "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín "
        "nghìn chín trăm chín mươi chín đồng",
    ),
]

OPTIONS = [
    (1_005_000, {"thousand": "ngàn"}, "Một triệu không trăm linh năm ngàn đồng"),
    (1_000, {"thousand": "ngàn"}, "Một ngàn đồng"),
    (105, {"linh": "lẻ"}, "Một trăm lẻ năm đồng"),
    (1_000_005, {"linh": "lẻ"}, "Một triệu không trăm lẻ năm đồng"),
    (24, {"four": "tư"}, "Hai mươi tư đồng"),
    # "tư" only after "mươi": 14 and 104 keep "bốn".
    (14, {"four": "tư"}, "Mười bốn đồng"),
    (104, {"four": "tư"}, "Một trăm linh bốn đồng"),
    (15_000_000, {"even": True}, "Mười lăm triệu đồng chẵn"),
    (15_867_500, {"even": True}, "Mười lăm triệu tám trăm sáu mươi bảy nghìn năm trăm đồng"),
    (0, {"even": True}, "Không đồng"),
]


@pytest.mark.parametrize(("amount", "words"), TABLE)
def test_the_hand_written_table(amount, words):
    assert amount_in_words(amount) == words


@pytest.mark.parametrize(("amount", "options", "words"), OPTIONS)
def test_the_options(amount, options, words):
    assert amount_in_words(amount, **options) == words


@pytest.mark.parametrize("amount", [-1, -15_000, LIMIT + 1, 10**13])
def test_amounts_out_of_range_are_refused(amount):
    with pytest.raises(ValueError, match="999,999,999,999"):
        amount_in_words(amount)


@pytest.mark.parametrize("amount", [1.5, "1000", True, None])
def test_only_whole_numbers(amount):
    with pytest.raises(TypeError):
        amount_in_words(amount)


@pytest.mark.parametrize(("option", "value"), [("thousand", "ngan"), ("linh", "le"), ("four", "4")])
def test_unknown_words_are_refused(option, value):
    with pytest.raises(ValueError, match=option):
        amount_in_words(5, **{option: value})


# --- an independent, strict reader of the words -------------------------------------------

VALUES = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
AFTER_MUOI = {"mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8,
              "chín": 9}  # fmt: skip
AFTER_MUOI_TU = {**AFTER_MUOI, "tư": 4}
AFTER_MUOI_TU.pop("bốn")
AFTER_MUOI_TEN = {**VALUES, "lăm": 5}
AFTER_MUOI_TEN.pop("năm")


class NotVietnamese(ValueError):
    pass


def read_group(words, *, first, linh, four):
    """1–999 from the words of one group; inner groups must say their hundreds."""
    value, rest = 0, list(words)
    if len(rest) >= 2 and rest[1] == "trăm":
        digit = rest[0]
        if digit == "không" and not first:
            pass
        elif digit in VALUES:
            value = VALUES[digit] * 100
        else:
            raise NotVietnamese(f"hundreds: {words}")
        rest = rest[2:]
    elif not first:
        raise NotVietnamese(f"an inner group without its hundreds: {words}")
    said_hundreds = len(rest) < len(words)
    after_muoi = AFTER_MUOI_TU if four == "tư" else AFTER_MUOI
    if not rest:
        pass
    elif rest[0] == linh:
        if not said_hundreds or len(rest) != 2 or rest[1] not in VALUES:
            raise NotVietnamese(f"linh: {words}")
        value += VALUES[rest[1]]
    elif rest[0] == "mười":
        if len(rest) > 2 or (len(rest) == 2 and rest[1] not in AFTER_MUOI_TEN):
            raise NotVietnamese(f"mười: {words}")
        value += 10 + (AFTER_MUOI_TEN[rest[1]] if len(rest) == 2 else 0)
    elif len(rest) >= 2 and rest[1] == "mươi":
        if rest[0] not in VALUES or rest[0] == "một" or len(rest) > 3:
            raise NotVietnamese(f"mươi: {words}")
        if len(rest) == 3 and rest[2] not in after_muoi:
            raise NotVietnamese(f"after mươi: {words}")
        value += VALUES[rest[0]] * 10 + (after_muoi[rest[2]] if len(rest) == 3 else 0)
    elif len(rest) == 1 and not said_hundreds and rest[0] in VALUES:
        value += VALUES[rest[0]]
    else:
        raise NotVietnamese(f"tens and units: {words}")
    if not value:
        raise NotVietnamese(f"a group of zeros is not said: {words}")
    return value


def read_amount(text, *, thousand="nghìn", linh="linh", four="bốn"):
    if text == "Không đồng":
        return 0
    if not text[:1].isupper() or not text.endswith(" đồng"):
        raise NotVietnamese(text)
    words = (text[0].lower() + text[1:]).split()[:-1]
    scales = {"tỷ": 10**9, "triệu": 10**6, thousand: 1000}
    total, group, last_scale = 0, [], None
    for word in [*words, None]:
        if word is not None and word not in scales:
            group.append(word)
            continue
        if word is None and not group and last_scale is not None:
            break  # the units group is all zeros: "một nghìn đồng"
        scale = scales[word] if word is not None else 1
        if last_scale is not None and scale >= last_scale:
            raise NotVietnamese(f"scales out of order: {text}")
        if not group:
            raise NotVietnamese(f"a scale with no number: {text}")
        total += read_group(group, first=last_scale is None, linh=linh, four=four) * scale
        group, last_scale = [], scale
    return total


@pytest.mark.parametrize(
    "wrong",
    [
        "Hai mươi một đồng",  # mốt
        "Mười năm đồng",  # lăm
        "Một trăm linh lăm đồng",  # năm after linh
        "Một triệu linh năm đồng",  # không trăm
        "Một trăm năm đồng",  # linh
        "Một mươi đồng",  # mười
        "Một triệu không nghìn đồng",
        "một đồng",
        "Một nghìn triệu đồng",
    ],
)
def test_the_reader_refuses_wrong_forms(wrong):
    with pytest.raises(NotVietnamese):
        read_amount(wrong)


def test_the_reader_reads_the_table():
    assert [read_amount(words) for _amount, words in TABLE] == [amount for amount, _ in TABLE]


def sample():
    """Every amount to 2 000, every group value in every position, and 20 000 random
    amounts of every length, half of them with zeros scattered in their digits."""
    chosen = set(range(2001))
    for value in range(1, 1000):
        chosen.update(value * 1000**power for power in range(4))
        chosen.add(1_000_000_000 + value * 1000 + value)
    rng = random.Random(20)
    for index in range(20_000):
        length = rng.randint(1, 12)
        if index % 2:
            digits = [rng.choice("0000123456789") for _ in range(length)]
            chosen.add(int("".join(digits)))
        else:
            chosen.add(rng.randint(10 ** (length - 1), 10**length - 1))
    chosen.add(LIMIT)
    return sorted(chosen)


@pytest.mark.parametrize(
    "options",
    [{}, {"thousand": "ngàn", "linh": "lẻ", "four": "tư"}],
    ids=["accounting", "ngàn-lẻ-tư"],
)
def test_every_sampled_amount_reads_back(options):
    amounts = sample()
    assert len(amounts) > 20_000
    wrong = [
        amount
        for amount in amounts
        if read_amount(amount_in_words(amount, **options), **options) != amount
    ]
    assert wrong == []


def test_a_word_for_a_thousand_the_documents_cannot_use_is_a_system_error(settings):
    from symposium_pages.checks import amount_words

    assert amount_words() == []
    settings.SYMPOSIUM_THOUSAND_WORD = "ngàn"
    assert amount_words() == []
    settings.SYMPOSIUM_THOUSAND_WORD = "ngan"
    [error] = amount_words()
    assert error.id == "symposium_pages.E007"
    assert error.hint == 'Set it to "nghìn" or "ngàn".'
