"""Builders for the public reading tests: published papers, coverage, pictures, HTML checks."""

import datetime
import re
from html.parser import HTMLParser

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from symposium_pages.models import CoveragePage, Invitation, InvitedUnitsPage, PaperPage, Unit

from .factories import make_plan, release

AUGUST = timezone.make_aware(datetime.datetime(2022, 8, 26, 15, 0))


def picture(title="Hội trường (ảnh minh họa)", description=""):
    image = get_image_model()(
        title=title,
        description=description,
        file=ImageFile(get_test_image_file(size=(640, 360)).file, name="anh.png"),
    )
    image.save()
    return image


def publish(parent, page):
    parent.add_child(instance=page)
    release(page)
    return page


def unit_and_invitation(plan, name, category="huyen_uy", **invitation):
    unit, _created = Unit.objects.get_or_create(name=name, defaults={"category": category})
    found, _created = Invitation.objects.get_or_create(
        symposium=plan, unit=unit, defaults=invitation
    )
    return unit, found


def paper(plan, title, unit_name=None, *, live=True, body=None, **fields):
    """A paper filed under `plan` after the pages already there: the programme's next place."""
    unit = invitation = None
    if unit_name:
        unit, invitation = unit_and_invitation(plan, unit_name)
    page = PaperPage(
        title=title,
        body=body or [("paragraph", f"<p>Nội dung của {title}.</p>")],
        **{"unit": unit, "invitation": invitation, **fields},
    )
    if live:
        return publish(plan, page)
    page.live = False
    plan.add_child(instance=page)
    page.save_revision()
    return page


def coverage(plan, title, date=AUGUST, **fields):
    return publish(
        plan,
        CoveragePage(
            title=title,
            date=date,
            body=[("paragraph", f"<p>{title}: bài viết.</p>")],
            **fields,
        ),
    )


def units_page(plan):
    return publish(plan, InvitedUnitsPage(title="Các đơn vị được mời", slug="don-vi"))


def symposium(home_page, **fields):
    return make_plan(home_page, **fields)


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Elements whose end tag HTML allows to leave out.
OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody"}
ASSETS = {"link": "href", "script": "src", "img": "src", "source": "srcset"}


