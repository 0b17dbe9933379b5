"""A cache of the add-on's public pages as anonymous readers see them, emptied on publish.

The plan page lists the papers, the invited units and the programme: many queries for a
page that changes only when something is published. `PageCacheMiddleware` keeps the
rendered page in Django's cache, keyed by a version number that every publish,
unpublish, move or delete of a page, and every save of a unit or an invitation, moves on.

It is on only with a cache that every process shares (Redis, Memcached, the database
cache): with a per-process cache, a publish in one worker could not empty the others.
Never cached: signed-in users, previews, pages with view restrictions, responses that
set a cookie or vary on it, anything but a 200.

Settings: SYMPOSIUM_PAGE_CACHE_SECONDS (0 turns it off), SYMPOSIUM_PAGE_CACHE_ALIAS.
"""

import time

from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils import timezone, translation

from . import conf

VERSION_KEY = "symposium_pages:page-cache:version"


def _cache():
    return caches[conf.get("SYMPOSIUM_PAGE_CACHE_ALIAS")]


def enabled():
    if not conf.get("SYMPOSIUM_PAGE_CACHE_SECONDS"):
        return False
    return not isinstance(_cache(), LocMemCache | DummyCache)


def page_types():
    from .models import InvitedUnitsPage, PaperPage, SymposiumPage

    return (SymposiumPage, InvitedUnitsPage, PaperPage)


def _version(cache):
    version = cache.get(VERSION_KEY)
    if version is None:
        # Started from the clock, so a lost key never brings back an older version.
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def invalidate(**kwargs):
    """Every cached page is out of date (connected to the publishing signals)."""
    cache = _cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def _key(request, version):
    return ":".join(
        [
            "symposium_pages:page-cache",
            str(version),
            translation.get_language() or "",
            timezone.localdate().isoformat(),  # "days left" on the plan changes at midnight
            request.get_host(),
            request.get_full_path(),
        ]
    )


def _cacheable_request(request):
    match = request.resolver_match
    return (
        request.method in {"GET", "HEAD"}
        and not request.GET  # query strings would let anyone fill the cache
        and match is not None
        and match.url_name == "wagtail_serve"
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
    )


def _cacheable_response(response):
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    if "cookie" in response.get("Vary", "").lower() or response.has_header("Cache-Control"):
        return False
    page = (getattr(response, "context_data", None) or {}).get("page")
    if not isinstance(page, page_types()):
        return False
    return not page.get_view_restrictions().exists()


class PageCacheMiddleware:
    """Serves the add-on's public pages from the cache; put it after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (enabled() and _cacheable_request(request)):
            return None
        cache = _cache()
        key = _key(request, _version(cache))
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        request._symposium_page_cache_key = key
        return None

    def process_template_response(self, request, response):
        key = getattr(request, "_symposium_page_cache_key", None)
        if key is not None:
            response.add_post_render_callback(lambda rendered: self._store(key, rendered))
        return response

    def _store(self, key, response):
        if _cacheable_response(response):
            _cache().set(
                key,
                (response.content, response["Content-Type"]),
                conf.get("SYMPOSIUM_PAGE_CACHE_SECONDS"),
            )


def connect_signals():
    """Called from the app's ready(): whatever publishes (admin, command, scheduler) empties it."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import Invitation, Unit

    uid = "symposium_pages.page_cache"
    page_published.connect(invalidate, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}.moved")
    for model in (Unit, Invitation, Site):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}.save.{model.__name__}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}.delete.{model.__name__}")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate()

    post_delete.connect(page_deleted, weak=False, dispatch_uid=f"{uid}.page_deleted")
