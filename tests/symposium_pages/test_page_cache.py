"""The public pages' cache: anonymous readers get the stored page until something is published."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from symposium_pages.models import PaperPage
from symposium_pages.pagecache import check_page_cache, enabled

from .factories import make_plan, release


@pytest.fixture
def shared_cache(settings, tmp_path):
    """A cache every process shares (here files on disk; Redis in production)."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        }
    }
    return settings


@pytest.fixture
def plan(home_page):
    return make_plan(home_page)


def add_paper(plan, title, live=True):
    paper = PaperPage(title=title, slug=title.lower().replace(" ", "-"), live=False)
    plan.add_child(instance=paper)
    if live:
        release(paper)
    return paper


PUBLIC = "public, max-age=60, stale-while-revalidate=600"
PRIVATE = "private, no-store"


class SetsACookie:
    """A host's middleware that gives every reader a cookie (a visitor id, an A/B group)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.set_cookie("visitor", "v-1")
        return response


def test_off_with_a_cache_each_process_keeps_for_itself(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert enabled() is False
    [warning] = check_page_cache(None)
    assert warning.id == "symposium_pages.W012"
    settings.SYMPOSIUM_PAGE_CACHE_SECONDS = 0
    assert check_page_cache(None) == []


def test_no_warning_with_a_shared_cache(shared_cache):
    assert enabled() is True
    assert check_page_cache(None) == []


def test_public_pages_tell_a_cdn_how_long_and_answer_304(client, shared_cache, plan):
    first = client.get(plan.url)
    assert first["Cache-Control"] == PUBLIC
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10

    cached = client.get(plan.url, HTTP_IF_NONE_MATCH=etag)
    assert cached.status_code == 304 and cached["X-Page-Cache"] == "hit"
    assert cached.content == b""
    assert cached["ETag"] == etag and cached["Cache-Control"] == PUBLIC
    other = client.get(plan.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other["X-Page-Cache"] == "hit"
    assert other.content == first.content

    shared_cache.SYMPOSIUM_PAGE_CACHE_SECONDS = 0  # the rendered page answers the same
    rendered = client.get(plan.url, HTTP_IF_NONE_MATCH=etag)
    assert rendered.status_code == 304 and "X-Page-Cache" not in rendered
    assert rendered["ETag"] == etag and rendered["Cache-Control"] == PUBLIC

    add_paper(plan, "Tham luan moi")  # a publish: a new page, a new ETag
    changed = client.get(plan.url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_signed_in_users_get_private_pages_that_are_never_stored(admin_client, shared_cache, plan):
    signed_in = admin_client.get(plan.url)
    assert signed_in.status_code == 200 and "X-Page-Cache" not in signed_in
    assert signed_in["Cache-Control"] == PRIVATE and "ETag" not in signed_in
    reader = Client()
    assert "X-Page-Cache" not in reader.get(plan.url)  # the editor's view was not stored
    assert reader.get(plan.url)["X-Page-Cache"] == "hit"
    again = admin_client.get(plan.url)  # the reader's copy is never the editor's
    assert "X-Page-Cache" not in again and again["Cache-Control"] == PRIVATE


def test_a_preview_is_never_served_from_the_cache_nor_stored(client, shared_cache, plan):
    client.get(plan.url)
    assert client.get(plan.url)["X-Page-Cache"] == "hit"
    plan.title = "Bản xem trước chưa duyệt"
    plan.save_revision()
    # Wagtail's preview runs the middleware with a request for the page's own URL and,
    # from a task or a test, no cookie at all.
    preview = plan.make_preview_request()
    assert preview.status_code == 200 and "X-Page-Cache" not in preview
    assert "Bản xem trước chưa duyệt" in preview.content.decode()
    assert preview["Cache-Control"] == PRIVATE
    public = client.get(plan.url)
    assert public["X-Page-Cache"] == "hit"
    assert "Bản xem trước chưa duyệt" not in public.content.decode()


def test_a_response_that_sets_a_cookie_is_never_stored(settings, shared_cache, plan):
    position = settings.MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: position + 1],
        "tests.symposium_pages.test_page_cache.SetsACookie",
        *settings.MIDDLEWARE[position + 1 :],
    ]
    for _ in range(2):
        response = Client().get(plan.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert response.cookies["visitor"].value == "v-1"
        assert response["Cache-Control"] == PRIVATE
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("SetsACookie")]
    assert "X-Page-Cache" not in Client().get(plan.url)  # nothing was stored before


def test_the_host_chooses_whether_its_own_pages_are_cached(settings, shared_cache, home_page):
    reader = Client()
    for _ in range(2):
        response = reader.get(home_page.url)
        assert "X-Page-Cache" not in response and "Cache-Control" not in response
    settings.SYMPOSIUM_PAGE_CACHE_EXTRA_PAGE_TYPES = ["home.HomePage"]
    assert reader.get(home_page.url)["Cache-Control"] == PUBLIC
    assert reader.get(home_page.url)["X-Page-Cache"] == "hit"


def test_the_second_anonymous_view_comes_from_the_cache(client, shared_cache, plan):
    first = client.get(plan.url)
    second = client.get(plan.url)
    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in first
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["X-Frame-Options"] == "DENY"  # the middleware below still runs


def test_publishing_a_paper_shows_it_on_the_plan_at_once(client, shared_cache, plan):
    client.get(plan.url)
    assert client.get(plan.url)["X-Page-Cache"] == "hit"
    add_paper(plan, "Tham luan moi")
    response = client.get(plan.url)
    assert "X-Page-Cache" not in response
    assert "Tham luan moi" in response.content.decode()


def test_unpublishing_a_paper_takes_it_off_the_plan_at_once(client, shared_cache, plan):
    paper = add_paper(plan, "Tham luan rut lai")
    assert "Tham luan rut lai" in client.get(plan.url).content.decode()
    assert client.get(plan.url)["X-Page-Cache"] == "hit"
    paper.refresh_from_db()
    paper.unpublish()
    response = client.get(plan.url)
    assert "Tham luan rut lai" not in response.content.decode()
    assert client.get(paper.url).status_code == 404


def test_a_draft_saved_is_not_published_and_the_cache_stays(client, shared_cache, plan):
    client.get(plan.url)
    plan.title = "Bản nháp chưa duyệt"
    plan.save_revision()
    response = client.get(plan.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Bản nháp chưa duyệt" not in response.content.decode()


def test_signed_in_users_are_never_served_from_the_cache(admin_client, shared_cache, plan):
    admin_client.get(plan.url)
    assert "X-Page-Cache" not in admin_client.get(plan.url)


def test_a_restricted_page_is_never_stored(shared_cache, plan):
    restriction = PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    reader = Client()
    form = reader.get(plan.url)
    assert form.status_code == 200 and "X-Page-Cache" not in form
    response = reader.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{plan.pk}/",
        {"password": "mat-khau", "return_url": plan.url},
    )
    assert response.status_code == 302
    for _ in range(2):  # the reader who gave the password sees it, never from the cache
        page = reader.get(plan.url)
        assert page.status_code == 200 and "X-Page-Cache" not in page
        assert "private" in page["Cache-Control"] and "public" not in page["Cache-Control"]
        assert "Tọa đàm thử nghiệm</h1>" in page.content.decode()
    other = Client().get(plan.url)  # and nobody else gets it
    assert "X-Page-Cache" not in other
    assert "Tọa đàm thử nghiệm</h1>" not in other.content.decode()


def test_query_strings_are_neither_served_nor_stored_and_head_is_served(client, shared_cache, plan):
    client.get(plan.url)
    tagged = client.get(f"{plan.url}?utm_source=zalo")
    assert tagged.status_code == 200 and "X-Page-Cache" not in tagged
    assert "X-Page-Cache" not in client.get(f"{plan.url}?utm_source=zalo")
    head = client.head(plan.url)
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit" and head.content == b""
