"""A cache of public pages as anonymous readers see them, emptied on publish.

The plan page lists the papers, the invited units and the programme: many queries for a
page that changes only when something is published. `PageCacheMiddleware` keeps the
rendered page in Django's cache, keyed by a version number that every publish,
unpublish, move or delete of a page, every change of a view restriction, and every save
of a unit, an invitation, an image or a document moves on (the same signals move the
public version of `fragments` on).

It sits early in MIDDLEWARE (after WhiteNoise, before sessions, auth and locale): a
stored page is answered from the cache before the expensive middleware runs. Only a
GET or HEAD without a query string and without a session or CSRF cookie is looked up;
the rest of the rules are checked when the page is rendered and stored: never signed-in
users, never previews, never pages with view restrictions, never responses that set a
cookie, only a 200 of a cached page type (the add-on's; the host may add its own).

It is on only with a cache that every process shares (a file cache on one machine, Redis,
Memcached, the database cache): with a per-process cache a publish in one worker could
not empty the others, so the page cache stays off and a system check says so.

The same pages carry `Cache-Control: public, max-age=…, stale-while-revalidate=…` and an
ETag (conditional requests get 304), from the cache and from a fresh render alike, so a
CDN or browser can keep them; signed-in users and previews get `private, no-store`.

Settings: SYMPOSIUM_PAGE_CACHE_SECONDS (0 turns it off), SYMPOSIUM_PAGE_CACHE_ALIAS,
SYMPOSIUM_PAGE_CACHE_MAX_AGE, SYMPOSIUM_PAGE_CACHE_STALE_WHILE_REVALIDATE,
SYMPOSIUM_PAGE_CACHE_S_MAXAGE, SYMPOSIUM_PAGE_CACHE_EXTRA_PAGE_TYPES.
"""

import hashlib
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response

from . import conf, fragments

VERSION_KEY = "symposium_pages:page-cache:version"
HIT_HEADER = "X-Page-Cache"
PRIVATE = "private, no-store"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def _cache():
    return caches[conf.get("SYMPOSIUM_PAGE_CACHE_ALIAS")]


def per_process(cache):
    """True for a cache each process keeps for itself (or none at all)."""
    return isinstance(cache, LocMemCache | DummyCache)


def enabled():
    if not conf.get("SYMPOSIUM_PAGE_CACHE_SECONDS"):
        return False
    return not per_process(_cache())


def page_types():
    from .models import InvitedUnitsPage, PaperPage, SymposiumPage

    extra = tuple(
        apps.get_model(label) for label in conf.get("SYMPOSIUM_PAGE_CACHE_EXTRA_PAGE_TYPES")
    )
    return (SymposiumPage, InvitedUnitsPage, PaperPage, *extra)


def cache_control():
    """The Cache-Control of a public page: short in browsers, served stale while renewed."""
    parts = ["public", f"max-age={conf.get('SYMPOSIUM_PAGE_CACHE_MAX_AGE')}"]
    s_maxage = conf.get("SYMPOSIUM_PAGE_CACHE_S_MAXAGE")
    if s_maxage is not None:
        parts.append(f"s-maxage={s_maxage}")
    stale = conf.get("SYMPOSIUM_PAGE_CACHE_STALE_WHILE_REVALIDATE")
    if stale:
        parts.append(f"stale-while-revalidate={stale}")
    return ", ".join(parts)


def _version(cache):
    version = cache.get(VERSION_KEY)
    if version is None:
        # Started from the clock, so a lost key never brings back an older version.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _bump():
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def invalidate(**kwargs):
    """Every cached page and fragment is out of date (connected to the publishing signals).

    Moved on at once and again when the transaction commits: a reader rendering between
    the two saw the old rows and stored them under the version the commit leaves behind.
    """
    _bump()
    transaction.on_commit(_bump)
    fragments.bump()


def _key(request, version):
    # The language comes from the URL's prefix alone (locale_middleware), so the path
    # stands for it; the date because "days left" on the plan changes at midnight.
    return ":".join(
        [
            "symposium_pages:page-cache",
            str(version),
            timezone.localdate().isoformat(),
            request.get_host(),
            request.path,
        ]
    )


def _may_use_cache(request):
    """Only a reader with no session (never signed in, no preview), no CSRF token, no
    message waiting to be shown, and no query string."""
    cookies = request.COOKIES
    return (
        not fragments.is_preview(request)
        and request.method in {"GET", "HEAD"}
        and not request.META.get("QUERY_STRING")  # query strings would let anyone fill it
        and settings.SESSION_COOKIE_NAME not in cookies
        and settings.CSRF_COOKIE_NAME not in cookies
        and MESSAGES_COOKIE not in cookies
    )


