"""Nothing unapproved reaches the public: not the page, its original, search, sitemap or API."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from symposium_pages.models import Invitation, PaperPage

from .factories import make_plan, release
from .newsroom import make_people, receive


@pytest.fixture
def newsroom(home_page):
    people = make_people()
    plan = make_plan(home_page)
    draft = receive(plan, "Huyện ủy Kbang", people["editor"], title="Tham luận zeppelinnhap")
    published = receive(plan, "Thành ủy Pleiku", people["editor"], title="Tham luận zeppelindadang")
    release(published, save=False)
    scheduled = receive(plan, "Thị ủy An Khê", people["editor"], title="Tham luận zeppelinhengio")
    scheduled = scheduled.get_latest_revision_as_object()
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=7)
    release(scheduled)
    draft, published, scheduled = (
        PaperPage.objects.get(pk=paper.pk) for paper in (draft, published, scheduled)
    )
    assert [paper.status for paper in (draft, published, scheduled)] == [
        Invitation.Status.RECEIVED,
        Invitation.Status.PUBLISHED,
        Invitation.Status.APPROVED,
    ]
    return {"plan": plan, "draft": draft, "published": published, "scheduled": scheduled, **people}


def test_unpublished_papers_answer_404(client, newsroom):
    assert client.get(newsroom["published"].url).status_code == 200
    for name in ("draft", "scheduled"):
        assert client.get(f"/toa-dam-thu/{newsroom[name].slug}/").status_code == 404, name
    html = client.get(newsroom["plan"].url).content.decode()
    assert "zeppelindadang" in html
    assert "zeppelinnhap" not in html
    assert "zeppelinhengio" not in html


def test_the_original_file_is_for_the_editorial_groups_only(client, newsroom):
    document = newsroom["draft"].original
    url = document.url
    assert url == f"/documents/{document.pk}/{document.filename}"
    with document.file.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"PK")

    def refused(response):
        # Wagtail's front-end login, never the file.
        assert (response.status_code, response["Location"]) == (302, f"/_util/login/?next={url}")
        return True

    assert refused(client.get(url))  # anonymous
    reader = get_user_model().objects.create_user("bandoc", "bandoc@example.com", "pw")
    client.force_login(reader)  # signed in, no admin
    assert refused(client.get(url))
    client.force_login(newsroom["office"])  # staff, but not an editorial group
    assert refused(client.get(url))
    for person in ("editor", "reviewer", "moderator"):
        client.force_login(newsroom[person])
        response = client.get(url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == data


def test_the_sitemap_lists_only_published_papers(client, newsroom):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert newsroom["published"].full_url in sitemap
    for name in ("draft", "scheduled"):
        assert f"/{newsroom[name].slug}/" not in sitemap, name


def test_there_is_no_api(client, newsroom):
    for url in ("/api/v2/pages/", f"/api/v2/pages/{newsroom['draft'].pk}/", "/api/v3/pages/"):
        assert client.get(url).status_code == 404, url


def test_drafts_are_previewed_only_by_staff_with_rights(client, newsroom):
    draft = newsroom["draft"]
    url = f"/admin/pages/{draft.pk}/view_draft/"
    response = client.get(url)  # anonymous
    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/login/?next=/admin/pages/{draft.pk}/view_draft/",
    )
    reader = get_user_model().objects.create_user("bandoc", "bandoc@example.com", "pw")
    client.force_login(reader)
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (
        302,
        f"/admin/login/?next=/admin/pages/{draft.pk}/view_draft/",
    )
    client.force_login(newsroom["office"])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    for person in ("editor", "reviewer", "moderator"):
        client.force_login(newsroom[person])
        response = client.get(url)
        assert response.status_code == 200, person
        assert "zeppelinnhap" in response.content.decode()
