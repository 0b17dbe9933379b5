"""An English plan is a translation for readers: papers are received, counted and
printed on the Vietnamese original only."""

import datetime

import pytest
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Locale

from symposium_pages.management.lookups import find_symposium
from symposium_pages.progress import open_symposia

from .factories import make_plan, release


@pytest.fixture
def plans(home_page):
    plan = make_plan(home_page)
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = plan.copy_for_translation(english, copy_parents=True, alias=False)
    release(translated)
    translated.refresh_from_db()
    return plan, translated.specific


def test_the_admin_works_on_the_original(admin_client, plans):
    plan, english = plans
    assert english.slug == plan.slug
    assert find_symposium(plan.slug).pk == plan.pk
    with pytest.raises(CommandError):
        find_symposium(str(english.pk))
    before_the_event = datetime.date(2022, 8, 1)
    assert [symposium.pk for symposium in open_symposia(before_the_event)] == [plan.pk]

    def buttons(page):
        html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        urls = {
            "receive": reverse("symposium_pages_receive_paper", args=[page.pk]),
            "booklet": reverse("symposium_pages_booklet", args=[page.pk]),
            "report": reverse("symposium_pages_results_report", args=[page.pk]),
        }
        return {name for name, url in urls.items() if f'href="{url}' in html}

    assert buttons(plan) == {"receive", "booklet", "report"}
    assert buttons(english) == set()

    report = admin_client.get(reverse("symposium_pages_invitation_report"))
    choices = report.context["filters"].form.fields["symposium"].queryset
    assert list(choices) == [plan]


def test_receiving_into_a_translation_is_not_found(admin_client, plans):
    plan, english = plans
    assert (
        admin_client.get(reverse("symposium_pages_receive_paper", args=[plan.pk])).status_code
        == 200
    )
    assert (
        admin_client.get(reverse("symposium_pages_receive_paper", args=[english.pk])).status_code
        == 404
    )
    assert (
        admin_client.get(reverse("symposium_pages_booklet", args=[english.pk])).status_code == 404
    )