class HTMLChecker(HTMLParser):
    """Collects what the checks need: ids, images, landmarks, headings, nesting, assets."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = []
        self.images = []
        self.tags = []
        self.links = []
        self.h1 = 0
        self.html_lang = None
        self.open = []
        self.nesting = []
        self.assets = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.open and self.open[-1] != tag and self.open[-1] in OPTIONAL_END:
            self.open.pop()
        if self.open and self.open[-1] == tag:
            self.open.pop()
        else:
            self.nesting.append(f"</{tag}> closes <{self.open[-1] if self.open else '-'}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag not in VOID:
            self.open.append(tag)
        if tag in ASSETS and (
            tag != "link"
            or "stylesheet" in attributes.get("rel", "")
            or "icon" in attributes.get("rel", "")
        ):
            self.assets.append(attributes.get(ASSETS[tag]) or "")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "img":
            self.images.append(attributes)
        if tag == "a":
            self.links.append(attributes)
        if tag == "h1":
            self.h1 += 1
        if tag == "html":
            self.html_lang = attributes.get("lang")


def check_html(html):
    """Problems a validator and an accessibility check would report, as a list of strings."""
    checker = HTMLChecker()
    checker.feed(html)
    problems = []
    duplicates = sorted({name for name in checker.ids if checker.ids.count(name) > 1})
    if duplicates:
        problems.append(f"duplicate ids: {duplicates}")
    for image in checker.images:
        if "alt" not in image:
            problems.append(f"image without alt: {image.get('src')}")
    for landmark in ("header", "nav", "main", "footer"):
        if landmark not in checker.tags:
            problems.append(f"no <{landmark}>")
    if checker.h1 != 1:
        problems.append(f"{checker.h1} <h1> elements")
    if not checker.html_lang:
        problems.append("no lang on <html>")
    targets = {
        link.get("href", "")[1:] for link in checker.links if link.get("href", "").startswith("#")
    }
    missing = sorted(target for target in targets if target and target not in checker.ids)
    if missing:
        problems.append(f"links to missing ids: {missing}")
    if not html.lstrip().lower().startswith("<!doctype html>"):
        problems.append("no doctype")
    problems.extend(checker.nesting)
    unclosed = [tag for tag in checker.open if tag not in OPTIONAL_END]
    if unclosed:
        problems.append(f"never closed: {unclosed}")
    # Everything the page loads comes from the site itself (no CDN).
    foreign = [url for url in checker.assets if re.match(r"(https?:)?//", url)]
    foreign = [url for url in foreign if not url.startswith("http://testserver/")]
    if foreign:
        problems.append(f"assets from elsewhere: {foreign}")
    return problems


def stock_news():
    """The host's news section, article and related-link models: the test project's blog."""
    from tests.testproject.blog.models import BlogIndexPage, BlogPage, BlogPageRelatedLink

    return BlogIndexPage, BlogPage, BlogPageRelatedLink


# The news build_reading_plan publishes about its plan, newest first (papers of 26 August,
# newest page first among equals, the coverage of the 17th, the host's article of the 11th
# that links to the plan): what the plan's feed lists. The site's news add the plan itself
# and an unrelated article (tests/host_fixtures.py READING_PLAN_NEWS).
PLAN_NEWS = [
    "Báo cáo tổng kết",
    "Người đứng đầu nêu gương",
    "Sinh hoạt chi bộ ở phường",
    "Báo cáo đề dẫn",
    "Các đơn vị gửi tham luận",
    "Tỉnh ủy lên kế hoạch tọa đàm",
]


def build_reading_plan(home_page, news=None):
    """A published plan with its photo, units page, papers (one a draft), coverage and news.

    `news`: the host's (section, article, related link) models; the stock test project's
    blog unless the demo host's tests pass its own."""
    NewsIndexPage, NewsArticlePage, RelatedArticle = news or stock_news()

    photo = picture("Hội trường Tỉnh ủy", description="Hội trường với băng rôn đỏ")
    plan = symposium(
        home_page,
        main_image=photo,
        main_image_caption="Hội trường tọa đàm.",
        main_image_credit="Anh Huy",
        byline="Ban Biên tập",
        lead="Tọa đàm về xây dựng, chỉnh đốn Đảng.",
        date=timezone.make_aware(datetime.datetime(2022, 8, 10, 16, 0)),
    )
    units = units_page(plan)
    keynote = paper(plan, "Báo cáo đề dẫn", kind=PaperPage.Kind.KEYNOTE, date=AUGUST)
    first = paper(
        plan,
        "Sinh hoạt chi bộ ở phường",
        "Thành ủy Pleiku",
        presenter_name="Nguyễn Văn A",
        presenter_position="Phó Bí thư Thành ủy",
        lead="Thành ủy Pleiku nâng chất lượng sinh hoạt chi bộ.",
        date=AUGUST,
    )
    second = paper(plan, "Người đứng đầu nêu gương", "Huyện ủy Chư Păh", date=AUGUST)
    draft = paper(plan, "Bản thảo chưa duyệt", "Huyện ủy Kbang", live=False)
    closing = paper(plan, "Báo cáo tổng kết", kind=PaperPage.Kind.CLOSING, date=AUGUST)
    story = coverage(
        plan,
        "Các đơn vị gửi tham luận",
        byline="Minh Thư",
        lead="Gần hạn chót, các đơn vị gửi tham luận.",
        main_image=picture("Tiếp nhận tham luận"),
        main_image_caption="Tiếp nhận tham luận.",
        main_image_credit="Minh Thư",
        source_name="Báo Gia Lai",
        source_url="https://baogialai.example/tin",
        date=timezone.make_aware(datetime.datetime(2022, 8, 17, 10, 30)),
    )
    section = publish(home_page, NewsIndexPage(title="Thời sự", slug="thoi-su"))
    article = NewsArticlePage(
        title="Tỉnh ủy lên kế hoạch tọa đàm",
        slug="ke-hoach-toa-dam",
        date=timezone.make_aware(datetime.datetime(2022, 8, 11, 9, 0)),
        byline="T.Đ",
        lead="Ban Thường vụ Tỉnh ủy vừa ban hành kế hoạch.",
    )
    article.related_links = [RelatedArticle(related_page=plan)]
    publish(section, article)
    unrelated = publish(
        section,
        NewsArticlePage(
            title="Học tập và làm theo Bác",
            slug="hoc-tap",
            date=timezone.make_aware(datetime.datetime(2022, 7, 28, 8, 0)),
        ),
    )
    return {
        "plan": plan,
        "units": units,
        "keynote": keynote,
        "first": first,
        "second": second,
        "draft": draft,
        "closing": closing,
        "story": story,
        "section": section,
        "article": article,
        "unrelated": unrelated,
    }
