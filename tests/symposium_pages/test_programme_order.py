"""One programme order everywhere: the plan, the units page, a paper's neighbours, the feed,
the booklet and the report list the papers alike, follow the editors' reordering in the
explorer, and give a newly received paper the next place before the closing summary."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from symposium_pages import printing
from symposium_pages.models import InvitedUnitsPage, PaperPage
from symposium_pages.receiving import receive_paper
from tests.documents.docx_checks import body_paragraphs, headings, open_docx, paragraph_text

from .docx_builders import simple_paper
from .factories import release
from .reading import paper, symposium, text, unit_and_invitation, units_page

KEYNOTE = "Báo cáo đề dẫn"
CLOSING = "Báo cáo tổng kết"
RECEIVED = "Nâng cao chất lượng sinh hoạt chi bộ"  # the title simple_paper() carries


@pytest.fixture
def plan(home_page):
    plan = symposium(home_page)
    units_page(plan)
    paper(plan, KEYNOTE, kind=PaperPage.Kind.KEYNOTE)
    paper(plan, "Sinh hoạt chi bộ ở phường", "Thành ủy Pleiku")
    paper(plan, "Người đứng đầu nêu gương", "Huyện ủy Chư Păh")
    paper(plan, CLOSING, kind=PaperPage.Kind.CLOSING)
    return plan


def receive(plan, unit_name="Huyện ủy Kbang"):
    """A paper received through the intake, then taken through the workflow."""
    _unit, invitation = unit_and_invitation(plan, unit_name)
    receipt = receive_paper(
        plan,
        data=simple_paper(),
        filename="tham-luan.docx",
        invitation=invitation,
        method="estimate",
    )
    return release(receipt.paper.get_latest_revision_as_object())


def drag(client, page, before):
    """The explorer's reordering: `page` dropped at the place of `before`."""
    children = list(before.get_parent().get_children().values_list("pk", flat=True))
    url = reverse("wagtailadmin_pages:set_page_position", args=[page.pk])
    response = client.post(f"{url}?position={children.index(before.pk)}")
    assert response.status_code == 200


def titled(plan, title):
    return PaperPage.objects.child_of(plan).get(title=title)


# -- what each place lists -----------------------------------------------------------------


def on_the_plan(client, plan):
    html = client.get(plan.url).content.decode()
    block = re.search(r'<section class="paper-list"[^>]*>(.*?)</section>', html, re.S).group(1)
    return [text(title) for title in re.findall(r'class="paper-title"[^>]*>(.*?)</', block, re.S)]


def by_neighbours(client, plan):
    """Walks the previous/next links from the first paper to the last (and back)."""
    order = []
    url = PaperPage.objects.child_of(plan).get(title=KEYNOTE).url
    while url:
        html = client.get(url).content.decode()
        order.append(text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)))
        following = re.search(r'href="([^"]+)" rel="next"', html)
        url = following.group(1) if following else None
    backwards = []
    url = PaperPage.objects.child_of(plan).get(title=order[-1]).url
    while url:
        html = client.get(url).content.decode()
        backwards.append(text(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)))
        previous = re.search(r'href="([^"]+)" rel="prev"', html)
        url = previous.group(1) if previous else None
    assert backwards == order[::-1]
    return order


def in_the_feed(client, plan):
    channel = ET.fromstring(client.get(f"{plan.url}feed/").content).find("channel")
    papers = set(PaperPage.objects.child_of(plan).values_list("title", flat=True))
    return [
        item.findtext("title")
        for item in channel.findall("item")
        if item.findtext("title") in papers
    ]


def in_the_booklet(plan):
    document = open_docx(printing.build_booklet(plan, use_libreoffice=False).docx)
    return [paragraph_text(heading) for heading in headings(document)]


def in_the_report(plan):
    document = open_docx(printing.report_docx(plan))
    lines = [paragraph_text(p) for p in body_paragraphs(document)]
    start = lines.index("Các báo cáo, tham luận theo thứ tự chương trình:") + 1
    listed = []
    for line in lines[start:]:
        found = re.match(r"\d+\. (.*?)(?: \([^)]*\))?[;.]$", line)
        if not found:
            break
        listed.append(found.group(1))
    return listed


def everywhere(client, plan):
    return {
        "plan": on_the_plan(client, plan),
        "neighbours": by_neighbours(client, plan),
        "feed": in_the_feed(client, plan),
        "booklet": in_the_booklet(plan),
        "report": in_the_report(plan),
    }


