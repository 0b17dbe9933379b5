"""The masthead on a phone (390 × 844): two short lines before the news, one search box,
menu labels whole; and a search typed without tone marks, as on many phones."""

import pytest

from .conftest import PHONE, accessibility_problems, contrast_problems, no_sideways_scroll

PLAN_TITLE = (
    "Đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh, "
    "đáp ứng yêu cầu nhiệm vụ"
)
MENU = ["Trang chủ", "Thời sự", "Tọa đàm chỉnh đốn Đảng"]
MASTHEAD_MAX = 120  # px of the 844 a phone shows

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def header(page):
    """What the reader sees of the masthead: its height, the visible search boxes, the menu."""
    return page.evaluate(
        """() => {
        const visible = el => el.offsetParent !== null && el.getBoundingClientRect().width > 0;
        const menu = document.querySelector('.site-nav ul');
        return {
            height: document.querySelector('.site-header').getBoundingClientRect().height,
            boxes: [...document.querySelectorAll('input[type=search]')].filter(visible).length,
            labels: [...menu.querySelectorAll('a')].map(a => a.textContent.trim()),
            cut: [...menu.querySelectorAll('a')]
                .filter(a => a.scrollWidth > a.clientWidth || a.getBoundingClientRect().right > menu.getBoundingClientRect().right + 0.5)
                .map(a => a.textContent.trim()),
            menuFits: menu.scrollWidth <= menu.clientWidth,
        };
    }"""
    )


def test_the_masthead_fits_a_phone_and_its_search_link_finds_the_plan(
    demo_site, new_context, shots
):
    page = new_context(**PHONE).new_page()
    for url in ("/", "/thoi-su/", "/search/?q=tham+lu%E1%BA%ADn"):
        page.goto(url)
        found = header(page)
        shots(page, url.strip("/").split("?")[0].replace("/", "-") or "home")
        assert found["height"] < MASTHEAD_MAX, (url, found)
        assert found["boxes"] <= 1, (url, found)
        assert found["labels"] == MENU, (url, found)
        assert found["cut"] == [] and found["menuFits"], (url, found)
        assert no_sideways_scroll(page), url
        assert accessibility_problems(page) == [], url
        assert contrast_problems(page) == [], url
    # The search page shows its own box only.
    assert header(page)["boxes"] == 1
    # The menu's short label still names the whole plan for those who hover or listen.
    plan_link = page.locator(".site-nav a", has_text=MENU[2])
    assert plan_link.get_attribute("title") == PLAN_TITLE

    # From any page the search link leads to that box; a query typed without tone marks.
    page.goto("/thoi-su/")
    page.locator(".site-search-link").click()
    page.wait_for_url("**/search/")
    box = page.get_by_role("searchbox")
    assert header(page)["boxes"] == 1
    box.fill("xay dung chinh don dang")
    box.press("Enter")
    page.wait_for_url("**/search/?q=xay+dung+chinh+don+dang")
    first = page.locator("li.search-result h2 a").first
    assert first.inner_text() == PLAN_TITLE
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == PLAN_TITLE
