"""Dates and money in the reader's conventions, Vietnamese first."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from symposium_pages.formatting import long_date, money, vnd

DAY = datetime.date(2022, 8, 19)


@pytest.mark.parametrize(
    ("language", "date", "amount"),
    [
        ("vi", "ngày 19 tháng 8 năm 2022", "1.250.000 đ"),
        ("en", "19 August 2022", "VND 1,250,000"),
        # Jrai: no Django formats, so the Vietnamese way its readers also use.
        ("jra", "ngày 19 tháng 8 năm 2022", "1.250.000 đ"),
    ],
)
def test_conventions_of_each_language(language, date, amount):
    assert long_date(DAY, language) == date
    assert money(1_250_000, language) == amount
    with translation.override(language):
        rendered = Template("{% load symposium_tags %}{{ day|long_date }} · {{ amount|money }}")
        assert rendered.render(Context({"day": DAY, "amount": 1_250_000})) == f"{date} · {amount}"


def test_empty_and_negative_amounts():
    assert money(None, "en") == money("", "vi") == ""
    assert money(-350, "en") == "-VND 350"
    assert money(-350, "vi") == vnd(-350) == "-350 đ"
    assert long_date(None) == ""
