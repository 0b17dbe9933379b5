"""The dashboard panel: each open symposium's numbers, equal to the demo's, each a working link."""

import datetime
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from symposium_pages.models import Invitation, PaperPage, Unit
from symposium_pages.progress import open_symposia

from .factories import make_plan, release
from .newsroom import make_people


def panel_numbers(html, plan):
    """{filter query: number} of the plan's panel, from the links in its table."""
    section = re.search(
        rf'<section[^>]*id="symposium-progress-{plan.pk}-section".*?</section>', html, re.S
    ).group(0)
    numbers = {}
    for href, value in re.findall(
        r'class="symposium-progress__value"><a href="([^"]+)">(-?\d+)</a>', section
    ):
        url = urlsplit(unescape(href))
        query = dict(parse_qsl(url.query))
        assert url.path == "/admin/snippets/symposium_pages/invitation/"
        assert query.pop("symposium") == str(plan.pk)
        numbers[tuple(sorted(query.items()))] = (int(value), unescape(href))
    return numbers


def test_days_to_the_deadline(admin_client, home_page):
    today = timezone.localdate()
    plan = make_plan(
        home_page,
        submission_deadline=today + datetime.timedelta(days=12),
        event_period_start=today + datetime.timedelta(days=20),
    )
    html = admin_client.get("/admin/").content.decode()
    deadline = re.search(
        r'class="symposium-progress__deadline"><a href="([^"]+)">([^<]+)</a>', html
    )
    assert deadline.group(1) == f"/admin/pages/{plan.pk}/edit/"
    assert deadline.group(2) == "Còn 12 ngày đến hạn nộp"


def test_open_symposia(home_page):
    today = datetime.date(2022, 9, 15)
    held = make_plan(home_page, slug="da-to-chuc")  # held in late August 2022, nothing pending
    coming = make_plan(
        home_page,
        slug="sap-to-chuc",
        submission_deadline=datetime.date(2022, 10, 1),
        event_period_start=datetime.date(2022, 10, 10),
    )
    assert open_symposia(today) == [coming]
    # A paper received but not yet published keeps a past symposium open.
    unit = Unit.objects.create(name="Huyện ủy Kbang", category="huyen_uy")
    invitation = Invitation.objects.create(symposium=held, unit=unit)
    paper = PaperPage(title="Tham luận", slug="tham-luan", invitation=invitation, live=False)
    held.add_child(instance=paper)
    assert open_symposia(today) == [coming, held]
    release(paper)
    assert open_symposia(today) == [coming]


def test_the_panel_is_for_those_who_may_open_the_list(client, home_page):
    today = timezone.localdate()
    make_plan(
        home_page,
        submission_deadline=today + datetime.timedelta(days=5),
        event_period_start=today + datetime.timedelta(days=9),
    )
    people = make_people()
    for person in ("editor", "reviewer", "moderator", "office"):
        client.force_login(people[person])
        assert "symposium-progress-" in client.get("/admin/").content.decode(), person
    outsider = get_user_model().objects.create_user("outsider", "o@toasoan.example", "pw")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "symposium-progress-" not in response.content.decode()
