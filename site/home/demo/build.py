"""Builds the demo tree. Idempotent: what exists is kept, what is missing is added."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from news.models import NewsArticlePage, NewsIndexPage, RelatedArticle
from symposium_pages.models import (
    CoveragePage,
    Invitation,
    InvitedUnitsPage,
    LegalBasis,
    ProgrammeItem,
    SymposiumAssignment,
    SymposiumPage,
    Unit,
)

from . import news as news_data
from . import symposium as symposium_data
from . import units as units_data
from .budget import build_budget
from .english import build_english
from .papers import build_papers
from .people import build_people
from .pictures import demo_image
from .release import publish

HOME = {
    "title": "Báo Gia Lai điện tử",
    "slug": "home",
    "intro": "Tin tức, sự kiện của tỉnh Gia Lai.",
}


def _add_child(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def build_home(log):
    """The home page at the site root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    if home is None:
        welcome = Page.objects.child_of(root).filter(slug=HOME["slug"]).first()
        if welcome is not None and welcome.specific_class is Page:
            welcome.delete()
        home = _add_child(
            root,
            HomePage(
                title=HOME["title"],
                slug=HOME["slug"],
                intro=HOME["intro"],
                locale=Locale.get_default(),
            ),
        )
        log("+ " + _("home page: %(title)s") % {"title": home.title})
    # The default site answers every host name; give it the address the demo is served on.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = HOME["title"]
    site.save()
    return home


def build_news(home, log):
    section = NewsIndexPage.objects.child_of(home).filter(slug=news_data.SECTION["slug"]).first()
    if section is None:
        section = _add_child(home, NewsIndexPage(show_in_menus=True, **news_data.SECTION))
        log("+ " + _("news section: %(title)s") % {"title": section.title})
    articles = []
    for data in news_data.ARTICLES:
        article = NewsArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if article is None:
            title, seed = data["image"]
            article = NewsArticlePage(
                title=data["title"],
                slug=data["slug"],
                date=timezone.make_aware(data["date"]),
                byline=data["byline"],
                lead=data["lead"],
                main_image=demo_image(title, seed),
                main_image_caption=data["caption"],
                main_image_credit=data["credit"],
                body=[("paragraph", f"<p>{text}</p>") for text in data["body"]],
                source_name=data["source_name"],
                source_url=data["source_url"],
            )
            article.first_published_at = article.date
            _add_child(section, article)
            log("+ " + _("article: %(title)s") % {"title": article.title})
        articles.append((article, data))
    return section, articles


def build_symposium(home, log):
    plan = symposium_data.PLAN
    symposium = SymposiumPage.objects.child_of(home).filter(slug=plan["slug"]).first()
    if symposium is not None:
        return symposium
    symposium = SymposiumPage(show_in_menus=True, organiser=_organiser(), **plan, **_plan_news())
    # sort_order set explicitly: unset, PostgreSQL returns the rows in any order.
    symposium.legal_bases = [
        LegalBasis(sort_order=n, **item) for n, item in enumerate(symposium_data.LEGAL_BASES)
    ]
    symposium.assignments = [
        SymposiumAssignment(sort_order=n, **item)
        for n, item in enumerate(symposium_data.ASSIGNMENTS)
    ]
    symposium.programme_items = [
        ProgrammeItem(
            sort_order=n,
            starts_at=datetime.time.fromisoformat(start),
            ends_at=datetime.time.fromisoformat(end),
            title=title,
            speaker=speaker,
        )
        for n, (start, end, title, speaker) in enumerate(symposium_data.PROGRAMME)
    ]
    _add_child(home, symposium)
    log(
        "+ "
        + _("symposium: %(number)s %(title)s")
        % {"number": symposium.plan_number, "title": symposium.title}
    )
    return symposium


def _organiser():
    """The Department that leads the symposium: one of the units, on the list as they are."""
    name = symposium_data.ORGANISER
    row = next(row for row in units_data.rows() if row["unit"]["name"] == name)
    unit, _created = Unit.objects.get_or_create(name=name, defaults=row["unit"])
    return unit


def _plan_news():
    news = symposium_data.NEWS
    return {
        "date": timezone.make_aware(news["date"]),
        "byline": news["byline"],
        "main_image": demo_image(*news["image"]),
        "main_image_caption": news["caption"],
        "main_image_credit": news["credit"],
    }


def build_coverage(symposium, log):
    """The newsroom's coverage filed under the plan; what exists is kept."""
    for data in symposium_data.COVERAGE:
        if CoveragePage.objects.child_of(symposium).filter(slug=data["slug"]).exists():
            continue
        page = CoveragePage(
            title=data["title"],
            slug=data["slug"],
            date=timezone.make_aware(data["date"]),
            byline=data["byline"],
            lead=data["lead"],
            main_image=demo_image(*data["image"]),
            main_image_caption=data["caption"],
            main_image_credit=data["credit"],
            body=[("paragraph", f"<p>{text}</p>") for text in data["body"]],
            source_name=data["source_name"],
            source_url=data["source_url"],
        )
        page.first_published_at = page.date
        _add_child(symposium, page)
        log("+ " + _("coverage: %(title)s") % {"title": page.title})


def build_units(symposium, log):
    """The invited units, their invitations and the public list; what exists is kept."""
    rows = list(units_data.rows())
    units = {}
    for row in rows:
        unit, created = Unit.objects.get_or_create(name=row["unit"]["name"], defaults=row["unit"])
        if created:
            log("+ " + _("unit: %(name)s") % {"name": unit.name})
        units[unit.name] = unit
    for row in rows:
        unit = units[row["unit"]["name"]]
        if row["parent"] and unit.parent_id is None:
            unit.parent = units[row["parent"]]
            unit.save(update_fields=["parent"])
        _invitation, created = Invitation.objects.get_or_create(
            symposium=symposium, unit=unit, defaults=row["invitation"]
        )
        if created:
            log("+ " + _("invitation: %(name)s") % {"name": unit.name})
    page = InvitedUnitsPage.objects.child_of(symposium).first()
    if page is None:
        page = _add_child(symposium, InvitedUnitsPage(**units_data.INVITED_UNITS_PAGE))
        log("+ " + _("invited units page: %(title)s") % {"title": page.title})
    return page


def link_coverage(articles, symposium, log):
    for article, data in articles:
        if not data.get("related_symposium"):
            continue
        if article.related_links.filter(related_page=symposium).exists():
            continue
        article = article.specific
        article.related_links.add(RelatedArticle(related_page=symposium))
        publish(article)
        log(
            "+ "
            + _("link: %(title)s → %(number)s")
            % {"title": article.title, "number": symposium.plan_number}
        )


@transaction.atomic
def load_demo(log=print):
    home = build_home(log)
    people = build_people(home, log)
    _section, articles = build_news(home, log)
    symposium = build_symposium(home, log)
    units_page = build_units(symposium, log)
    # The demo's workflow history is nobody's news: no notification e-mails while it is built.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        build_papers(symposium, people, log)
    build_budget(symposium, log, people)
    link_coverage(articles, symposium, log)
    build_coverage(symposium, log)
    build_english(home, symposium, units_page, log)
    return home
