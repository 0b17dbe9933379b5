"""The plan and its papers are news of the host site, through the add-on's news interface."""

import datetime
import re

import pytest
from django.utils import timezone

from news.models import NewsArticlePage, NewsIndexPage
from symposium_pages.models import (
    CoveragePage,
    NewsPageMixin,
    PaperPage,
    SymposiumPage,
    news_page_models,
    news_pages,
)
from tests.host_fixtures import READING_PLAN_NEWS, build_demo_reading_plan
from tests.symposium_pages.reading import paper, text


@pytest.fixture
def site(home_page):
    return build_demo_reading_plan(home_page)


def test_every_news_model_uses_the_mixin():
    assert set(news_page_models()) == {NewsArticlePage, SymposiumPage, PaperPage, CoveragePage}
    for model in news_page_models():
        for name in (
            "date",
            "byline",
            "lead",
            "main_image",
            "main_image_caption",
            "main_image_credit",
        ):
            model._meta.get_field(name)
    assert issubclass(PaperPage, NewsPageMixin)


def test_news_pages_are_live_public_and_newest_first(site):
    titles = [page.title for page in news_pages()]
    assert titles == READING_PLAN_NEWS
    assert "Bản thảo chưa duyệt" not in titles


def test_a_page_without_a_date_is_dated_by_its_first_publication(site):
    page = paper(site["plan"], "Tham luận không ghi ngày", "Thị ủy An Khê")
    page.refresh_from_db()
    assert page.date is None
    found = news_pages().get(pk=page.pk)
    assert found.publication_date == page.first_published_at
    assert found.news_sort_date == page.first_published_at
    assert news_pages().first().pk == page.pk  # published now: the newest


def test_private_news_are_not_listed(site):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=site["first"], restriction_type=PageViewRestriction.LOGIN
    )
    assert site["first"].pk not in [page.pk for page in news_pages()]


def test_news_pages_fetch_photos_in_a_fixed_number_of_queries(site, django_assert_num_queries):
    for page in news_pages():  # the renditions are made once
        if page.main_image:
            page.main_image.get_rendition("fill-480x270")
    pages = list(news_pages())
    with django_assert_num_queries(0):
        for page in pages:
            if page.main_image:
                page.main_image.get_rendition("fill-480x270")
    assert sum(1 for page in pages if page.main_image) == 2


def test_home_page_latest_news_has_plan_papers_and_coverage(client, site):
    html = client.get("/").content.decode()
    latest = re.search(r'<section aria-labelledby="latest-heading".*?</section>', html, re.S)
    cards = re.findall(r'<li class="card">(.*?)</li>', latest.group(0), re.S)
    assert [text(card) for card in cards[:2]] == [
        "Báo cáo tổng kết Báo cáo tổng kết 26/08/2022 15:00",
        "Tham luận Người đứng đầu nêu gương 26/08/2022 15:00",
    ]
    assert len(cards) == 6


def test_news_section_lists_the_sites_news_of_every_kind(client, site):
    html = client.get(site["section"].url).content.decode()
    titles = [text(title) for title in re.findall(r"<h3>(.*?)</h3>", html, re.S)]
    assert titles == READING_PLAN_NEWS
    assert '<p class="card-label">Tọa đàm</p>' in html
    assert '<p class="card-label">Tin bài</p>' in html


def test_another_section_keeps_its_own_articles(client, site, home_page):
    from tests.symposium_pages.reading import publish

    culture = publish(home_page, NewsIndexPage(title="Văn hóa", slug="van-hoa"))
    publish(
        culture,
        NewsArticlePage(
            title="Lễ hội cồng chiêng",
            slug="le-hoi",
            date=timezone.make_aware(datetime.datetime(2022, 9, 1)),
        ),
    )
    first = client.get(site["section"].url).content.decode()
    assert "Lễ hội cồng chiêng" not in first
    second = client.get(culture.url).content.decode()
    assert "Lễ hội cồng chiêng" in second
    assert "Học tập và làm theo Bác" not in second
    # The symposium, filed under no section, shows in both.
    assert "Tọa đàm thử nghiệm" in first and "Tọa đàm thử nghiệm" in second
