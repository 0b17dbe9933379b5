"""The plan page refuses inconsistent facts, field by field."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from symposium_pages.models import SymposiumPage
from symposium_pages.validators import validate_plan_number

from .factories import plan_fields

# A page looks up its content type when built: with a cold ContentType cache (a test that
# migrated or flushed the database ran first) that is a query.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", ["92-KH/TU", "92-KH/TƯ", "5-KH/ĐU", "123-KH/BTGTU"])
def test_plan_numbers_in_party_form_are_accepted(number):
    validate_plan_number(number)


@pytest.mark.parametrize(
    "number",
    ["", "92", "92/KH-TU", "383/KH-UBND", "92-KH/tu", "KH/TU", "0-KH/TU", "92-QĐ/TU", "92-KH/T U"],
)
def test_plan_numbers_in_other_forms_are_refused(number):
    with pytest.raises(ValidationError) as caught:
        validate_plan_number(number)
    assert caught.value.code == "plan_number"


def errors_of(page):
    with pytest.raises(ValidationError) as caught:
        page.clean()
    return caught.value.message_dict


def test_a_valid_plan_passes_clean():
    SymposiumPage(**plan_fields()).clean()


def test_deadline_must_fall_before_the_event():
    page = SymposiumPage(**plan_fields(submission_deadline=datetime.date(2022, 8, 25)))
    with translation.override("vi"):
        errors = errors_of(page)
    assert list(errors) == ["submission_deadline"]
    assert "21/08/2022" in errors["submission_deadline"][0]


def test_deadline_on_the_day_of_an_exact_start_is_refused():
    start = timezone.make_aware(datetime.datetime(2022, 8, 19, 8, 0))
    page = SymposiumPage(**plan_fields(event_starts_at=start, event_period=""))
    assert list(errors_of(page)) == ["submission_deadline"]


def test_deadline_before_an_exact_start_is_accepted():
    start = timezone.make_aware(datetime.datetime(2022, 8, 30, 8, 0))
    SymposiumPage(**plan_fields(event_starts_at=start, event_period="")).clean()


def test_a_time_is_required():
    page = SymposiumPage(**plan_fields(event_period="", event_period_start=None))
    assert list(errors_of(page)) == ["event_period"]


def test_a_period_needs_its_earliest_date():
    page = SymposiumPage(**plan_fields(event_period_start=None))
    assert list(errors_of(page)) == ["event_period_start"]


def test_page_limit_must_be_positive(db):
    page = SymposiumPage(**plan_fields(page_limit=0))
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    assert "page_limit" in caught.value.message_dict


def test_plan_number_is_validated_on_full_clean(db):
    page = SymposiumPage(**plan_fields(plan_number="383/KH-UBND"))
    with pytest.raises(ValidationError) as caught:
        page.full_clean(exclude=["path", "depth"])
    assert list(caught.value.message_dict) == ["plan_number"]


def test_end_before_start_is_refused():
    start = timezone.make_aware(datetime.datetime(2022, 8, 30, 8, 0))
    page = SymposiumPage(
        **plan_fields(
            event_starts_at=start,
            event_ends_at=start - datetime.timedelta(hours=1),
            event_period="",
        )
    )
    assert list(errors_of(page)) == ["event_ends_at"]
