"""Vietnamese unprefixed, English under /en/, more content languages by settings only:
the language of every public URL, the switcher, hreflang, the sitemap, search and feed."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import clear_url_caches
from wagtail.models import Locale, Page

from tests.host_fixtures import build_demo_reading_plan
from tests.symposium_pages.factories import release


def publish_translation(page, locale):
    translated = page.copy_for_translation(locale, copy_parents=True, alias=False)
    translated.title = f"[{locale.language_code}] {page.title}"
    release(translated)
    translated.refresh_from_db()
    return translated.specific


@pytest.fixture
def english():
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def site(home_page, english):
    """A plan with papers; the home page and the plan translated into English, the
    papers not (yet)."""
    built = build_demo_reading_plan(home_page)
    built["english_home"] = publish_translation(home_page, english)
    built["english_plan"] = publish_translation(built["plan"], english)
    return built


def html_lang(response):
    return re.search(r'<html lang="([^"]+)">', response.content.decode()).group(1)


def switcher(response):
    html = response.content.decode()
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0))
    current = re.findall(r'<span aria-current="true" lang="([^"]+)">', nav.group(0))
    return {code: url for url, code in links}, current


def test_vietnamese_is_unprefixed_and_english_under_en(client, site):
    vi = client.get("/", HTTP_ACCEPT_LANGUAGE="en")  # the browser's preference does not matter
    assert vi.status_code == 200 and html_lang(vi) == "vi"
    assert "accept-language" not in vi.get("Vary", "").lower()
    assert vi["Content-Language"] == "vi"
    en = client.get("/en/")
    assert en.status_code == 200 and html_lang(en) == "en"
    assert en.context["page"].pk == site["english_home"].pk
    plan = client.get(site["english_plan"].url)
    assert site["english_plan"].url.startswith("/en/")
    assert plan.status_code == 200 and html_lang(plan) == "en"
    # The interface follows: English strings from the catalogue-less msgids.
    assert 'placeholder="Search"' in plan.content.decode()
    assert 'placeholder="Tìm kiếm"' in client.get(site["plan"].url).content.decode()


def test_switcher_links_the_plan_both_ways(client, site):
    links, current = switcher(client.get(site["plan"].url))
    assert current == ["vi"] and links == {"en": site["english_plan"].url}
    links, current = switcher(client.get(site["english_plan"].url))
    assert current == ["en"] and links == {"vi": site["plan"].url}


def test_untranslated_page_links_to_nearest_english_ancestor(client, site):
    paper = site["first"]
    html = client.get(paper.url).content.decode()
    links, _current = switcher(client.get(paper.url))
    assert links == {"en": site["english_plan"].url}
    # The reader is told the link leads to a nearby page, not to this one.
    assert re.search(r'hreflang="en" lang="en" title="[^"]+"', html)
    # Without an English plan either, the English home page.
    site["english_plan"].unpublish()
    assert switcher(client.get(paper.url))[0] == {"en": "/en/"}


def test_switcher_on_views_that_are_not_pages(client, site):
    links, current = switcher(client.get("/search/?q=x"))
    assert current == ["vi"] and links == {"en": "/en/search/?q=x"}
    response = client.get("/en/search/?q=x")
    assert html_lang(response) == "en"
    assert switcher(response)[0] == {"vi": "/search/?q=x"}


def test_hreflang_alternates_on_both_sides(client, site):
    for page in (site["plan"], site["english_plan"]):
        html = client.get(page.url).content.decode()
        assert f'<link rel="alternate" hreflang="vi" href="{site["plan"].full_url}">' in html
        assert (
            f'<link rel="alternate" hreflang="en" href="{site["english_plan"].full_url}">' in html
        )
    assert 'hreflang="en"' not in re.search(
        r"<head>.*?</head>", client.get(site["first"].url).content.decode(), re.S
    ).group(0)


def test_sitemap_lists_both_languages_with_alternates(client, site):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    assert site["plan"].full_url in locations
    assert site["english_plan"].full_url in locations
    assert site["english_home"].full_url in locations
    assert len(locations) == len(set(locations))
    assert (
        f'<xhtml:link rel="alternate" hreflang="en" href="{site["english_plan"].full_url}"' in xml
    )


def test_search_and_feed_speak_the_readers_language(client, site):
    found = client.get("/en/search/", {"q": "thử nghiệm"}).context["results"]
    assert [page.pk for page in found] and all(page.locale.language_code == "en" for page in found)
    found = client.get("/search/", {"q": "thử nghiệm"}).context["results"]
    assert [page.pk for page in found] and all(page.locale.language_code == "vi" for page in found)
    feed = client.get("/en/feed/").content.decode()
    assert "<language>en</language>" in feed
    assert site["english_plan"].full_url in feed and site["plan"].full_url not in feed
    vi_feed = client.get("/feed/").content.decode()
    assert "<language>vi</language>" in vi_feed and site["plan"].full_url in vi_feed


def test_menu_and_site_name_stay_in_the_readers_language(client, site):
    site["english_plan"].show_in_menus = True
    release(site["english_plan"])
    html = client.get("/en/").content.decode()
    assert '<a class="site-name" href="/en/">' in html
    assert f'<a href="{site["english_plan"].url}"' in html


def test_a_language_django_does_not_know_needs_settings_only(client, site):
    """Jrai (jra) has no Django catalogue: its pages live under /jra/ with the
    Vietnamese interface, once it is listed in LANGUAGES and WAGTAIL_CONTENT_LANGUAGES."""
    languages = [("vi", "Tiếng Việt"), ("en", "English"), ("jra", "Jrai")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        clear_url_caches()
        try:
            jrai = Locale.objects.create(language_code="jra")
            home = publish_translation(Page.objects.get(pk=site["plan"].get_parent().pk), jrai)
            plan = publish_translation(site["plan"], jrai)
            assert plan.url.startswith("/jra/")
            response = client.get(plan.url)
            assert response.status_code == 200
            assert html_lang(response) == "jra"
            html = response.content.decode()
            assert 'placeholder="Tìm kiếm"' in html  # the interface falls back to Vietnamese
            links, current = switcher(response)
            assert current == ["jra"]
            assert links == {"vi": site["plan"].url, "en": site["english_plan"].url}
            assert (
                '<a href="/jra/" hreflang="jra" lang="jra">Jrai</a>'
                in client.get("/").content.decode()
            )
            assert html_lang(client.get(home.url)) == "jra"
            assert client.get("/jra/khong-co/").status_code == 404
        finally:
            clear_url_caches()


def test_the_admin_reads_vietnamese_by_default(admin_client):
    html = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'lang="vi"' in html


def test_english_locale_and_languages_from_the_environment(monkeypatch):
    from newsroom.settings.env import env_languages

    monkeypatch.setenv("EXTRA_LANGUAGES", "jra:Jrai, bdq:Bahnar,xyz")
    assert env_languages("EXTRA_LANGUAGES") == [("jra", "Jrai"), ("bdq", "Bahnar"), ("xyz", "xyz")]
    monkeypatch.delenv("EXTRA_LANGUAGES")
    assert env_languages("EXTRA_LANGUAGES") == []
    call_command("check")
