"""Host-site middleware: public pages cacheable by a CDN.

(The login limit is in the login_limit app; the admin's own Content-Security-Policy is set
per view, newsroom/urls.py.)
"""

from django.conf import settings
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
