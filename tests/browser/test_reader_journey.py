"""A reader on a phone: home → the plan → the invited units → a paper → the feed and the .ics."""

import re
import xml.etree.ElementTree as ET

import pytest

from .conftest import PHONE, accessibility_problems, contrast_problems, no_sideways_scroll

PLAN_TITLE = (
    "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, "
    "đáp ứng yêu cầu nhiệm vụ"
)
CHU_PAH = "Người đứng đầu nêu gương: kinh nghiệm từ huyện Chư Păh"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def check_page(page):
    assert no_sideways_scroll(page), page.url
    assert accessibility_problems(page) == [], page.url
    assert contrast_problems(page) == [], page.url


def test_reader_follows_the_symposium_on_a_phone(demo_site, new_context, shots):
    context = new_context(**PHONE)
    page = context.new_page()

    # Home: the symposium and the latest news.
    page.goto("/")
    check_page(page)
    shots(page, "home")
    symposia = page.locator("section.home-section", has=page.get_by_role("heading", name="Tọa đàm"))
    symposia.get_by_role("link", name=PLAN_TITLE).click()

    # The plan: key facts, the published papers in programme order, related news.
    page.wait_for_url(re.compile(r"/toa-dam-xay-dung-chinh-don-dang-2022/$"))
    assert page.get_by_role("heading", level=1).inner_text() == PLAN_TITLE
    facts = page.locator("section.key-facts")
    assert (
        facts.locator("dd.fact-plan-number").inner_text() == "Số 92-KH/TU, ngày 10 tháng 8 năm 2022"
    )
    assert facts.locator(".deadline-status").inner_text() == "Đã hết hạn"
    papers = page.locator("section.paper-list li .paper-title")
    assert papers.all_inner_texts() == [
        "Báo cáo đề dẫn tọa đàm",
        "Nâng cao chất lượng sinh hoạt chi bộ ở các phường của thành phố Pleiku",
        CHU_PAH,
        "Báo cáo tổng kết tọa đàm",
    ]
    related = page.locator("section.related-news h3")
    assert related.first.inner_text() == (
        "Các đơn vị khẩn trương gửi tham luận về tọa đàm xây dựng, chỉnh đốn Đảng"
    )
    check_page(page)
    shots(page, "plan")

    # Keyboard: the skip link comes first, is visible when focused, and leads to the text.
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["width"] > 0
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # The invited units, grouped by category in the plan's order.
    page.locator("section.invited-units-link a").click()
    page.wait_for_url(re.compile(r"/cac-don-vi-duoc-moi/$"))
    groups = page.locator("section.unit-group h2").all_inner_texts()
    assert len(groups) == 7
    assert groups[0].startswith("1. Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy")
    check_page(page)
    shots(page, "units")

    # A paper, reached from its unit in the list; then the next one in the programme.
    page.locator("li.unit", has_text="Huyện ủy Chư Păh").locator("a.unit-paper").click()
    page.wait_for_url(re.compile(r"/huyen-uy-chu-pah/$"))
    assert page.get_by_role("heading", level=1).inner_text() == CHU_PAH
    assert page.locator(".paper-by .paper-unit").inner_text() == "Huyện ủy Chư Păh"
    assert page.locator("p.paper-kind").inner_text().lower() == "tham luận"
    assert page.locator(".paper-body p").count() > 2
    check_page(page)
    shots(page, "paper")
    page.locator("a.paper-nav-next").click()
    page.wait_for_url(re.compile(r"/bao-cao-tong-ket/$"))
    assert page.locator("a.paper-nav-previous .paper-nav-title").inner_text() == CHU_PAH
    assert page.locator("a.paper-nav-next").count() == 0

    # The feed of papers and news, as a feed reader fetches it.
    page.go_back()
    feed_url = page.locator("a.follow-feed").get_attribute("href")
    assert (
        page.locator('link[rel="alternate"][type="application/rss+xml"]').first.get_attribute(
            "href"
        )
        == feed_url
    )
    feed = context.request.get(feed_url)
    assert feed.ok and feed.headers["content-type"] == "application/rss+xml; charset=utf-8"
    titles = [item.findtext("title") for item in ET.fromstring(feed.body()).iter("item")]
    assert CHU_PAH in titles
    assert "Đoàn viên thanh niên học tập và làm theo Bác bằng việc làm cụ thể" not in titles

    # The calendar file of the event, from the plan page.
    page.locator("p.symposium-title a").click()
    page.wait_for_url(re.compile(r"/toa-dam-xay-dung-chinh-don-dang-2022/$"))
    with page.expect_download() as download:
        page.locator("a.follow-calendar").click()
    calendar = download.value
    assert calendar.suggested_filename == "toa-dam-xay-dung-chinh-don-dang-2022.ics"
    with open(calendar.path(), encoding="utf-8", newline="") as handle:
        text = handle.read()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert "DTSTART;VALUE=DATE:20220821\r\n" in text
    assert "DTEND;VALUE=DATE:20220901\r\n" in text
    shots(page, "plan-after-download")


def test_print_stylesheet_keeps_the_text_and_drops_the_navigation(demo_site, new_context, shots):
    page = new_context(**PHONE).new_page()
    page.goto("/toa-dam-xay-dung-chinh-don-dang-2022/huyen-uy-chu-pah/")
    page.emulate_media(media="print")
    assert page.locator("header.site-header").is_hidden()
    assert page.locator("nav.paper-nav").is_hidden()
    assert page.locator(".follow-links").is_hidden()
    assert page.locator(".paper-body").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    shots(page, "print")


def test_reader_switches_to_english_and_back(demo_site, new_context, shots):
    context = new_context(**PHONE)
    page = context.new_page()
    page.goto("/toa-dam-xay-dung-chinh-don-dang-2022/")

    # The switcher on the Vietnamese plan leads to the English plan.
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/symposium-party-building-and-rectification-2022/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1)
        .inner_text()
        .startswith("Stepping up the building and rectification")
    )
    facts = page.locator("section.key-facts")
    assert facts.locator("dd.fact-plan-number").inner_text() == "No. 92-KH/TU, 10 August 2022"
    programme = page.locator("table.programme").inner_text()
    assert "Keynote report" in programme and "Báo cáo đề dẫn" not in programme
    check_page(page)
    shots(page, "plan-en")

    # The English units page: the plan's invitations, Pleiku's paper in English.
    page.locator("section.invited-units-link a").click()
    page.wait_for_url(
        re.compile(r"/en/symposium-party-building-and-rectification-2022/invited-units/$")
    )
    assert (
        page.locator("section.unit-group h2")
        .first.inner_text()
        .startswith("1. Advisory and assisting agencies")
    )
    check_page(page)
    page.locator("li.unit", has_text="Thành ủy Pleiku").locator("a.unit-paper").click()
    page.wait_for_url(re.compile(r"/en/.*/pleiku-city-party-committee/$"))
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Raising the quality of Party cell meetings in the wards of Pleiku city"
    )
    check_page(page)
    shots(page, "paper-en")

    # Back to Vietnamese: the same paper, in the original.
    page.locator("nav.language-switcher").get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(re.compile(r"/toa-dam-xay-dung-chinh-don-dang-2022/thanh-uy-pleiku/$"))
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Nâng cao chất lượng sinh hoạt chi bộ ở các phường của thành phố Pleiku"
    )
