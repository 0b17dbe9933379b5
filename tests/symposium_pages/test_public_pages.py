"""What a reader sees on the plan, a paper, a coverage article and the units page."""

import re

import pytest

from .reading import build_reading_plan, check_html, text


@pytest.fixture
def site(home_page):
    return build_reading_plan(home_page)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def section(html, css_class):
    match = re.search(rf'<section class="{css_class}"[^>]*>(.*?)</section>', html, re.S)
    assert match, f"no section {css_class}"
    return match.group(1)


def test_plan_lists_published_papers_in_programme_order(client, site):
    html = html_of(client, site["plan"].url)
    items = re.findall(r'<li class="paper-item[^"]*">(.*?)</li>', section(html, "paper-list"), re.S)
    assert [text(item) for item in items] == [
        "Báo cáo đề dẫn Báo cáo đề dẫn",
        "Tham luận Sinh hoạt chi bộ ở phường Thành ủy Pleiku "
        "Trình bày: đồng chí Nguyễn Văn A, Phó Bí thư Thành ủy",
        "Tham luận Người đứng đầu nêu gương Huyện ủy Chư Păh",
        "Báo cáo tổng kết Báo cáo tổng kết",
    ]
    assert "Bản thảo chưa duyệt" not in html


def test_plan_shows_its_photo_byline_and_follow_links(client, site):
    plan = site["plan"]
    html = html_of(client, plan.url)
    header = re.search(r'<header class="page-header">(.*?)</header>', html, re.S).group(1)
    assert text(header) == (
        "Kế hoạch số 92-KH/TU · Ban Thường vụ Tỉnh ủy Gia Lai Tọa đàm thử nghiệm "
        "10/08/2022 16:00 · Ban Biên tập Tọa đàm về xây dựng, chỉnh đốn Đảng."
    )
    figure = re.search(r'<figure class="main-photo">(.*?)</figure>', html, re.S).group(1)
    assert 'alt="Hội trường với băng rôn đỏ"' in figure
    assert text(figure) == "Hội trường tọa đàm. Ảnh: Anh Huy"
    follow = re.search(r'<ul class="follow-links"[^>]*>(.*?)</ul>', html, re.S).group(1)
    assert f'href="{plan.url}calendar/"' in follow
    assert f'href="{plan.url}feed/"' in follow
    assert text(follow) == "Thêm vào lịch (.ics) Theo dõi tham luận, tin bài qua RSS"


def test_plan_shows_related_news_newest_first(client, site):
    html = html_of(client, site["plan"].url)
    related = section(html, "related-news")
    titles = [text(title) for title in re.findall(r"<h3>(.*?)</h3>", related, re.S)]
    # Its own coverage and the host's article that links to it; not the unrelated article.
    assert titles == ["Các đơn vị gửi tham luận", "Tỉnh ủy lên kế hoạch tọa đàm"]
    assert re.search(r"<h2[^>]*>Tin liên quan</h2>", html)


def test_paper_page_names_unit_presenter_kind_and_neighbours(client, site):
    html = html_of(client, site["first"].url)
    header = re.search(r'<header class="page-header">(.*?)</header>', html, re.S).group(1)
    assert text(header) == (
        "Tọa đàm thử nghiệm Tham luận Sinh hoạt chi bộ ở phường Thành ủy Pleiku "
        "Trình bày: đồng chí Nguyễn Văn A, Phó Bí thư Thành ủy 26/08/2022 15:00 "
        "Thành ủy Pleiku nâng chất lượng sinh hoạt chi bộ."
    )
    assert "Nội dung của Sinh hoạt chi bộ ở phường." in html
    nav = re.search(r'<nav class="paper-nav"[^>]*>(.*?)</nav>', html, re.S).group(1)
    assert f'href="{site["keynote"].url}" rel="prev"' in nav
    # The draft (order 6) is skipped: the next published paper is order 7.
    assert f'href="{site["second"].url}" rel="next"' in nav
    assert text(nav) == (
        "Tham luận trước Báo cáo đề dẫn Tham luận tiếp theo Người đứng đầu nêu gương"
    )


