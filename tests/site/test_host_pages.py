"""The add-on's pages inside the demo host: its home page's search box for search engines,
its home and search pages, and its backup command (`dump_site`) with private pictures."""

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from tests.host_fixtures import build_demo_reading_plan
from tests.symposium_pages.reading import check_html
from tests.symposium_pages.test_metadata import head_of, json_ld
from tests.symposium_pages.test_private_pictures import (
    Picture,
    newsroom,  # noqa: F401 (a fixture)
    received,
)
from tests.symposium_pages.test_public_pages import html_of


@pytest.fixture
def site(home_page):
    return build_demo_reading_plan(home_page)


def test_home_page_offers_its_search_to_search_engines(client, site, home_page):
    data = json_ld(head_of(client, home_page))
    assert data == {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": Site.objects.get(is_default_site=True).site_name,
        "url": "http://testserver/",
        "inLanguage": "vi",
        "potentialAction": {
            "@type": "SearchAction",
            "target": "http://testserver/search/?q={search_term_string}",
            "query-input": "required name=search_term_string",
        },
    }


def test_home_and_search_pages_are_valid_and_accessible(client, site):
    for url in ("/", "/search/", "/search/?q=tham+lu%E1%BA%ADn"):
        assert check_html(html_of(client, url)) == [], url


def test_a_backup_as_the_readme_takes_it_holds_the_private_pictures(newsroom, tmp_path):  # noqa: F811 (the fixture)
    """`dump_site`, then a copy of MEDIA_ROOT: the records name private files the copy has."""
    paper, image = received(newsroom, Picture((71, 53), (44, 160, 90)))
    rendition = image.get_rendition("max-960x960")
    call_command("dump_site", "-o", str(tmp_path / "site.json.gz"))
    shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media")

    with gzip.open(tmp_path / "site.json.gz", "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    named = {
        record["fields"]["file"]
        for record in records
        if record["model"] in ("wagtailimages.image", "wagtailimages.rendition")
    }
    assert {image.file.name, rendition.file.name} <= named
    for name in (image.file.name, rendition.file.name):
        assert name.startswith("symposium_private/")
        copied = (tmp_path / "media" / name).read_bytes()
        original = (Path(settings.MEDIA_ROOT) / name).read_bytes()
        assert hashlib.sha256(copied).digest() == hashlib.sha256(original).digest()
