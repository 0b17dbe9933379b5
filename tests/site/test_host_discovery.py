"""The host's search and site feed find the add-on's pages (the demo's search view and
latest-news feed; the add-on's own discovery tests are in tests/symposium_pages)."""

import pytest

from tests.host_fixtures import READING_PLAN_NEWS, build_demo_reading_plan
from tests.symposium_pages.reading import paper
from tests.symposium_pages.test_discovery import feed_items
from tests.symposium_pages.test_privacy import newsroom  # noqa: F401 (a fixture)


@pytest.fixture
def site(home_page):
    return build_demo_reading_plan(home_page)


def test_site_feed_has_every_kind_of_news(client, site):
    channel, items = feed_items(client, "/feed/")
    titles = [title for title, _link, _date in items]
    assert titles == READING_PLAN_NEWS
    assert channel.findtext("title") == "Báo Gia Lai điện tử: tin mới nhất"


def test_search_finds_papers_coverage_and_the_plan(client, site):
    response = client.get("/search/", {"q": "chi bộ"})
    found = [page.pk for page in response.context["results"]]
    assert site["first"].pk in found
    html = response.content.decode()
    assert '<p class="card-label">Tham luận</p>' in html
    by_unit = client.get("/search/", {"q": "Chư Păh"})
    assert site["second"].pk in [page.pk for page in by_unit.context["results"]]


def test_search_never_finds_draft_changes_of_a_live_paper(client, site):
    live = site["first"]
    draft = live.get_latest_revision_as_object()
    draft.title = "Tiêu đề nháp zeppelinsua"
    draft.body = [("paragraph", "<p>Đoạn nháp zeppelinsua.</p>")]
    draft.save_revision()
    assert list(client.get("/search/", {"q": "zeppelinsua"}).context["results"]) == []
    never_published = paper(site["plan"], "Nháp zeppelinmoi", "Huyện ủy Đak Đoa", live=False)
    assert never_published.live is False
    assert list(client.get("/search/", {"q": "zeppelinmoi"}).context["results"]) == []


def test_search_finds_only_published_papers(client, newsroom):  # noqa: F811 (the fixture)
    found = client.get("/search/", {"q": "zeppelindadang"})
    assert found.status_code == 200
    assert [page.pk for page in found.context["results"]] == [newsroom["published"].pk]
    assert f'href="{newsroom["published"].url}"' in found.content.decode()
    for name, word in (("draft", "zeppelinnhap"), ("scheduled", "zeppelinhengio")):
        response = client.get("/search/", {"q": word})
        assert list(response.context["results"]) == [], word
        assert f"/{newsroom[name].slug}/" not in response.content.decode()