def test_first_and_last_papers_have_one_neighbour(client, site):
    first = html_of(client, site["keynote"].url)
    assert 'rel="prev"' not in first and f'href="{site["first"].url}" rel="next"' in first
    last = html_of(client, site["closing"].url)
    assert f'href="{site["second"].url}" rel="prev"' in last and 'rel="next"' not in last


def test_paper_presenter_comes_from_the_invitation_when_the_paper_has_none(client, site):
    invitation = site["second"].invitation
    invitation.presenter_name = "Rơ Lan Hlim"
    invitation.presenter_position = "Bí thư Huyện ủy"
    invitation.save()
    html = html_of(client, site["second"].url)
    assert "Trình bày: đồng chí Rơ Lan Hlim, Bí thư Huyện ủy" in text(html)


def test_coverage_page_shows_byline_photo_credit_and_source(client, site):
    html = html_of(client, site["story"].url)
    header = re.search(r'<header class="page-header">(.*?)</header>', html, re.S).group(1)
    assert text(header) == (
        "Tọa đàm thử nghiệm Các đơn vị gửi tham luận 17/08/2022 10:30 · Minh Thư "
        "Gần hạn chót, các đơn vị gửi tham luận."
    )
    figure = re.search(r'<figure class="main-photo">(.*?)</figure>', html, re.S).group(1)
    assert text(figure) == "Tiếp nhận tham luận. Ảnh: Minh Thư"
    assert 'alt="Tiếp nhận tham luận."' in figure
    source = re.search(r'<p class="source">(.*?)</p>', html, re.S).group(1)
    assert text(source) == "Nguồn: Báo Gia Lai"
    assert 'href="https://baogialai.example/tin"' in source
    # Related news leaves out the article itself.
    related = section(html, "related-news")
    assert [text(t) for t in re.findall(r"<h3>(.*?)</h3>", related, re.S)] == [
        "Tỉnh ủy lên kế hoạch tọa đàm"
    ]


def test_units_page_links_back_and_offers_the_feed(client, site):
    html = html_of(client, site["units"].url)
    assert f'<p class="symposium-title"><a href="{site["plan"].url}">' in html
    assert f'href="{site["plan"].url}feed/"' in html


@pytest.mark.parametrize(
    "name", ["plan", "units", "keynote", "first", "closing", "story", "article", "section"]
)
def test_pages_are_valid_and_accessible(client, site, name):
    html = html_of(client, site[name].url)
    assert check_html(html) == []
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html


def test_templates_can_be_overridden_by_the_host(client, site, settings, tmp_path):
    folder = tmp_path / "symposium_pages"
    folder.mkdir()
    (folder / "paper_page.html").write_text("Bản của trang chủ: {{ page.title }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    assert html_of(client, site["first"].url) == "Bản của trang chủ: Sinh hoạt chi bộ ở phường"


def test_plan_with_exact_time_and_no_photo(client, home_page):
    import datetime

    from django.utils import timezone

    from .reading import symposium

    plan = symposium(
        home_page,
        slug="co-gio",
        event_starts_at=timezone.make_aware(datetime.datetime(2022, 8, 30, 7, 30)),
        event_period="",
        venue="Hội trường 19-8",
    )
    html = html_of(client, plan.url)
    assert '<figure class="main-photo">' not in html
    assert '<section class="paper-list"' not in html
    assert '<section class="related-news"' not in html
    assert 'class="follow-calendar" href="/co-gio/calendar/"' in html
    assert check_html(html) == []


def test_pictures_in_a_paper_keep_their_alternative_text(client, site):
    from .reading import paper, picture

    photo = picture("Biểu đồ")
    page = paper(
        site["plan"],
        "Tham luận có hình",
        body=[
            (
                "image",
                {"image": photo, "alt": "Biểu đồ số chi bộ vững mạnh", "caption": "Hình 1"},
            ),
            ("image", {"image": photo, "alt": "", "caption": ""}),
        ],
    )
    html = html_of(client, page.url)
    figures = re.findall(r'<figure class="paper-figure">(.*?)</figure>', html, re.S)
    assert len(figures) == 2
    assert 'alt="Biểu đồ số chi bộ vững mạnh"' in figures[0] and "Hình 1" in figures[0]
    assert 'alt=""' in figures[1]
    assert check_html(html) == []
    assert '<p class="paper-by">' not in html  # no unit, no presenter: no empty line
