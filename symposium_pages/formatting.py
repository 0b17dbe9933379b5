"""Dates and numbers written the way the reader's language writes them."""

from django.conf.locale import LANG_INFO
from django.utils import formats, translation


def _language(language):
    return (language or translation.get_language() or "vi").split("-")[0]


def _vietnamese_conventions(language):
    """Vietnamese, and the languages of Vietnam Django has no formats for (Jrai, Bahnar),
    whose readers write dates and amounts the Vietnamese way."""
    return language == "vi" or language not in LANG_INFO


def long_date(value, language=None):
    """ "ngày 19 tháng 8 năm 2022" in Vietnamese, "19 August 2022" in English."""
    if value is None:
        return ""
    language = _language(language)
    if _vietnamese_conventions(language):
        return f"ngày {value.day} tháng {value.month} năm {value.year}"
    with translation.override(language):
        return formats.date_format(value, "j F Y")


def money(amount, language=None):
    """An amount of đồng in the reader's conventions: "1.250.000 đ" in Vietnamese,
    "VND 1,250,000" in English (grouping from Django's formats for other languages)."""
    if amount is None or amount == "":
        return ""
    language = _language(language)
    if _vietnamese_conventions(language):
        return vnd(amount)
    value = int(round(amount))
    with translation.override(language):
        digits = formats.number_format(abs(value), 0, use_l10n=True, force_grouping=True)
    return f"-VND {digits}" if value < 0 else f"VND {digits}"


def party_date_line(place, value):
    """The date line of a Party document: days under 10 and months 1–2 get a leading zero."""
    day = f"{value.day:02d}" if value.day < 10 else str(value.day)
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {day} tháng {month} năm {value.year}"


def vnd(amount):
    """An amount of đồng as Vietnamese documents write it: 1250000 → "1.250.000 đ"."""
    if amount is None or amount == "":
        return ""
    value = int(round(amount))
    digits = f"{abs(value):,}".replace(",", ".")
    return f"-{digits} đ" if value < 0 else f"{digits} đ"
