"""Dates and numbers written the way the reader's language writes them."""

from django.utils import formats, translation


def long_date(value, language=None):
    """ "ngày 19 tháng 8 năm 2022" in Vietnamese, "19 August 2022" in English."""
    if value is None:
        return ""
    language = (language or translation.get_language() or "vi").split("-")[0]
    if language == "vi":
        return f"ngày {value.day} tháng {value.month} năm {value.year}"
    with translation.override(language):
        return formats.date_format(value, "j F Y")


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
