"""The public plan page shows each key fact, the assignments and the programme."""

import datetime
import re

import pytest
from django.utils import timezone

from symposium_pages.models import ProgrammeItem, SymposiumAssignment

from .factories import make_plan, release


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def fact(html, css_class):
    match = re.search(rf'<dd class="{css_class}">(.*?)</dd>', html, re.S)
    assert match, f"no {css_class} in the key-facts panel"
    return text_of(match.group(1))


@pytest.fixture
def plan(home_page):
    page = make_plan(home_page, venue="Hội trường 19-8")
    page.assignments = [
        SymposiumAssignment(
            sort_order=0, unit_name="Ban Tuyên giáo Tỉnh ủy", role="lead", tasks="Chủ trì"
        ),
        SymposiumAssignment(
            sort_order=1, unit_name="Văn phòng Tỉnh ủy", role="budget", tasks="Bố trí kinh phí"
        ),
    ]
    page.programme_items = [
        ProgrammeItem(
            sort_order=0,
            starts_at=datetime.time(8, 0),
            ends_at=datetime.time(8, 30),
            title="Báo cáo đề dẫn",
        ),
        ProgrammeItem(sort_order=1, title="Tham luận", speaker="Huyện ủy Chư Păh"),
    ]
    release(page)
    return page


def get(client, page):
    response = client.get(page.url, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return response.content.decode()


def test_key_facts_panel(client, plan):
    html = get(client, plan)
    assert fact(html, "fact-plan-number") == "Số 92-KH/TU, ngày 10 tháng 8 năm 2022"
    assert fact(html, "fact-issuer") == "Ban Thường vụ Tỉnh ủy Gia Lai"
    assert fact(html, "fact-time") == "cuối tháng 8 năm 2022"
    assert fact(html, "fact-venue") == "Hội trường 19-8"
    assert fact(html, "fact-page-limit") == "không quá 7 trang A4"
    assert fact(html, "fact-receiver") == "Ban Tuyên giáo Tỉnh ủy"
    # The demo's deadline (2022) has passed.
    assert fact(html, "fact-deadline") == "trước ngày 19 tháng 8 năm 2022 Đã hết hạn"


def test_deadline_still_open_counts_the_days(client, home_page):
    today = timezone.localdate()
    page = make_plan(
        home_page,
        slug="sap-toi",
        submission_deadline=today + datetime.timedelta(days=5),
        event_period_start=today + datetime.timedelta(days=10),
    )
    html = get(client, page)
    assert fact(html, "fact-deadline").endswith("Còn 5 ngày")


def test_exact_time_is_shown_with_the_hour(client, home_page):
    start = timezone.make_aware(datetime.datetime(2022, 8, 30, 8, 0))
    page = make_plan(home_page, slug="co-gio", event_starts_at=start, event_period="")
    assert fact(get(client, page), "fact-time") == "08:00, ngày 30 tháng 8 năm 2022"


def test_missing_venue_is_announced_later(client, home_page):
    page = make_plan(home_page, slug="chua-co-dia-diem")
    assert fact(get(client, page), "fact-venue") == "Sẽ thông báo sau"


def test_assignments_table_and_programme(client, plan):
    html = get(client, plan)
    rows = re.findall(r'<tr class="assignment assignment-(\w+)">(.*?)</tr>', html, re.S)
    assert [(role, text_of(cells)) for role, cells in rows] == [
        ("lead", "Ban Tuyên giáo Tỉnh ủy Chủ trì Chủ trì"),
        ("budget", "Văn phòng Tỉnh ủy Kinh phí Bố trí kinh phí"),
    ]
    programme = re.search(r'<table class="stack programme">(.*?)</table>', html, re.S).group(1)
    assert "08:00–08:30 Báo cáo đề dẫn" in text_of(programme)
    assert "Tham luận Huyện ủy Chư Păh" in text_of(programme)


def test_plan_page_is_in_the_sitemap(client, plan):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert f"<loc>{plan.full_url}</loc>" in response.content.decode()
