"""The public pages' cache: anonymous readers get the stored page until something is published."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from symposium_pages.models import PaperPage
from symposium_pages.pagecache import enabled

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


def test_off_with_a_cache_each_process_keeps_for_itself(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert enabled() is False


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
        assert "Tọa đàm thử nghiệm</h1>" in page.content.decode()
    other = Client().get(plan.url)  # and nobody else gets it
    assert "X-Page-Cache" not in other
    assert "Tọa đàm thử nghiệm</h1>" not in other.content.decode()
