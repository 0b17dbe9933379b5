"""Finding the papers: the symposium's RSS feed, its calendar file, the sitemap and search."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from symposium_pages.models import ProgrammeItem

from .factories import release
from .reading import PLAN_NEWS, build_reading_plan, paper
from .test_icalendar import calendar_head, lines_of


@pytest.fixture
def site(home_page):
    return build_reading_plan(home_page)


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    return channel, [
        (item.findtext("title"), item.findtext("link"), item.findtext("pubDate"))
        for item in channel.findall("item")
    ]


def test_symposium_feed_lists_papers_in_programme_order_then_coverage_newest_first(client, site):
    plan = site["plan"]
    channel, items = feed_items(client, f"{plan.url}feed/")
    assert channel.findtext("title") == "Tọa đàm thử nghiệm: tham luận và tin bài"
    assert channel.findtext("link") == plan.full_url
    assert channel.findtext("language") == "vi"
    titles = [title for title, _link, _date in items]
    # Never the draft, the plan itself, the units page or the unrelated article.
    assert titles == [
        "Báo cáo đề dẫn",
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        "Báo cáo tổng kết",
        "Các đơn vị gửi tham luận",
        "Tỉnh ủy lên kế hoạch tọa đàm",
    ]
    assert sorted(titles) == sorted(PLAN_NEWS)
    assert items[1][1] == site["first"].full_url
    assert items[1][2] == "Fri, 26 Aug 2022 08:00:00 +0000"


def test_feed_items_carry_description_author_and_category(client, site):
    response = client.get(f"{site['plan'].url}feed/")
    root = ET.fromstring(response.content)
    first = next(
        item for item in root.iter("item") if item.findtext("title") == "Sinh hoạt chi bộ ở phường"
    )
    assert first.findtext("description") == "Thành ủy Pleiku nâng chất lượng sinh hoạt chi bộ."
    assert first.findtext("category") == "Tham luận"
    story = next(
        item for item in root.iter("item") if item.findtext("title") == "Các đơn vị gửi tham luận"
    )
    assert story.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Minh Thư"
    assert story.findtext("category") == "Tin bài"


def test_feed_is_linked_from_the_symposium_pages(client, site):
    link = (
        '<link rel="alternate" type="application/rss+xml" '
        'title="Tọa đàm thử nghiệm: tham luận và tin bài" href="/toa-dam-thu/feed/">'
    )
    for name in ("plan", "units", "first", "story"):
        assert link in client.get(site[name].url).content.decode(), name


def ics_lines(client, plan):
    response = client.get(f"{plan.url}calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="toa-dam-thu.ics"'
    return lines_of(response.content.decode())


def test_calendar_of_a_symposium_known_by_its_period(client, site):
    lines = ics_lines(client, site["plan"])
    assert lines[:6] == calendar_head("Tọa đàm thử nghiệm")
    assert "DTSTART;VALUE=DATE:20220821" in lines
    assert "DTEND;VALUE=DATE:20220822" in lines  # period of one day: end is exclusive
    assert "STATUS:TENTATIVE" in lines
    assert "SUMMARY:Tọa đàm thử nghiệm" in lines
    assert "LOCATION:Gia Lai" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description == (
        "DESCRIPTION:Tọa đàm về xây dựng\\, chỉnh đốn Đảng.\\n"
        "Thời gian dự kiến: cuối tháng 8 năm 2022\\n"
        "Cơ quan tổ chức: Ban Thường vụ Tỉnh ủy Gia Lai\\n"
        "http://testserver/toa-dam-thu/"
    )
    assert lines.count("BEGIN:VEVENT") == 1
    assert lines[-2:] == ["END:VCALENDAR", ""]


def test_calendar_with_exact_time_lists_the_programme(client, site):
    plan = site["plan"]
    plan.event_starts_at = timezone.make_aware(datetime.datetime(2022, 8, 30, 7, 30))
    plan.venue = "Hội trường 19-8, Pleiku"
    plan.programme_items = [
        ProgrammeItem(
            starts_at=datetime.time(8, 0),
            ends_at=datetime.time(8, 30),
            title="Báo cáo đề dẫn",
            speaker="Ban Tuyên giáo Tỉnh ủy",
        ),
        ProgrammeItem(title="Thảo luận"),  # no time: not a calendar event
        ProgrammeItem(
            starts_at=datetime.time(11, 0), ends_at=datetime.time(11, 30), title="Bế mạc"
        ),
    ]
    release(plan)
    lines = ics_lines(client, plan)
    assert lines.count("BEGIN:VEVENT") == 3
    # Asia/Ho_Chi_Minh is UTC+7: 07:30 there is 00:30 UTC.
    assert "DTSTART:20220830T003000Z" in lines
    assert "DTEND:20220830T043000Z" in lines  # the end of the last programme item
    assert "STATUS:CONFIRMED" in lines
    assert "LOCATION:Hội trường 19-8\\, Pleiku" in lines
    assert "DTSTART:20220830T010000Z" in lines and "DTEND:20220830T013000Z" in lines
    assert "SUMMARY:Báo cáo đề dẫn" in lines
    assert "DESCRIPTION:Ban Tuyên giáo Tỉnh ủy" in lines
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 3


def test_calendar_is_linked_from_the_plan_when_a_date_is_known(client, site, home_page):
    html = client.get(site["plan"].url).content.decode()
    assert (
        '<a class="follow-calendar" href="/toa-dam-thu/calendar/" type="text/calendar" '
        'download="toa-dam-thu.ics">Thêm vào lịch (.ics)</a>'
    ) in html


def test_sitemap_lists_published_pages_only(client, site):
    sitemap = client.get("/sitemap.xml").content.decode()
    for name in ("plan", "units", "keynote", "first", "second", "closing", "story", "article"):
        assert f"<loc>{site[name].full_url}</loc>" in sitemap, name
    assert site["draft"].slug not in sitemap


def test_sitemap_dates_the_plan_by_its_latest_published_paper(client, site):
    from symposium_pages.models import SymposiumPage

    paper(site["plan"], "Tham luận đăng sau", "Thị ủy Ayun Pa")
    plan = SymposiumPage.objects.get(pk=site["plan"].pk)
    stamp = plan.public_changed_at
    assert stamp > plan.last_published_at
    sitemap = client.get("/sitemap.xml").content.decode()
    entry = re.search(
        rf"<loc>{re.escape(site['plan'].full_url)}</loc><lastmod>([^<]+)</lastmod>", sitemap
    )
    # The sitemap writes the day in the site's time zone (Asia/Ho_Chi_Minh, UTC+7).
    assert entry.group(1) == timezone.localtime(stamp).date().isoformat()
