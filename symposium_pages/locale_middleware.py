"""The language of a request comes from its URL, for every language in LANGUAGES.

Django's LocaleMiddleware only honours a language prefix when it finds a
translation catalogue for that language, so /jra/ (Jrai) or /bdq/ (Bahnar), which
Django does not know, would 404. Here a prefix listed in LANGUAGES is enough: the
interface of such a language falls back to LANGUAGE_CODE's catalogue (Vietnamese)
while the content is the page's own. Unprefixed URLs are LANGUAGE_CODE, never
guessed from Accept-Language, so one URL is always one language (and one cache entry).
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers


def language_from_path(path):
    """The language whose prefix starts `path`, or None."""
    found = translation.get_language_from_path(path)
    if found:
        return found
    prefix = path.lstrip("/").split("/", 1)[0].lower()
    for code, _name in settings.LANGUAGES:
        if code.lower() == prefix:
            return code
    return None


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Use in place of django.middleware.locale.LocaleMiddleware."""

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, _prefixed = is_language_prefix_patterns_used(urlconf)
        language = language_from_path(request.path_info) if i18n_patterns_used else None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        # The language never depends on Accept-Language here: drop the Vary Django adds,
        # which would split a CDN's cache by every browser's language list.
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
        kept = [v for v in vary if v.lower() != "accept-language"]
        if len(kept) != len(vary):
            del response["Vary"]
            if kept:
                patch_vary_headers(response, kept)
        return response
