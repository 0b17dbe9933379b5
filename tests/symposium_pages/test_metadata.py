"""What search engines and social networks read in the <head>: description, canonical,
OpenGraph and Twitter cards, schema.org JSON-LD, hreflang alternates."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from symposium_pages.models import ProgrammeItem

from .factories import release
from .reading import build_reading_plan


@pytest.fixture
def site(home_page):
    return build_reading_plan(home_page)


def head_of(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r"<head>(.*?)</head>", html, re.S).group(1)


def meta(head, name):
    found = re.findall(rf'<meta (?:name|property)="{re.escape(name)}" content="([^"]*)">', head)
    assert len(found) <= 1, f"{name} given {len(found)} times"
    return found[0] if found else None


def json_ld(head):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_plan_head_describes_the_page_and_its_photo(client, site):
    plan = site["plan"]
    head = head_of(client, plan)
    assert "<title>Tọa đàm thử nghiệm | Báo Gia Lai điện tử</title>" in head
    assert meta(head, "description") == "Tọa đàm về xây dựng, chỉnh đốn Đảng."
    assert f'<link rel="canonical" href="{plan.full_url}">' in head
    assert meta(head, "og:type") == "website"
    assert meta(head, "og:title") == "Tọa đàm thử nghiệm"
    assert meta(head, "og:url") == plan.full_url
    assert meta(head, "og:locale") == "vi_VN"
    assert meta(head, "og:site_name") == Site.objects.get(is_default_site=True).site_name
    image = meta(head, "og:image")
    assert re.fullmatch(r"http://testserver/media/images/anh[^/]*\.fill-1200x630\.png", image)
    assert meta(head, "og:image:alt") == "Hội trường với băng rôn đỏ"
    assert meta(head, "twitter:card") == "summary_large_image"
    assert meta(head, "twitter:image") == image
    assert meta(head, "description") == meta(head, "twitter:description")


def test_plan_is_an_event_with_organiser_period_and_place(client, site):
    data = json_ld(head_of(client, site["plan"]))
    image = data.pop("image")
    assert len(image) == 1 and image[0].endswith(".fill-1200x630.png")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Tọa đàm thử nghiệm",
        "description": "Tọa đàm về xây dựng, chỉnh đốn Đảng.",
        "url": site["plan"].full_url,
        "startDate": "2022-08-21",
        "endDate": "2022-08-21",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Gia Lai",
            "address": {
                "@type": "PostalAddress",
                "addressRegion": "Gia Lai",
                "addressCountry": "VN",
            },
        },
        "organizer": {"@type": "Organization", "name": "Ban Thường vụ Tỉnh ủy Gia Lai"},
        "inLanguage": "vi",
    }


def test_event_with_an_exact_time_has_its_programme(client, site):
    plan = site["plan"]
    plan.event_starts_at = timezone.make_aware(datetime.datetime(2022, 8, 30, 7, 30))
    plan.event_ends_at = timezone.make_aware(datetime.datetime(2022, 8, 30, 11, 30))
    plan.venue = "Hội trường 19-8"
    plan.programme_items = [
        ProgrammeItem(
            starts_at=datetime.time(8, 0),
            ends_at=datetime.time(8, 30),
            title="Báo cáo đề dẫn",
            speaker="Ban Tuyên giáo Tỉnh ủy",
        )
    ]
    release(plan)
    data = json_ld(head_of(client, plan))
    assert data["startDate"] == "2022-08-30T07:30:00+07:00"
    assert data["endDate"] == "2022-08-30T11:30:00+07:00"
    assert data["location"]["name"] == "Hội trường 19-8"
    assert data["subEvent"] == [
        {
            "@type": "Event",
            "name": "Báo cáo đề dẫn",
            "startDate": "2022-08-30T08:00:00+07:00",
            "endDate": "2022-08-30T08:30:00+07:00",
            "performer": {"@type": "Organization", "name": "Ban Tuyên giáo Tỉnh ủy"},
            "location": data["location"],
        }
    ]


def test_paper_is_an_article_by_its_unit(client, site):
    paper = site["first"]
    head = head_of(client, paper)
    assert meta(head, "og:type") == "article"
    assert meta(head, "article:published_time") == "2022-08-26T15:00:00+07:00"
    assert meta(head, "description") == "Thành ủy Pleiku nâng chất lượng sinh hoạt chi bộ."
    # No photo of its own: the symposium's is shared.
    assert meta(head, "og:image:alt") == "Hội trường với băng rôn đỏ"
    data = json_ld(head)
    assert data["@type"] == "Article"
    assert data["headline"] == "Sinh hoạt chi bộ ở phường"
    assert data["author"] == [{"@type": "Organization", "name": "Thành ủy Pleiku"}]
    assert data["contributor"] == [
        {"@type": "Person", "name": "Nguyễn Văn A", "jobTitle": "Phó Bí thư Thành ủy"}
    ]
    assert data["genre"] == "Tham luận"
    assert data["datePublished"] == "2022-08-26T15:00:00+07:00"
    assert data["isPartOf"] == {
        "@type": "WebPage",
        "name": "Tọa đàm thử nghiệm",
        "url": site["plan"].full_url,
    }
    assert data["publisher"] == {
        "@type": "Organization",
        "name": Site.objects.get(is_default_site=True).site_name,
    }


def test_keynote_and_closing_summary_are_reports(client, site):
    for name in ("keynote", "closing"):
        assert json_ld(head_of(client, site[name]))["@type"] == "Report", name


def test_paper_without_lead_is_described_by_its_opening(client, site):
    head = head_of(client, site["second"])
    assert meta(head, "description") == "Nội dung của Người đứng đầu nêu gương."


def test_coverage_and_host_articles_are_news_articles(client, site):
    story = json_ld(head_of(client, site["story"]))
    assert story["@type"] == "NewsArticle"
    assert story["author"] == [{"@type": "Person", "name": "Minh Thư"}]
    assert story["datePublished"] == "2022-08-17T10:30:00+07:00"
    article = json_ld(head_of(client, site["article"]))
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "Tỉnh ủy lên kế hoạch tọa đàm"


def test_json_ld_cannot_close_its_script(client, site):
    plan = site["plan"]
    plan.lead = "</script><script>alert(1)</script>"
    release(plan)
    head = head_of(client, plan)
    assert "<script>alert(1)" not in head
    assert json_ld(head)["description"] == "</script><script>alert(1)</script>"


def test_no_hreflang_without_translations(client, site):
    assert "hreflang" not in head_of(client, site["plan"])


def test_hreflang_alternates_when_a_translation_exists(client, site):
    english = Locale.objects.get_or_create(language_code="en")[0]
    plan = site["plan"]
    translated = plan.copy_for_translation(english, copy_parents=True)
    release(translated)
    head = head_of(client, plan)
    assert '<link rel="alternate" hreflang="vi" href="http://testserver/toa-dam-thu/">' in head
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/toa-dam-thu/">' in head
    assert '<meta property="og:locale:alternate" content="en_GB">' in head
    # A translation still being written (a draft) is not announced.
    translated.refresh_from_db()
    translated.unpublish()
    assert "hreflang" not in head_of(client, plan)


def test_coverage_is_about_the_symposium(client, site):
    data = json_ld(head_of(client, site["story"]))
    assert data["about"] == {
        "@type": "Event",
        "name": "Tọa đàm thử nghiệm",
        "url": site["plan"].full_url,
    }


def test_a_papers_description_drops_its_note_numbers():
    from symposium_pages.models import PaperPage

    paper = PaperPage(
        title="Tham luận",
        body=[
            (
                "paragraph",
                "<p>Thực hiện Kết luận<sup>1</sup> số 21-KL/TW<sup>2</sup> của Trung ương.</p>",
            )
        ],
    )
    assert paper.get_description() == "Thực hiện Kết luận số 21-KL/TW của Trung ương."
