"""Page metadata for the <head>: description, canonical URL, OpenGraph and Twitter cards,
schema.org JSON-LD, hreflang alternates and the feed of the symposium a page belongs to;
and the language switcher.

`{% page_meta %}` works for any Wagtail page; pages using `NewsPageMixin` give
their main photo, lead and structured data. The host's base template calls it
in its `meta` block (the add-on's base template does too).
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import _json_script_escapes, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Site

from .. import fragments, languages
from ..models.news import SHARE_IMAGE, NewsPageMixin
from ..picture_storage import fresh_rendition

register = template.Library()

OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
PAGE_META_TEMPLATE = "symposium_pages/includes/page_meta.html"
SWITCHER_TEMPLATE = "symposium_pages/includes/language_switcher.html"
PAGE_META_DONE = "symposium_pages.page_meta"


@register.filter
def json_ld(data):
    """A dictionary as JSON for a <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))  # noqa: S308 - escaped above


def describe(page):
    """A sentence or two about any page, for search engines and shared links."""
    if hasattr(page, "get_description"):
        text = page.get_description()
    else:
        text = page.search_description or strip_tags(str(getattr(page, "intro", "") or ""))
    return Truncator(" ".join(text.split())).chars(300)


def symposium_of(page):
    from ..models import SymposiumPage

    if isinstance(page, SymposiumPage):
        return page
    get_symposium = getattr(page, "get_symposium", None)
    return get_symposium() if get_symposium else None


@register.simple_tag(takes_context=True)
def page_meta(context, page=None):
    """Once per response: the add-on's base template calls it in both `meta` and `extra_css`,
    so a host base template with either block (a stock `wagtail start` one has no `meta`)
    gets the metadata, and one with both gets it once. Kept rendered until something
    public changes (it reads the page's translations, picture, site and symposium)."""
    request = context.get("request")
    page = page or context.get("page")
    if page is None or not hasattr(page, "get_full_url"):
        return ""
    if context.render_context.get(PAGE_META_DONE):
        return ""
    context.render_context[PAGE_META_DONE] = True
    return fragments.cached(
        request,
        "page-meta",
        lambda: render_to_string(PAGE_META_TEMPLATE, meta_data(page, request)),
        page.pk,
    )


def meta_data(page, request):
    """What the <head> says about `page`: the context of includes/page_meta.html."""
    image = page.get_share_image() if hasattr(page, "get_share_image") else None
    rendition = fresh_rendition(image, SHARE_IMAGE) if image is not None else None
    symposium = symposium_of(page)
    site = Site.find_for_request(request) if request is not None else None
    alternates = languages.alternates(page, request)
    language = _language_of(page, request)
    data = {
        "request": request,
        "page": page,
        "title": page.seo_title or page.title,
        "description": describe(page),
        "canonical": page.get_full_url(request),
        "og_type": (
            "article" if isinstance(page, NewsPageMixin) and page is not symposium else "website"
        ),
        "og_locale": OG_LOCALES.get(language, language),
        "image_url": request.build_absolute_uri(rendition.url) if rendition and request else "",
        "image": rendition,
        "image_alt": _image_alt(page, image, symposium),
        "site_name": site.site_name if site else "",
        "structured_data": (
            page.get_structured_data(request) if hasattr(page, "get_structured_data") else None
        ),
        "alternates": alternates,
        "og_alternates": [
            OG_LOCALES.get(code, code) for code, _url in alternates if code != language
        ],
        "symposium": symposium,
        "feed_url": symposium.get_feed_url(request) if symposium else "",
        "published": getattr(page, "publication_date", None),
        "modified": page.last_published_at,
    }
    return data


def _language_of(page, request):
    """The page's language, from its live translations when they are read already (they
    come with their locales): no query for the locale of a live page, here or in its
    structured data, which reads `page.locale` too."""
    for code, translated in languages.live_translations(page, request).items():
        if translated.pk == page.pk:
            if not page.__class__.locale.is_cached(page):
                page.locale = translated.locale  # the same row, already fetched
            return code
    return page.locale.language_code if page.locale_id else ""


def _image_alt(page, image, symposium):
    """What the shared picture shows: the page's own photo, or its symposium's."""
    if image is None:
        return ""
    for owner in (page, symposium):
        if owner is not None and getattr(owner, "main_image_id", None) == image.pk:
            return owner.get_main_image_alt()
    return image.title


@register.filter
def page_description(page):
    """`describe` as a filter, for lists of pages of any kind (search results)."""
    return describe(page)


@register.filter
def page_label(page):
    """What kind of page this is, in a word or two: "Tham luận", "Tọa đàm", "Bài viết"."""
    label = page.get_news_label() if hasattr(page, "get_news_label") else ""
    return label or page._meta.verbose_name.capitalize()


@register.simple_tag(takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in the other content languages (see `languages.switcher_links`).

    Works on any view: a Wagtail page links to its translations, any other view to
    its own URL under the other language's prefix. Kept rendered until something public
    changes.
    """
    request = context.get("request")
    page = page or context.get("page")
    if page is not None and not hasattr(page, "get_translations"):
        page = None
    return fragments.cached(
        request,
        "language-switcher",
        lambda: render_to_string(
            SWITCHER_TEMPLATE, {"links": languages.switcher_links(request, page)}
        ),
        page.pk if page is not None else None,
        request.get_full_path() if request is not None else "",
    )