# -- the tests -----------------------------------------------------------------------------


def test_a_received_paper_takes_the_next_place_before_the_closing_summary(client, plan):
    receive(plan)
    expected = [KEYNOTE, "Sinh hoạt chi bộ ở phường", "Người đứng đầu nêu gương", RECEIVED, CLOSING]
    assert everywhere(client, plan) == dict.fromkeys(
        ["plan", "neighbours", "feed", "booklet", "report"], expected
    )
    # In the explorer too: the page tree itself has it before the summary.
    assert [page.title for page in PaperPage.objects.child_of(plan).order_by("path")] == expected


def test_the_plan_page_follows_the_explorers_order(admin_client, client, plan):
    drag(
        admin_client,
        titled(plan, "Người đứng đầu nêu gương"),
        titled(plan, "Sinh hoạt chi bộ ở phường"),
    )
    assert on_the_plan(client, plan) == [
        KEYNOTE,
        "Người đứng đầu nêu gương",
        "Sinh hoạt chi bộ ở phường",
        CLOSING,
    ]


def test_neighbours_follow_the_explorers_order(admin_client, client, plan):
    receive(plan)
    drag(admin_client, titled(plan, RECEIVED), titled(plan, "Sinh hoạt chi bộ ở phường"))
    assert by_neighbours(client, plan) == [
        KEYNOTE,
        RECEIVED,
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        CLOSING,
    ]


def test_the_feed_follows_the_explorers_order(admin_client, client, plan):
    drag(
        admin_client,
        titled(plan, "Người đứng đầu nêu gương"),
        titled(plan, "Sinh hoạt chi bộ ở phường"),
    )
    assert in_the_feed(client, plan) == [
        KEYNOTE,
        "Người đứng đầu nêu gương",
        "Sinh hoạt chi bộ ở phường",
        CLOSING,
    ]


def test_the_booklet_follows_the_explorers_order(admin_client, plan):
    drag(
        admin_client,
        titled(plan, "Người đứng đầu nêu gương"),
        titled(plan, "Sinh hoạt chi bộ ở phường"),
    )
    assert in_the_booklet(plan) == [
        KEYNOTE,
        "Người đứng đầu nêu gương",
        "Sinh hoạt chi bộ ở phường",
        CLOSING,
    ]


def test_the_report_follows_the_explorers_order(admin_client, plan):
    drag(
        admin_client,
        titled(plan, "Người đứng đầu nêu gương"),
        titled(plan, "Sinh hoạt chi bộ ở phường"),
    )
    assert in_the_report(plan) == [
        KEYNOTE,
        "Người đứng đầu nêu gương",
        "Sinh hoạt chi bộ ở phường",
        CLOSING,
    ]


def test_the_keynote_stays_first_and_the_summary_last_wherever_they_are_dragged(
    admin_client, client, plan
):
    drag(admin_client, titled(plan, CLOSING), titled(plan, KEYNOTE))
    drag(admin_client, titled(plan, KEYNOTE), titled(plan, "Người đứng đầu nêu gương"))
    expected = [KEYNOTE, "Sinh hoạt chi bộ ở phường", "Người đứng đầu nêu gương", CLOSING]
    assert everywhere(client, plan) == dict.fromkeys(
        ["plan", "neighbours", "feed", "booklet", "report"], expected
    )


def test_the_units_page_lists_a_units_papers_in_programme_order(admin_client, client, plan):
    _unit, invitation = unit_and_invitation(plan, "Thành ủy Pleiku")
    first = titled(plan, "Sinh hoạt chi bộ ở phường")
    later = paper(plan, "Phụ lục: số liệu chi bộ", invitation=invitation, unit=invitation.unit)
    url = InvitedUnitsPage.objects.child_of(plan).get().url

    def listed():
        html = client.get(url).content.decode()
        row = re.search(r'<span class="unit-name">Thành ủy Pleiku</span>(.*?)</li>', html, re.S)
        return [text(link) for link in re.findall(r'class="unit-paper"[^>]*>(.*?)</a>', row[1])]

    assert listed() == ["Sinh hoạt chi bộ ở phường", "Phụ lục: số liệu chi bộ"]
    drag(admin_client, later, first)
    assert listed() == ["Phụ lục: số liệu chi bộ", "Sinh hoạt chi bộ ở phường"]


