"""The public list of invited units: grouped in the plan's order, presenters shown, contacts never."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from symposium_pages.models import Invitation, InvitedUnitsPage, PaperPage, Unit

from .factories import make_plan, release

PLAN_ORDER_LABELS = [
    "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy",
    "Các ban cán sự đảng",
    "Các đảng đoàn",
    "Ban Thường vụ Tỉnh đoàn",
    "Các huyện ủy, thị ủy, thành ủy",
    "Các đảng ủy trực thuộc Tỉnh ủy",
    "Các tổ chức đảng ở cơ sở",
]


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def groups(html):
    """[(heading, [unit item text, …]), …] as the page shows them."""
    found = []
    for section in re.findall(r'<section class="unit-group".*?</section>', html, re.S):
        heading = text(re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S).group(1))
        items = [text(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", section, re.S)]
        found.append((heading, items))
    return found


def publish_child(parent, page):
    parent.add_child(instance=page)
    release(page)
    return page


@pytest.fixture
def plan_with_units(home_page):
    plan = make_plan(home_page)
    page = publish_child(plan, InvitedUnitsPage(title="Các đơn vị được mời", slug="don-vi"))
    # Created out of the plan's order on purpose.
    rows = [
        (
            "Huyện ủy Kbang",
            "huyen_uy",
            "paper",
            "",
            "Phó Bí thư Thường trực Huyện ủy",
            "0269 3000 111",
        ),
        ("Đảng bộ xã Ia Dom", "co_so", "paper", "Rơ Lan Hlim", "Bí thư Đảng ủy xã", ""),
        ("Ban Tổ chức Tỉnh ủy", "tham_muu", "paper", "", "Phó Trưởng Ban Tổ chức Tỉnh ủy", ""),
        ("Văn phòng Tỉnh ủy", "tham_muu", "attend", "", "Phó Chánh Văn phòng", "0269 3000 222"),
        ("Ban Thường vụ Tỉnh đoàn", "tinh_doan", "paper", "", "Phó Bí thư Tỉnh đoàn", ""),
        ("Thành ủy Pleiku", "huyen_uy", "paper", "", "", ""),
        ("Đảng đoàn Hội Nông dân tỉnh", "dang_doan", "paper", "", "Phó Chủ tịch", ""),
        ("Đảng ủy Công an tỉnh", "dang_uy_truc_thuoc", "paper", "", "Phó Giám đốc", ""),
        ("Ban cán sự đảng UBND tỉnh", "ban_can_su", "paper", "", "Phó Chủ tịch UBND tỉnh", ""),
    ]
    for number, (name, category, expectation, presenter, position, phone) in enumerate(rows):
        unit = Unit.objects.create(
            name=name, category=category, email=f"donvi{number}@gialai.example", phone=phone
        )
        Invitation.objects.create(
            symposium=plan,
            unit=unit,
            expectation=expectation,
            presenter_name=presenter,
            presenter_position=position,
        )
    retired = Unit.objects.create(name="Đơn vị đã giải thể", category="huyen_uy", active=False)
    Invitation.objects.create(symposium=plan, unit=retired)
    return plan, page


def test_units_grouped_in_the_plans_order_with_presenters(client, plan_with_units):
    _plan, page = plan_with_units
    response = client.get(page.url)
    assert response.status_code == 200
    assert groups(response.content.decode()) == [
        (
            "1. Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy (2)",
            [
                "Ban Tổ chức Tỉnh ủy Trình bày: Phó Trưởng Ban Tổ chức Tỉnh ủy",
                "Văn phòng Tỉnh ủy Dự và tham gia thảo luận",
            ],
        ),
        (
            "2. Các ban cán sự đảng (1)",
            ["Ban cán sự đảng UBND tỉnh Trình bày: Phó Chủ tịch UBND tỉnh"],
        ),
        ("3. Các đảng đoàn (1)", ["Đảng đoàn Hội Nông dân tỉnh Trình bày: Phó Chủ tịch"]),
        (
            "4. Ban Thường vụ Tỉnh đoàn (1)",
            ["Ban Thường vụ Tỉnh đoàn Trình bày: Phó Bí thư Tỉnh đoàn"],
        ),
        (
            "5. Các huyện ủy, thị ủy, thành ủy (2)",
            ["Huyện ủy Kbang Trình bày: Phó Bí thư Thường trực Huyện ủy", "Thành ủy Pleiku"],
        ),
        ("6. Các đảng ủy trực thuộc Tỉnh ủy (1)", ["Đảng ủy Công an tỉnh Trình bày: Phó Giám đốc"]),
        (
            "7. Các tổ chức đảng ở cơ sở (1)",
            ["Đảng bộ xã Ia Dom Trình bày: đồng chí Rơ Lan Hlim, Bí thư Đảng ủy xã"],
        ),
    ]


def test_units_page_never_shows_contacts_or_retired_units(client, plan_with_units):
    _plan, page = plan_with_units
    html = client.get(page.url).content.decode()
    assert "@" not in text(html)
    assert "gialai.example" not in html
    assert "0269" not in html
    assert "Đơn vị đã giải thể" not in html


def test_units_page_links_only_published_papers(client, plan_with_units):
    plan, page = plan_with_units
    invitation = Invitation.objects.get(unit__name="Thành ủy Pleiku")
    published = publish_child(
        plan, PaperPage(title="Nâng cao chất lượng sinh hoạt chi bộ", invitation=invitation)
    )
    draft = PaperPage(
        title="Bản thảo chưa duyệt",
        invitation=Invitation.objects.get(unit__name="Huyện ủy Kbang"),
        live=False,
    )
    plan.add_child(instance=draft)
    draft.save_revision()
    html = client.get(page.url).content.decode()
    assert (
        f'<a class="unit-paper" href="{published.url}">Nâng cao chất lượng sinh hoạt chi bộ</a>'
        in html
    )
    assert "Bản thảo chưa duyệt" not in html
    assert draft.url is None or draft.url not in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_units_page_runs_a_fixed_number_of_queries(client, plan_with_units):
    plan, page = plan_with_units
    client.get(page.url)  # warm the caches (site root paths)
    few, _response = count_queries(client, page.url)
    for number in range(20):
        unit = Unit.objects.create(name=f"Chi bộ số {number}", category="co_so")
        invitation = Invitation.objects.create(
            symposium=plan, unit=unit, presenter_position="Bí thư Chi bộ"
        )
        publish_child(plan, PaperPage(title=f"Tham luận số {number}", invitation=invitation))
    client.get(page.url)  # the publishes renewed the cached list; fill it again
    many, response = count_queries(client, page.url)
    assert len(groups(response.content.decode())[-1][1]) == 21
    assert many == few


def test_plan_page_links_to_the_units_page(client, plan_with_units):
    plan, page = plan_with_units
    html = client.get(plan.url).content.decode()
    section = re.search(r'<section class="invited-units-link".*?</section>', html, re.S).group(0)
    assert text(section) == "Các đơn vị được mời 9 đơn vị được mời và người trình bày tham luận"
    assert f'href="{page.url}"' in section


def test_plan_page_without_a_published_units_page_has_no_link(client, plan_with_units):
    plan, page = plan_with_units
    page.unpublish()
    html = client.get(plan.url).content.decode()
    assert "invited-units-link" not in html


def test_empty_units_page_says_so(client, home_page):
    plan = make_plan(home_page)
    page = publish_child(plan, InvitedUnitsPage(title="Các đơn vị được mời", slug="don-vi"))
    html = client.get(page.url).content.decode()
    assert groups(html) == []
    assert "Danh sách đơn vị được mời chưa được công bố." in html
