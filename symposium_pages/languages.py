"""Which languages a page is read in, and where a reader of another language goes.

Shared by the language switcher, the hreflang alternates and the sitemap, so the
three always agree. Languages come from WAGTAIL_CONTENT_LANGUAGES (in that order),
which may include languages Django has no catalogue for (Jrai, Bahnar).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .public import public


def default_language():
    """The language editors work in: plans, invitations and papers are received in it."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def originals(queryset):
    """Only the pages in the default language: translations carry no invitations, papers
    or budget of their own, so the admin's lists, commands and intake use the originals."""
    return queryset.filter(locale__language_code=default_language())


def is_original(page):
    return page.locale.language_code == default_language()


def original_of(page):
    """The page in the default language that `page` translates (`page` itself if original).

    Invitations, received papers and the budget hang on the original plan; a
    translation reads them from there.
    """
    if page is None or is_original(page):
        return page
    return (
        page.specific_class.objects.filter(
            translation_key=page.translation_key, locale__language_code=default_language()
        ).first()
        or page
    )


def language_name(code):
    """The language's own name as the settings give it ("Tiếng Việt", "English", "Jrai")."""
    return dict(settings.LANGUAGES).get(code) or get_content_languages().get(code) or code


def content_languages():
    """Codes of the content languages that have a Locale, in the settings' order."""
    codes = list(get_content_languages())
    existing = set(
        Locale.objects.filter(language_code__in=codes).values_list("language_code", flat=True)
    )
    return [code for code in codes if code in existing]


def live_translations(page, request=None):
    """{language code: page} for the live, public translations of `page`, itself included.

    Kept on the request: the switcher and the hreflang alternates of one page both ask.
    """
    cache = {} if request is None else request.__dict__.setdefault("_symposium_translations", {})
    if page.pk not in cache:
        pages = public(page.get_translations(inclusive=True).live()).select_related("locale")
        cache[page.pk] = {translated.locale.language_code: translated for translated in pages}
    return cache[page.pk]


def _nearest_translated_ancestor(page, language):
    """The closest live ancestor of `page` translated into `language`: where a reader
    of that language lands when the page itself is not translated yet."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    keys = list(ancestors.values_list("translation_key", flat=True))
    if not keys:
        return None
    return (
        public(Page.objects.filter(translation_key__in=keys, locale__language_code=language))
        .live()
        .order_by("-depth")
        .first()
    )


def switcher_links(request, page=None):
    """One link per content language: (code, name, url, is_current, is_translation).

    A page links to its own translation; when there is none, to the nearest
    translated ancestor (at worst the home page of that language). Views that are
    not pages (search, feeds) link to the same URL under the other language's prefix.
    """
    current = translation.get_language()
    languages = content_languages()
    if len(languages) < 2:
        return []
    translations = live_translations(page, request) if page is not None and page.pk else {}
    links = []
    for code in languages:
        url, exact = None, False
        if page is not None and page.pk:
            target = translations.get(code)
            exact = target is not None
            if target is None:
                target = _nearest_translated_ancestor(page, code)
            url = target.get_url(request) if target is not None else None
        elif request is not None:
            url, exact = translate_url(request.get_full_path(), code), True
        if url:
            links.append((code, language_name(code), url, code == current, exact))
    return links


def alternates(page, request=None):
    """[(language code, absolute URL)] of a page's live translations; empty unless
    there are at least two (a lone page has no alternates to announce)."""
    found = live_translations(page, request)
    urls = []
    for code in get_content_languages():
        translated = found.get(code)
        url = translated.get_full_url(request) if translated is not None else None
        if url:
            urls.append((code, url))
    return urls if len(urls) > 1 else []


def localized_root(request):
    """The home page of the site in the reader's language (the site root if untranslated).

    Kept on the request: the menu, the header and the footer all ask for it, and each
    answer costs a query for the active locale.
    """
    language = translation.get_language()
    cached = getattr(request, "_symposium_localized_root", None)
    if cached is not None and cached[0] == language:
        return cached[1]
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    root = site.root_page.localized if site is not None else None
    if request is not None:
        request._symposium_localized_root = (language, root)
    return root
