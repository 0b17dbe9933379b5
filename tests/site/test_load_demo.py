"""load_demo builds the Gia Lai demo, and running it again changes nothing."""

from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from home.demo import english
from symposium_pages.models import InvitedUnitsPage, PaperPage, SymposiumPage
from tests.site.test_languages import html_lang, switcher


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
        # The English edition: home, plan, its units page and one paper.
        "homepage",
        "symposiumpage",
        "invitedunitspage",
        "paperpage",
    ]
    revisions = Revision.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert Revision.objects.count() == revisions


def test_demo_symposium_holds_the_seed_facts(demo):
    plan = SymposiumPage.objects.get(locale__language_code="vi")
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
    plan = SymposiumPage.objects.get(locale__language_code="vi")
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


def test_demo_english_pages_leave_no_vietnamese_string_untranslated(demo):
    vi = {"locale__language_code": "vi"}
    pages = [
        (demo, english.HOME),
        (SymposiumPage.objects.get(**vi), english.PLAN),
        (InvitedUnitsPage.objects.get(**vi), english.UNITS_PAGE),
        (PaperPage.objects.get(slug=english.PAPER_SLUG, **vi), english.PAPER),
    ]
    for page, strings in pages:
        assert english.untranslated(page, strings) == [], page.title
        translated = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
        assert translated.live and translated.translation_key == page.translation_key


def test_demo_english_plan_is_linked_both_ways(client, demo):
    plan = SymposiumPage.objects.get(locale__language_code="vi")
    en_plan = SymposiumPage.objects.get(locale__language_code="en")
    assert en_plan.url.startswith("/en/")
    # What the plan decides is the same in both languages.
    for field in ("plan_number", "issued_on", "submission_deadline", "page_limit"):
        assert getattr(en_plan, field) == getattr(plan, field)
    assert [doc.number for doc in en_plan.legal_bases.all()] == ["21-KL/TW", "01-KL/TW", "05-CT/TW"]
    assert [item.role for item in en_plan.assignments.all()] == [
        item.role for item in plan.assignments.all()
    ]

    response = client.get(en_plan.url)
    html = response.content.decode()
    assert response.status_code == 200 and html_lang(response) == "en"
    for text in (
        "Stepping up the building and rectification",
        "Plan No. 92-KH/TU",
        "19 August 2022",
        "Propaganda Department of the Provincial Party Committee",
        "Conclusion on continuing to implement Directive 05-CT/TW",
        "Keynote report",
        "Raising the quality of Party cell meetings in the wards of Pleiku city",
    ):
        assert text in html, text
    for text in ("Báo cáo đề dẫn tọa đàm", "Hạn gửi", "không quá 7 trang A4", "Đón tiếp đại biểu"):
        assert text not in html, text
    assert switcher(response)[0]["vi"] == plan.url
    assert f'hreflang="vi" href="http://testserver{plan.url}"' in html

    vietnamese = client.get(plan.url)
    assert html_lang(vietnamese) == "vi"
    assert switcher(vietnamese)[0]["en"] == en_plan.url


def test_demo_english_units_page_lists_the_plans_invitations(client, demo):
    page = InvitedUnitsPage.objects.get(locale__language_code="en")
    en_paper = PaperPage.objects.get(locale__language_code="en")
    untranslated = PaperPage.objects.live().get(slug="huyen-uy-chu-pah")
    html = client.get(page.url).content.decode()
    assert html.count('<li class="unit unit-') == 42
    assert "Attends and takes part in the discussion" in html
    # A translated paper is linked in English, an untranslated one in Vietnamese.
    assert f'href="{en_paper.url}"' in html
    assert f'href="{untranslated.url}"' in html
    plan = client.get(SymposiumPage.objects.get(locale__language_code="en").url)
    assert "The 42 invited units" in plan.content.decode()


def test_demo_english_paper_and_its_fallback(client, demo):
    paper = PaperPage.objects.get(slug=english.PAPER_SLUG, locale__language_code="vi")
    en_paper = PaperPage.objects.get(locale__language_code="en")
    # The translation is a reading copy: the received paper keeps its invitation alone.
    assert en_paper.invitation_id is None and paper.invitation_id is not None
    assert list(paper.invitation.papers.all()) == [paper]
    response = client.get(en_paper.url)
    html = response.content.decode()
    assert "I. Where things stand" in html
    assert "Judge the quality of cell meetings by the results of the work done." in html
    assert switcher(response)[0]["vi"] == paper.url
    # An untranslated paper sends English readers to the English plan, not to a 404.
    other = PaperPage.objects.live().get(slug="huyen-uy-chu-pah")
    links, _current = switcher(client.get(other.url))
    assert links["en"] == SymposiumPage.objects.get(locale__language_code="en").url
