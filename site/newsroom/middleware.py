"""Host-site middleware: public pages cacheable by a CDN; the admin's own security policy.

(The login limit is in the login_limit app.)
"""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import patch_cache_control


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


class AdminContentSecurityPolicyMiddleware:
    """Wagtail's admin gets its own, looser Content-Security-Policy (settings
    CONTENT_SECURITY_POLICY_ADMIN) than public pages.

    Placed after the CSP middleware, it marks admin responses as the per-view decorators
    do (django-csp's @csp, Django 6's @csp_override): both middlewares then send this
    policy instead of the site-wide one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(reverse("wagtailadmin_home")) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.CONTENT_SECURITY_POLICY_ADMIN
        return response
