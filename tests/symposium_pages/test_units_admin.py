"""The admin of units and invitations: listings, filters, search, the menu, bounded queries."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from symposium_pages.models import Invitation, PaperPage, Unit

from .factories import make_plan, release

UNITS_URL = "/admin/snippets/symposium_pages/unit/"
INVITATIONS_URL = "/admin/snippets/symposium_pages/invitation/"


def listed(response):
    """The objects a listing shows, in order, as their names."""
    assert response.status_code == 200
    return [str(getattr(item, "unit", item)) for item in response.context["object_list"]]


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def listing(html):
    return html[html.index('<table class="listing">') :]


def headings(html):
    """The listing's column headings, after the select-all checkbox."""
    return [text(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", listing(html), re.S)][1:]


def row_of(html, name):
    """The HTML of the listing row whose title is `name`."""
    for row in re.findall(r"<tr>(.*?)</tr>", listing(html), flags=re.S):
        if f">{name}</span>" in row:
            return row
    raise AssertionError(f"no row for {name}")


def cells(row):
    """The texts of a row's plain cells (after the checkbox and the title)."""
    return [text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)][2:]


@pytest.fixture
def units(db):
    made = {}
    for name, short_name, category, parent in [
        ("Ban Tổ chức Tỉnh ủy", "BTC", "tham_muu", None),
        ("Đảng đoàn HĐND tỉnh", "ĐĐ HĐND", "dang_doan", None),
        ("Huyện ủy Chư Păh", "HU Chư Păh", "huyen_uy", None),
        ("Thành ủy Pleiku", "TU Pleiku", "huyen_uy", None),
        ("Đảng bộ phường Hội Thương", "", "co_so", "Thành ủy Pleiku"),
        ("Đảng bộ xã Ia Dom", "", "co_so", None),
    ]:
        made[name] = Unit.objects.create(
            name=name,
            short_name=short_name,
            category=category,
            parent=made.get(parent),
            email=f"{len(made)}@gialai.example",
        )
    made["Đảng bộ xã Ia Dom"].active = False
    made["Đảng bộ xã Ia Dom"].save()
    return made


# -- units --------------------------------------------------------------


def test_unit_list_in_plan_order_with_its_columns(admin_client, units):
    response = admin_client.get(UNITS_URL)
    assert listed(response) == [
        "Ban Tổ chức Tỉnh ủy",
        "Đảng đoàn HĐND tỉnh",
        "Huyện ủy Chư Păh",
        "Thành ủy Pleiku",
        "Đảng bộ phường Hội Thương",
        "Đảng bộ xã Ia Dom",
    ]
    html = response.content.decode()
    assert cells(row_of(html, "Đảng bộ phường Hội Thương")) == [
        "",
        "Các tổ chức đảng ở cơ sở",
        "Thành ủy Pleiku",
        "True",
    ]
    assert cells(row_of(html, "Huyện ủy Chư Păh")) == [
        "HU Chư Păh",
        "Các huyện ủy, thị ủy, thành ủy",
        "",
        "True",
    ]
    assert cells(row_of(html, "Đảng bộ xã Ia Dom"))[3] == "False"
    assert headings(html) == ["Tên", "Tên viết tắt", "Nhóm", "Đơn vị cấp trên", "Đang hoạt động"]


def test_unit_list_filters_by_category_and_active(admin_client, units):
    assert listed(admin_client.get(UNITS_URL, {"category": "huyen_uy"})) == [
        "Huyện ủy Chư Păh",
        "Thành ủy Pleiku",
    ]
    assert listed(admin_client.get(UNITS_URL, {"category": "co_so", "active": "false"})) == [
        "Đảng bộ xã Ia Dom"
    ]
    assert listed(admin_client.get(UNITS_URL, {"active": "true", "category": "co_so"})) == [
        "Đảng bộ phường Hội Thương"
    ]


def test_unit_search_ignores_case_and_diacritics(admin_client, units):
    assert listed(admin_client.get(UNITS_URL, {"q": "chu pah"})) == ["Huyện ủy Chư Păh"]
    assert listed(admin_client.get(UNITS_URL, {"q": "Pleiku"})) == ["Thành ủy Pleiku"]


def test_unit_form_has_the_model_fields(admin_client, units):
    html = admin_client.get(reverse(Unit.snippet_viewset.get_url_name("add"))).content.decode()
    for name in (
        "name",
        "short_name",
        "category",
        "position",
        "parent",
        "email",
        "phone",
        "active",
    ):
        assert f'name="{name}"' in html


# -- invitations ----------------------------------------------------------


def add_paper(plan, invitation, *, received_day, pages=5, publish=False):
    paper = PaperPage(
        title=f"Tham luận của {invitation.unit.name}",
        unit=invitation.unit,
        invitation=invitation,
        received_at=timezone.make_aware(datetime.datetime(2022, 8, received_day, 9)),
        pages=pages,
        live=False,
    )
    plan.add_child(instance=paper)
    paper.save_revision()
    if publish:
        release(paper, save=False)
    return paper


@pytest.fixture
def invitations(home_page, units):
    plan = make_plan(home_page)
    other = make_plan(home_page, title="Tọa đàm khác", slug="toa-dam-khac", plan_number="15-KH/TU")
    made = {}
    for name, expectation, presenter, position in [
        ("Ban Tổ chức Tỉnh ủy", "paper", "", "Phó Trưởng Ban Tổ chức Tỉnh ủy"),
        ("Đảng đoàn HĐND tỉnh", "attend", "", ""),
        ("Huyện ủy Chư Păh", "paper", "", "Phó Bí thư Thường trực Huyện ủy"),
        ("Thành ủy Pleiku", "paper", "Lê Minh Khoa", "Phó Bí thư Thường trực Thành ủy"),
        ("Đảng bộ phường Hội Thương", "paper", "Trần Thị Thu Hà", "Bí thư Đảng ủy phường"),
    ]:
        made[name] = Invitation.objects.create(
            symposium=plan,
            unit=units[name],
            expectation=expectation,
            presenter_name=presenter,
            presenter_position=position,
        )
    Invitation.objects.create(symposium=other, unit=units["Huyện ủy Chư Păh"])
    # On time and within the limit; late; late and over the limit; published.
    add_paper(plan, made["Ban Tổ chức Tỉnh ủy"], received_day=15)
    add_paper(plan, made["Huyện ủy Chư Păh"], received_day=19)
    add_paper(plan, made["Thành ủy Pleiku"], received_day=20, pages=9)
    add_paper(plan, made["Đảng bộ phường Hội Thương"], received_day=12, publish=True)
    return plan, other, made


def test_invitation_list_shows_derived_status_and_flags(admin_client, invitations):
    plan, _other, _made = invitations
    html = admin_client.get(INVITATIONS_URL, {"symposium": plan.pk}).content.decode()
    assert headings(html) == [
        "Đơn vị",
        "Tọa đàm",
        "Nội dung tham gia",
        "Người trình bày",
        "Trạng thái",
        "Đã nhắc",  # the latest reminder sent from the unit's desk
    ]
    assert cells(row_of(html, "Ban Tổ chức Tỉnh ủy")) == [
        "92-KH/TU · Tọa đàm thử nghiệm",
        "Trình bày tham luận",
        "Phó Trưởng Ban Tổ chức Tỉnh ủy",
        "Đã nhận",
        "",  # never reminded
    ]
    assert cells(row_of(html, "Đảng đoàn HĐND tỉnh"))[1:] == ["Dự tọa đàm", "", "Chỉ dự", ""]
    assert cells(row_of(html, "Huyện ủy Chư Păh"))[3] == "Nhận muộn"
    assert cells(row_of(html, "Thành ủy Pleiku"))[2:] == [
        "Lê Minh Khoa, Phó Bí thư Thường trực Thành ủy",
        "Nhận muộn Vượt số trang",
        "",
    ]
    # A published paper's cell also says how its vetting went (all met by the release bot).
    published, vetting = cells(row_of(html, "Đảng bộ phường Hội Thương"))[3].split(" Đã duyệt: ")
    assert published == "Đã đăng" and vetting.startswith("đạt 7/7, release-bot, ")


def test_invitation_list_in_plan_order_and_filtered(admin_client, invitations):
    plan, other, _made = invitations
    assert listed(admin_client.get(INVITATIONS_URL, {"symposium": plan.pk})) == [
        "Ban Tổ chức Tỉnh ủy",
        "Đảng đoàn HĐND tỉnh",
        "Huyện ủy Chư Păh",
        "Thành ủy Pleiku",
        "Đảng bộ phường Hội Thương",
    ]
    assert listed(admin_client.get(INVITATIONS_URL, {"symposium": other.pk})) == [
        "Huyện ủy Chư Păh"
    ]
    assert listed(
        admin_client.get(INVITATIONS_URL, {"symposium": plan.pk, "unit_category": "huyen_uy"})
    ) == ["Huyện ủy Chư Păh", "Thành ủy Pleiku"]
    assert listed(admin_client.get(INVITATIONS_URL, {"expectation": "attend"})) == [
        "Đảng đoàn HĐND tỉnh"
    ]
    assert listed(
        admin_client.get(INVITATIONS_URL, {"symposium": plan.pk, "paper_received": "false"})
    ) == ["Đảng đoàn HĐND tỉnh"]
    assert listed(admin_client.get(INVITATIONS_URL, {"q": "Hội Thương"})) == [
        "Đảng bộ phường Hội Thương"
    ]


def test_invitation_form_has_no_status_field(admin_client, invitations):
    _plan, _other, made = invitations
    viewset = Invitation.snippet_viewset
    for url in (
        reverse(viewset.get_url_name("add")),
        reverse(viewset.get_url_name("edit"), args=[made["Thành ủy Pleiku"].pk]),
    ):
        html = admin_client.get(url).content.decode()
        fields = set(re.findall(r'name="([a-z_]+)"', html))
        assert {
            "symposium",
            "unit",
            "expectation",
            "presenter_name",
            "presenter_position",
            "notes",
        } <= fields
        assert "status" not in fields
        assert "flags" not in fields


def test_units_and_invitations_sit_under_the_symposia_menu(admin_client, db):
    html = admin_client.get("/admin/").content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    menu = json.loads(props.group(1))["modules"][2]["_args"][0]
    group = next(item for item in menu if item["_args"][0]["name"] == "symposia")
    assert group["_args"][0]["label"] == "Tọa đàm"
    assert [(item["_args"][0]["label"], item["_args"][0]["url"]) for item in group["_args"][1]] == [
        ("Đơn vị", UNITS_URL),
        ("Lời mời", INVITATIONS_URL),
        ("Câu hỏi của các đơn vị", "/admin/snippets/symposium_pages/deskquestion/"),
        ("Tiêu chí thẩm định", "/admin/snippets/symposium_pages/vettingcriterion/"),
    ]


def count_list_queries(client, plan):
    with CaptureQueriesContext(connection) as context:
        response = client.get(INVITATIONS_URL, {"symposium": plan.pk})
    assert response.status_code == 200
    return len(context.captured_queries), len(response.context["object_list"])


def test_invitation_list_runs_a_bounded_number_of_queries(
    admin_client, home_page, django_assert_max_num_queries
):
    plan = make_plan(home_page)

    def invite(start, stop):
        for number in range(start, stop):
            unit = Unit.objects.create(name=f"Đơn vị {number:02d}", category="huyen_uy")
            invitation = Invitation.objects.create(
                symposium=plan, unit=unit, presenter_position="Phó Bí thư"
            )
            if number % 2:
                add_paper(plan, invitation, received_day=10 + number % 15, pages=5 + number % 5)

    invite(0, 5)
    admin_client.get(INVITATIONS_URL)  # warm the caches (content types, site root paths)
    few, shown = count_list_queries(admin_client, plan)
    assert shown == 5
    invite(5, 30)
    many, shown = count_list_queries(admin_client, plan)
    assert shown == 30
    assert many == few
    assert few <= 15  # 12 with Wagtail 8.0: session, user, listing, count, papers, workflow states…
    with django_assert_max_num_queries(few):
        admin_client.get(INVITATIONS_URL, {"symposium": plan.pk})
