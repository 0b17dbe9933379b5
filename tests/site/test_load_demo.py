"""load_demo builds the Gia Lai demo, and running it again changes nothing."""

from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from symposium_pages.models import SymposiumPage


def tree():
    return [
        (page.depth, page.slug, page.content_type.model, page.title, page.live)
        for page in Page.objects.order_by("path").select_related("content_type")
    ]


def test_load_demo_twice_gives_the_same_tree(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = tree()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert tree() == first
    assert [row[2] for row in first] == [
        "page",
        "homepage",
        "newsindexpage",
        "newsarticlepage",
        "newsarticlepage",
        "newsarticlepage",
        "symposiumpage",
        "invitedunitspage",
        *["paperpage"] * 11,
        "coveragepage",
    ]
    revisions = Revision.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Revision.objects.count() == revisions


def test_demo_symposium_holds_the_seed_facts(demo):
    plan = SymposiumPage.objects.get()
    assert plan.plan_number == "92-KH/TU"
    assert plan.page_limit == 7
    assert plan.submission_deadline.isoformat() == "2022-08-19"
    assert plan.receiving_department == "Ban Tuyên giáo Tỉnh ủy"
    assert plan.event_period == "cuối tháng 8 năm 2022"
    assert [doc.number for doc in plan.legal_bases.all()] == ["21-KL/TW", "01-KL/TW", "05-CT/TW"]
    roles = {item.unit_name: item.role for item in plan.assignments.all()}
    assert roles["Ban Tuyên giáo Tỉnh ủy"] == "lead"
    assert roles["Ban Tổ chức Tỉnh ủy"] == "coordinate"
    assert roles["Trường Chính trị tỉnh"] == "coordinate"
    assert roles["Văn phòng Tỉnh ủy"] == "budget"
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == "HomePage"


def test_demo_plan_page_reachable_from_the_sitemap(client, demo):
    sitemap = client.get("/sitemap.xml").content.decode()
    plan = SymposiumPage.objects.get()
    assert plan.full_url in sitemap
    html = client.get(plan.url).content.decode()
    for text in ("92-KH/TU", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "không quá 7 trang A4"):
        assert text in html


def test_home_and_news_pages_render(client, demo):
    home = client.get("/").content.decode()
    assert "Tỉnh ủy Gia Lai lên kế hoạch tọa đàm về xây dựng, chỉnh đốn Đảng" in home
    article = client.get("/thoi-su/ban-hanh-ke-hoach-toa-dam-xay-dung-chinh-don-dang/")
    html = article.content.decode()
    assert article.status_code == 200
    assert "Ảnh: Anh Huy" in html
    assert 'href="/toa-dam-xay-dung-chinh-don-dang-2022/"' in html


def test_demo_has_invitations_in_every_state(demo):
    from symposium_pages.models import Invitation

    statuses = {invitation.status for invitation in Invitation.objects.with_status()}
    # "In review" is for a workflow other than the add-on's, which the demo does not use.
    assert statuses == set(Invitation.Status.values) - {Invitation.Status.IN_REVIEW}
