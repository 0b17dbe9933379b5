"""Fixtures of the demo host's tests (tests/site, tests/browser, tests/reliability): the demo's
home page and the whole Gia Lai demo. Their conftests import these, so `home_page` there is
the demo's, not the stock test project's of tests/conftest.py."""

import pytest

from tests.symposium_pages.reading import PLAN_NEWS


@pytest.fixture
def home_page(db):
    from home.demo.build import build_home

    return build_home(log=lambda line: None)


@pytest.fixture
def demo(db):
    from home.demo.build import load_demo

    return load_demo(log=lambda line: None)


# The news of build_demo_reading_plan's site, newest first: the plan's papers and coverage,
# the plan itself and the host's unrelated article; never the draft.
READING_PLAN_NEWS = [*PLAN_NEWS, "Tọa đàm thử nghiệm", "Học tập và làm theo Bác"]


def build_demo_reading_plan(home_page):
    """tests/symposium_pages/reading.py's published plan, with the demo's news section and
    articles as the host's news."""
    from news.models import NewsArticlePage, NewsIndexPage, RelatedArticle
    from tests.symposium_pages.reading import build_reading_plan

    return build_reading_plan(home_page, news=(NewsIndexPage, NewsArticlePage, RelatedArticle))
