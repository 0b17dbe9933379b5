"""The add-on's public pages run as many queries with 200 papers and units as with 5.

Each page is requested cold (the cache emptied: no cached fragment) and warm, with the
page cache off (SYMPOSIUM_PAGE_CACHE_SECONDS=0: every request renders). One paper goes
through the workflow as editors publish it; the others (to 5, then to 200), their units
and invitations are written in bulk in one transaction (live pages added with treebeard's
add_child, no revision) and the plan is stamped once, as a publish would do: the test
takes seconds, not the minutes 200 workflows would.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from symposium_pages.models import Invitation, PaperPage, Unit
from symposium_pages.programme import in_programme_order
from symposium_pages.reading import touch_symposia

from .reading import AUGUST, coverage, paper, picture, symposium, units_page


def count(client, url):
    """Queries of one request, counted where they are executed (nothing else sees them)."""
    made = []

    def counter(execute, sql, params, many, context):
        made.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(made)


def measure(client, pages):
    cache.clear()
    for url in pages.values():
        client.get(url)  # renditions made
    found = {}
    for name, url in pages.items():
        cache.clear()
        found[name] = (count(client, url), count(client, url))  # cold, warm
    return found


def urls(plan, units):
    papers = in_programme_order(PaperPage.objects.live().child_of(plan))
    return {
        "plan": plan.url,
        "units page": units.url,
        "first paper": papers.first().url,
        "a middle paper": papers[3].url,
        "feed": f"{plan.url}feed/",
        "calendar": f"{plan.url}calendar/",
    }


@transaction.atomic
def grow(plan, papers):
    """Papers up to `papers`, each from a unit of its own with its invitation, in bulk."""
    have = PaperPage.objects.child_of(plan).count()
    units = Unit.objects.bulk_create(
        Unit(name=f"Đảng ủy xã số {number}", category="co_so")
        for number in range(have + 1, papers + 1)
    )
    invitations = Invitation.objects.bulk_create(
        Invitation(symposium=plan, unit=unit, presenter_name=f"Người trình bày {unit.pk}")
        for unit in units
    )
    published = timezone.now()
    added = []
    for number, invitation in enumerate(invitations, start=have + 1):
        page = plan.add_child(
            instance=PaperPage(
                title=f"Tham luận số {number}",
                slug=f"tham-luan-so-{number}",
                unit=invitation.unit,
                invitation=invitation,
                date=AUGUST - datetime.timedelta(days=1),
                lead=f"Tóm tắt tham luận số {number}.",
                body=[("paragraph", f"<p>Nội dung tham luận số {number}.</p>")],
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
        )
        added.append(page.pk)
    # A page of a symposium is saved as a draft (ReleaseRuleMixin): put live as a release does.
    PaperPage.objects.filter(pk__in=added).update(live=True, has_unpublished_changes=False)
    touch_symposia([plan.pk])


@pytest.fixture
def plan(home_page):
    plan = symposium(home_page, main_image=picture("Hội trường"))
    units = units_page(plan)
    paper(plan, "Tham luận thứ nhất", "Huyện ủy Kbang")  # one through the workflow
    coverage(plan, "Tin tọa đàm", main_image=picture("Ảnh tin"))
    grow(plan, 5)
    return plan, units


@override_settings(SYMPOSIUM_PAGE_CACHE_SECONDS=0)
def test_public_pages_run_as_many_queries_with_200_papers_as_with_5(client, plan):
    plan, units = plan
    pages = urls(plan, units)
    few = measure(client, pages)
    grow(plan, 200)
    assert PaperPage.objects.live().child_of(plan).count() == 200
    many = measure(client, pages)
    assert "Tham luận số 200" in client.get(plan.url).content.decode()  # the list is the new one
    print("\npage: queries cold, warm with 5 papers / with 200")
    for name in pages:
        print(f"{name}: {few[name]} / {many[name]}")
    assert many == few
    for name in ("plan", "units page", "first paper"):
        cold, warm = few[name]
        assert warm < cold, f"{name}: its cached fragments save no query"


@override_settings(SYMPOSIUM_PAGE_CACHE_SECONDS=0)
def test_a_private_paper_is_left_off_the_plan_with_the_restrictions_read_once(client, plan):
    from wagtail.models import PageViewRestriction

    plan, units = plan
    private = PaperPage.objects.child_of(plan).get(title="Tham luận số 3")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    cache.clear()
    made = []

    def counter(execute, sql, params, many, context):
        made.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        html = client.get(plan.url).content.decode()
    assert "Tham luận số 4" in html and "Tham luận số 3" not in html
    # Wagtail's own check of the plan's restrictions, then one read for every list (the
    # papers, the related news, the translations, the units page link): five before.
    reads = [sql for sql in made if '"wagtailcore_pageviewrestriction"."restriction_type"' in sql]
    assert len(reads) == 2, reads
