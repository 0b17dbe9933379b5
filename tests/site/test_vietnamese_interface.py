"""The Vietnamese interface carries no English sentence of ours, in the admin or on the site.

Every msgid of our two catalogues with more than three words (between its
placeholders) is looked for in the HTML of key pages, rendered in Vietnamese: a
hit is a string that escaped gettext or a translation that is not compiled.
"""

import html
import re

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation

from symposium_pages.models import BudgetItem, Invitation, SymposiumBudget, Unit
from tests.host_fixtures import build_demo_reading_plan
from tests.symposium_pages.docx_builders import simple_paper
from tests.symposium_pages.newsroom import receive

from .test_catalogues import CATALOGUES, po_path

PIECES = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\s*\n\s*")


def english_phrases():
    """Pieces of our msgids long enough not to be found by chance, and translated otherwise."""
    phrases = set()
    for name in CATALOGUES:
        for entry in polib.pofile(str(po_path(name))):
            translated = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                if msgid in translated:
                    continue  # the same in both languages (a name, a code)
                for piece in PIECES.split(msgid):
                    piece = piece.strip(" .,:;()—–-“”\"'")
                    if len(piece.split()) > 3:
                        phrases.add(piece)
    return phrases


def english_in(page_html, phrases):
    text = html.unescape(page_html)
    return sorted(phrase for phrase in phrases if phrase in text)


@pytest.fixture
def site(home_page):
    found = build_demo_reading_plan(home_page)
    plan = found["plan"]
    BudgetItem.objects.create(
        budget=SymposiumBudget.for_symposium(plan),
        item="Bồi dưỡng báo cáo viên",
        quantity=5,
        unit="người",
        unit_price=500000,
    )
    found["received"] = receive(plan, unit_name="Đảng ủy Công an tỉnh", pages=9)
    return found


def test_public_pages_in_vietnamese(client, site):
    phrases = english_phrases()
    urls = [
        "/",
        site["plan"].url,
        site["units"].url,
        site["first"].url,
        site["story"].url,
        site["section"].url,
        site["article"].url,
        "/search/?q=tham+lu%E1%BA%ADn",
        "/search/?q=khongcoketqua",
    ]
    feeds = ["/feed/", site["plan"].get_feed_url(), site["plan"].get_calendar_url()]
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.content.decode().count('lang="vi"') >= 1, url
        found[url] = english_in(response.content.decode(), phrases)
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = english_in(response.content.decode(), phrases)
    assert found == {url: [] for url in urls + feeds}


def test_error_pages_in_vietnamese(client, home_page):
    phrases = english_phrases()
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert "<h1>Không tìm thấy trang</h1>" in missing.content.decode()
    assert english_in(missing.content.decode(), phrases) == []
    with translation.override("vi"):
        failure = render_to_string("500.html")
    assert "<h1>Lỗi máy chủ</h1>" in failure
    assert english_in(failure, phrases) == []


def test_admin_in_vietnamese(admin_client, site, settings):
    settings.SYMPOSIUM_SOFFICE = "/nonexistent/soffice"  # pages estimated: fast, same everywhere
    phrases = english_phrases()
    plan = site["plan"]
    new_unit = Unit.objects.create(name="Huyện ủy Kông Chro", category="huyen_uy")
    invitation = Invitation.objects.get(symposium=plan, unit__name="Đảng ủy Công an tỉnh")
    receive_url = f"/admin/symposium/{plan.pk}/receive-paper/"
    budget = SymposiumBudget.for_symposium(plan)
    pages = {
        "dashboard": admin_client.get("/admin/"),
        "plan": admin_client.get(f"/admin/pages/{plan.pk}/"),
        "plan edit": admin_client.get(f"/admin/pages/{plan.pk}/edit/"),
        "paper edit": admin_client.get(f"/admin/pages/{site['received'].pk}/edit/"),
        "add a paper": admin_client.get(f"/admin/pages/add/symposium_pages/paperpage/{plan.pk}/"),
        "units": admin_client.get("/admin/snippets/symposium_pages/unit/"),
        "invitations": admin_client.get("/admin/snippets/symposium_pages/invitation/"),
        "invitation edit": admin_client.get(
            f"/admin/snippets/symposium_pages/invitation/edit/{invitation.pk}/"
        ),
        "report": admin_client.get("/admin/reports/symposium-invitations/"),
        "budget edit": admin_client.get(
            f"/admin/snippets/symposium_pages/symposiumbudget/edit/{budget.pk}/"
        ),
        "budget": admin_client.get(
            f"/admin/snippets/symposium_pages/symposiumbudget/inspect/{budget.pk}/"
        ),
        "approve budget": admin_client.get(f"/admin/symposium/budget/{budget.pk}/approve/"),
        "receive": admin_client.get(receive_url),
        "refused": admin_client.post(
            receive_url,
            {
                "file": SimpleUploadedFile("tham-luan.docx", b"not a docx"),
                "invitation": invitation.pk,
            },
        ),
        "preview": admin_client.post(
            receive_url,
            {
                "file": SimpleUploadedFile("tham-luan.docx", simple_paper(pages=9)),
                "unit": new_unit.pk,
            },
        ),
    }
    # each page is the one meant, with our parts in it
    expected = {
        "dashboard": "symposium-progress",
        "plan edit": "budget",
        "budget edit": "Bồi dưỡng báo cáo viên",
        "budget": "Bồi dưỡng báo cáo viên",
        "approve budget": "2.500.000 đ",
        "preview": 'class="intake-title"',
        "refused": "error-message",
        "invitations": "invitation-status",
    }
    found = {}
    for name, response in pages.items():
        assert response.status_code == 200, name
        content = response.content.decode()
        assert expected.get(name, "") in content, name
        found[name] = english_in(content, phrases)
    assert found == {name: [] for name in pages}
    # how the pages were counted, in words rather than the stored key
    preview = pages["preview"].content.decode()
    assert "9 (ước tính theo bố cục trang)" in preview
    assert '<option value="estimate" selected>ước tính theo bố cục trang</option>' in (
        pages["paper edit"].content.decode()
    )
