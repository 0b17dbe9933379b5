"""Parts of public pages kept rendered until something public changes.

A page's `<head>` metadata, its language switcher, its body, the host's menu: each
reads a dozen rows that change only when an editor publishes. They are cached under
a key holding the public version (`PublicVersion`, one row read once per request),
the language, the day (plans count the days left), the host, the path and the page; anything
that could change what readers see moves the version on in the same transaction
(`bump`, connected to the same signals as the page cache), so a fragment is never
older than the last commit a request could see, in any worker or server.

Unlike the page cache this runs after Wagtail has routed the request and checked its
view restrictions, for every reader, so it needs no shared cache: the default one
(local memory per process on one machine) is enough, Redis serves too.

Never for previews, signed-in users or requests other than GET and HEAD: they are
rendered whole. `SYMPOSIUM_FRAGMENT_CACHE_SECONDS = 0` turns it off.
"""

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.db.models import F
from django.http import HttpResponse
from django.utils import timezone, translation

from . import conf

VERSION_ATTRIBUTE = "_symposium_public_version"
# Set per answer by the middleware below the view, never replayed.
UNKEPT_HEADERS = {"set-cookie", "vary", "x-frame-options", "content-length"}


def _cache():
    # Where Django's {% cache %} tag (and Wagtail's) keeps fragments.
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def bump(**kwargs):
    """Something readers may see changed: every cached fragment is out of date."""
    from .models import PublicVersion

    changed = PublicVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not changed:
        PublicVersion.objects.get_or_create(
            pk=1, defaults={"version": 1, "changed_at": timezone.now()}
        )


def current(request):
    """The public version, read once per request."""
    version = getattr(request, VERSION_ATTRIBUTE, None)
    if version is None:
        from .models import PublicVersion

        version = PublicVersion.objects.filter(pk=1).values_list("version", flat=True).first()
        version = version or 0
        setattr(request, VERSION_ATTRIBUTE, version)
    return version


def is_preview(request):
    # Wagtail's previews (make_preview_request) go through the middleware as a dummy
    # request for the page's own URL, flagged is_preview only once they reach the view.
    return bool(getattr(request, "is_preview", False) or getattr(request, "is_dummy", False))


def signed_in(request):
    # No session cookie means no user: request.user is left alone, so the session is not
    # read and the response does not vary on the cookie because of us.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def usable(request):
    """Whether this request may be answered with cached fragments (and fill them)."""
    if request is None or not conf.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS"):
        return False
    return request.method in {"GET", "HEAD"} and not is_preview(request) and not signed_in(request)


def key(request, name, *vary_on, by_path=True):
    return make_template_fragment_key(
        f"symposium_pages:{name}",
        [
            current(request),
            translation.get_language(),
            timezone.localdate().isoformat(),
            request.get_host(),
            request.path if by_path else "",
            *vary_on,
        ],
    )


def cached(request, name, load, *vary_on, by_path=True):
    """`load()`'s result (a fragment's text, a page), from the cache when this request may
    use it; each reader gets a fresh copy (the cache stores it pickled). None is not kept.

    `vary_on` names what else it depends on (a page's id, a query string); the version,
    the language, the day, the host and (unless `by_path` is false) the path are always
    part of the key.
    """
    if not usable(request):
        return load()
    fragment_key = key(request, name, *vary_on, by_path=by_path)
    cache = _cache()
    found = cache.get(fragment_key)
    if found is None:
        found = load()
        if found is not None:
            cache.set(fragment_key, found, conf.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS"))
    return found


def keep_site(request):
    """Sets Wagtail's `Site.find_for_request` answer from the cache (one query fewer: the
    site is looked up by host and port on every request). Sites are the same for every
    reader and their saves move the version on. Readers only (no session): the admin's
    lists count their queries without a version read."""
    if (
        not conf.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS")
        or hasattr(request, "_wagtail_site")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
    ):
        return
    from wagtail.models import Site

    try:
        host, port = request._get_raw_host(), request.get_port()
    except Exception:  # noqa: BLE001 - a malformed Host header: Django answers it later
        return
    site_key = make_template_fragment_key("symposium_pages:site", [current(request), host, port])
    cache = _cache()
    site = cache.get(site_key)
    if site is None:
        site = Site._find_for_request(request)
        if site is None:
            return
        cache.set(site_key, site, conf.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS"))
    request._wagtail_site = site


def cached_response(request, name, respond, *vary_on):
    """`respond()`'s response (a feed, a calendar), kept whole like a fragment.

    Only a complete 200 that sets no cookie is kept; the rest is answered as it comes.
    """
    if not usable(request):
        return respond()
    fragment_key = key(request, name, *vary_on)
    cache = _cache()
    kept = cache.get(fragment_key)
    if kept is not None:
        content, headers = kept
        response = HttpResponse(content)
        for header, value in headers:
            response[header] = value
        return response
    response = respond()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        headers = [(k, v) for k, v in response.items() if k.lower() not in UNKEPT_HEADERS]
        cache.set(
            fragment_key,
            (response.content, headers),
            conf.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS"),
        )
    return response