def test_the_explorer_lists_the_plan_in_programme_order(admin_client, plan):
    receive(plan)
    html = admin_client.get(reverse("wagtailadmin_explore", args=[plan.pk])).content.decode()
    expected = [KEYNOTE, "Sinh hoạt chi bộ ở phường", "Người đứng đầu nêu gương", RECEIVED, CLOSING]
    positions = [html.index(title) for title in expected]
    assert positions == sorted(positions)


def in_the_tree(plan):
    return [page.title for page in PaperPage.objects.child_of(plan).order_by("path")]


def test_a_copied_paper_takes_the_next_place_before_the_closing_summary(admin_client, plan):
    source = titled(plan, "Sinh hoạt chi bộ ở phường")
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Bản sao tham luận", "new_slug": "ban-sao", "new_parent_page": plan.pk},
    )
    assert response.status_code == 302
    assert in_the_tree(plan) == [
        KEYNOTE,
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        "Bản sao tham luận",
        CLOSING,
    ]


def test_a_paper_moved_in_from_another_plan_takes_the_next_place(admin_client, home_page, plan):
    other = symposium(home_page, slug="toa-dam-khac", title="Tọa đàm khác")
    moved = paper(other, "Tham luận chuyển sang", "Thị ủy An Khê", live=False)
    url = reverse("wagtailadmin_pages:move_confirm", args=[moved.pk, plan.pk])
    assert admin_client.post(url).status_code == 302
    assert in_the_tree(plan) == [
        KEYNOTE,
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        "Tham luận chuyển sang",
        CLOSING,
    ]


def test_deleting_a_paper_leaves_the_others_in_order(admin_client, client, plan):
    receive(plan)
    doomed = titled(plan, "Sinh hoạt chi bộ ở phường")
    assert (
        admin_client.post(reverse("wagtailadmin_pages:delete", args=[doomed.pk])).status_code == 302
    )
    expected = [KEYNOTE, "Người đứng đầu nêu gương", RECEIVED, CLOSING]
    assert everywhere(client, plan) == dict.fromkeys(
        ["plan", "neighbours", "feed", "booklet", "report"], expected
    )


def test_a_translated_plan_follows_its_originals_order(home_page, plan):
    """Translations made in any order are listed as their originals are."""
    from wagtail.models import Locale

    from .test_content_translation import translate

    english = Locale.objects.get_or_create(language_code="en")[0]
    translate(home_page, english, {})
    en_plan = translate(plan, english, {})
    originals = list(PaperPage.objects.child_of(plan).order_by("path"))
    for original in reversed(originals):
        translate(original, english, {})
    listed = list(en_plan.specific.published_papers())
    assert [page.locale_id for page in listed] == [english.pk] * 4
    assert [page.translation_key for page in listed] == [page.translation_key for page in originals]
    assert [page.title for page in originals] == [
        KEYNOTE,
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        CLOSING,
    ]


def test_a_paper_received_by_the_command_takes_the_next_place(plan, tmp_path):
    unit, _invitation = unit_and_invitation(plan, "Huyện ủy Kbang")
    upload = tmp_path / "tham-luan.docx"
    upload.write_bytes(simple_paper())
    call_command(
        "receive_paper",
        plan.slug,
        str(upload),
        unit=unit.name,
        method="estimate",
        stdout=io.StringIO(),
    )
    assert in_the_tree(plan) == [
        KEYNOTE,
        "Sinh hoạt chi bộ ở phường",
        "Người đứng đầu nêu gương",
        RECEIVED,
        CLOSING,
    ]


def more_papers(plan):
    for number in range(4):
        paper(plan, f"Tham luận thêm {number}", f"Đảng ủy xã {number}")


@pytest.mark.parametrize("place", ["plan", "units", "paper", "feed"])
def test_queries_do_not_grow_with_the_papers(client, plan, place):
    def queries():
        url = {
            "plan": plan.url,
            "units": InvitedUnitsPage.objects.child_of(plan).get().url,
            "paper": titled(plan, "Sinh hoạt chi bộ ở phường").url,
            "feed": f"{plan.url}feed/",
        }[place]
        cache.clear()  # the lists' cached fragments: built afresh each time
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = queries()
    more_papers(plan)
    assert queries() <= before


@pytest.mark.parametrize("document", ["booklet", "report"])
def test_the_documents_queries_do_not_grow_with_the_papers(plan, document):
    def queries():
        build = {
            "booklet": lambda: printing.booklet_papers(plan),
            "report": lambda: printing.report_data(plan),
        }[document]
        with CaptureQueriesContext(connection) as captured:
            build()
        return len(captured)

    before = queries()
    more_papers(plan)
    assert queries() <= before
