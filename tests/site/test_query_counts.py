"""Every public page runs as many SQL queries with 100 papers as with 5.

The plan, the units page, a paper, a coverage article, the feeds, the calendar,
the host's home page, news section, search and sitemap are requested cold (the
cache emptied: no cached fragments) and warm (fragments cached), first with 5
papers, units and articles, then with 100 papers and units and 12 articles of each
kind. Lists of pages of several types run one query per type present (Wagtail's
`specific()`), so the articles are dated for every list to hold the same types.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import NewsArticlePage, NewsIndexPage, RelatedArticle
from tests.symposium_pages.reading import (
    AUGUST,
    coverage,
    paper,
    picture,
    publish,
    symposium,
    units_page,
)

UNITS = ["Huyện ủy", "Thị ủy", "Đảng ủy", "Chi bộ", "Đảng đoàn"]


def grow(plan, section, papers, articles):
    """Adds papers (each from its own invited unit) and articles up to the given numbers."""
    have = plan.get_children().type(*_paper_types()).count()
    for number in range(have, papers):
        paper(
            plan,
            f"Tham luận số {number + 1}",
            f"{UNITS[number % len(UNITS)]} số {number + 1}",
            date=AUGUST - datetime.timedelta(days=1),
            lead=f"Tóm tắt tham luận số {number + 1}.",
        )
    have = section.get_children().count()
    for number in range(have, articles):
        # Coverage and host articles alternate in time, so every list mixes both types:
        # `specific()` runs one query per page type present, however many pages.
        moment = AUGUST + datetime.timedelta(hours=number)
        coverage(
            plan,
            f"Tin tọa đàm số {number + 1}",
            date=moment,
            byline="Phóng viên",
            lead="Tin bài về tọa đàm.",
            main_image=picture(f"Ảnh tin số {number + 1}"),
        )
        article = NewsArticlePage(
            title=f"Bài viết số {number + 1}",
            slug=f"bai-viet-{number + 1}",
            date=moment + datetime.timedelta(minutes=30),
            lead="Một bài viết của chuyên mục.",
            main_image=picture(f"Ảnh bài số {number + 1}"),
        )
        article.related_links = [RelatedArticle(related_page=plan)]
        publish(section, article)


def _paper_types():
    from symposium_pages.models import PaperPage

    return (PaperPage,)


def urls(plan, units, section):
    from symposium_pages.models import CoveragePage, PaperPage
    from symposium_pages.programme import in_programme_order

    middle = in_programme_order(PaperPage.objects.live().child_of(plan))[2]
    story = CoveragePage.objects.live().child_of(plan).first()
    return {
        "plan": plan.url,
        "units": units.url,
        "paper": middle.url,
        "coverage": story.url,
        "feed": f"{plan.url}feed/",
        "calendar": f"{plan.url}calendar/",
        "home": "/",
        "news": section.url,
        "site feed": "/feed/",
        "search": "/search/?q=tham+lu%E1%BA%ADn",
        "sitemap": "/sitemap.xml",
    }


def count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        b"".join(response.streaming_content)
    return len(context.captured_queries)


def measure(client, pages):
    # Rendition caches of earlier tests (image ids are reused) must not hide the renditions
    # these pages need: start from an empty cache, then make them all.
    cache.clear()
    for url in pages.values():
        client.get(url)  # renditions made, search index warm
    found = {}
    for name, url in pages.items():
        cache.clear()
        cold = count(client, url)
        warm = count(client, url)
        found[name] = (cold, warm)
    return found


@pytest.fixture
def newsroom(home_page):
    plan = symposium(home_page, main_image=picture("Hội trường"))
    units = units_page(plan)
    section = publish(home_page, NewsIndexPage(title="Thời sự", slug="thoi-su"))
    return plan, units, section


def test_public_pages_run_as_many_queries_with_100_papers_as_with_5(
    client, newsroom, django_assert_num_queries
):
    plan, units, section = newsroom
    grow(plan, section, papers=5, articles=5)
    few = measure(client, urls(plan, units, section))
    grow(plan, section, papers=100, articles=12)
    pages = urls(plan, units, section)
    cache.clear()
    for url in pages.values():
        client.get(url)
    print("\npage: queries with 5 papers (cold, warm) / with 100 papers")
    for name, url in pages.items():
        cold, warm = few[name]
        cache.clear()
        with django_assert_num_queries(cold):
            response = client.get(url)
        assert response.status_code == 200
        with django_assert_num_queries(warm):
            client.get(url)
        print(f"{name}: {cold}, {warm}")


def test_cached_fragments_save_queries(client, newsroom):
    plan, units, section = newsroom
    grow(plan, section, papers=5, articles=1)
    found = measure(client, urls(plan, units, section))
    for name in ("plan", "units", "paper"):
        cold, warm = found[name]
        assert warm < cold, name
