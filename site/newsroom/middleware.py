"""Host-site middleware: login brute force slowed, public pages cacheable by a CDN.

Both keep their state in Django's cache (Redis when several app servers run), never
in the process, so every worker sees the same counts.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

# The login views that count failures: Wagtail's admin and Django's own.
LOGIN_URL_NAMES = {"wagtailadmin_login", "login", "admin:login"}


def client_address(request):
    """The client's address; behind a trusted proxy, the last hop it added."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def _key(username, address):
    digest = hashlib.sha256(f"{username.strip().casefold()}\0{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def _limits():
    return settings.LOGIN_RATE_LIMIT_ATTEMPTS, settings.LOGIN_RATE_LIMIT_WINDOW


def record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    attempts, window = _limits()
    key = _key(credentials.get("username", ""), client_address(request))
    # add() starts the window with the first failure; incr() is atomic in Redis and locmem.
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window)


def forget_failures(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(_key(user.get_username(), client_address(request)))


class LoginRateLimitMiddleware:
    """After LOGIN_RATE_LIMIT_ATTEMPTS failures within LOGIN_RATE_LIMIT_WINDOW seconds for
    one username from one address, further login attempts get HTTP 429 until the window
    ends. Failures are counted from Django's `user_login_failed` signal."""

    def __init__(self, get_response):
        self.get_response = get_response
        user_login_failed.connect(record_failure, dispatch_uid="newsroom.login_failures")
        user_logged_in.connect(forget_failures, dispatch_uid="newsroom.login_success")

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in LOGIN_URL_NAMES:
            return None
        attempts, window = _limits()
        if attempts <= 0:
            return None
        username = request.POST.get("username", "")
        failures = cache.get(_key(username, client_address(request)), 0)
        if failures < attempts:
            return None
        minutes = max(1, round(window / 60))
        message = _(
            "Too many failed sign-in attempts. Please wait %(minutes)s minutes and try again."
        ) % {"minutes": minutes}
        body = render_to_string("login_rate_limited.html", {"message": message}, request)
        response = HttpResponse(body, status=429)
        response["Retry-After"] = str(window)
        return response


class PublicPageCacheMiddleware:
    """Lets a CDN keep anonymous page views for FRONTEND_CACHE_MAX_AGE seconds.

    Only when a frontend cache is configured (WAGTAILFRONTENDCACHE), which purges a page
    as soon as it is published or unpublished; only for Wagtail's page view, GET/HEAD,
    status 200, an anonymous visitor, and a response that does not vary on the cookie
    (a form with a CSRF token, a password-protected page) and sets no cache policy itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        max_age = getattr(settings, "FRONTEND_CACHE_MAX_AGE", 0)
        match = request.resolver_match
        if (
            getattr(settings, "WAGTAILFRONTENDCACHE", None)
            and max_age > 0
            and request.method in {"GET", "HEAD"}
            and response.status_code == 200
            and match is not None
            and match.url_name == "wagtail_serve"
            and not request.user.is_authenticated
            and not response.has_header("Cache-Control")
            and "cookie" not in response.get("Vary", "").lower()
            and not response.cookies
        ):
            patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
        return response