def _etag(content):
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


class PageCacheMiddleware:
    """Serves public pages from the shared cache before sessions, auth and locale run.

    Put it right after SecurityMiddleware (and WhiteNoise, the CSP middleware): what comes
    before it runs on every cached answer too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if enabled() and _may_use_cache(request):
            cache = _cache()
            try:
                key = _key(request, _version(cache))
            except Exception:  # noqa: BLE001 - a bad Host header: Django answers it below
                key = None
            cached = cache.get(key) if key else None
            if cached is not None:
                return self._from_cache(request, cached)
        request._symposium_page_cache_key = key
        fragments.keep_site(request)
        response = self.get_response(request)
        if fragments.is_preview(request):
            response["Cache-Control"] = PRIVATE
            return response
        if not getattr(request, "_symposium_page_cache_public", False):
            return response
        if response.cookies or response.status_code != 200:
            # Whatever set a cookie (a CSRF token in a form) is this reader's alone.
            response["Cache-Control"] = PRIVATE
            return response
        if key is not None and request.method == "GET":
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            _cache().set(key, (response.content, headers), conf.get("SYMPOSIUM_PAGE_CACHE_SECONDS"))
        return get_conditional_response(request, etag=response["ETag"], response=response)

    def _from_cache(self, request, cached):
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        response = get_conditional_response(request, etag=response.get("ETag"), response=response)
        response[HIT_HEADER] = "hit"
        return response

    def process_template_response(self, request, response):
        response.add_post_render_callback(lambda rendered: _mark(request, rendered))
        return response


def _mark(request, response):
    """After a page is rendered: its headers, and whether the middleware may store it."""
    if fragments.is_preview(request):
        response["Cache-Control"] = PRIVATE
        return
    match = request.resolver_match
    if match is None or match.url_name != "wagtail_serve":
        return
    page = (getattr(response, "context_data", None) or {}).get("page")
    if not isinstance(page, page_types()):
        return
    if fragments.signed_in(request):
        response["Cache-Control"] = PRIVATE
        return
    if (
        request.method not in {"GET", "HEAD"}
        or response.status_code != 200
        or response.streaming
        # Wagtail marks a page with view restrictions never-cache (check_view_restrictions);
        # any other policy set below is left alone too.
        or response.has_header("Cache-Control")
    ):
        return
    # Checked again only when the page is about to be stored for everyone (one query on a
    # miss), so that a render with the cache off costs no query more than Wagtail's.
    if (
        getattr(request, "_symposium_page_cache_key", None)
        and page.get_view_restrictions().exists()
    ):
        return
    response["Cache-Control"] = cache_control()
    response["ETag"] = _etag(response.content)
    request._symposium_page_cache_public = True


def connect_signals():
    """Called from the app's ready(): whatever publishes (admin, command, scheduler) empties it."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Invitation, Unit

    uid = "symposium_pages.page_cache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.moved")
    for model in (
        Unit,
        Invitation,
        Site,
        PageViewRestriction,
        get_image_model(),
        get_document_model(),
    ):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}.save.{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}.delete.{model.__name__}")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate()

    post_delete.connect(page_deleted, weak=False, dispatch_uid=f"{uid}.page_deleted")


MIDDLEWARE_PATH = "symposium_pages.pagecache.PageCacheMiddleware"


def check_page_cache(app_configs, **kwargs):
    """A page cache in MIDDLEWARE on a cache each process keeps for itself stays off."""
    from django.core.checks import Warning

    if MIDDLEWARE_PATH not in settings.MIDDLEWARE or not conf.get("SYMPOSIUM_PAGE_CACHE_SECONDS"):
        return []
    alias = conf.get("SYMPOSIUM_PAGE_CACHE_ALIAS")
    if alias in settings.CACHES and not per_process(caches[alias]):
        return []
    return [
        Warning(
            f'The page cache is configured on CACHES["{alias}"], which each process keeps '
            "for itself: a publish in one worker could not empty the others', so public "
            "pages are rendered on every request.",
            hint=(
                "Give it a cache every process shares (docs/install.md): a FileBasedCache "
                "folder on one machine, Redis for several, and set SYMPOSIUM_PAGE_CACHE_ALIAS; "
                "or SYMPOSIUM_PAGE_CACHE_SECONDS = 0."
            ),
            id="symposium_pages.W012",
        )
    ]
