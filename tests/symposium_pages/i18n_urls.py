"""The host's URLs with language prefixes (/en/…), as a site with translations serves them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

from newsroom.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns[:-1],  # everything but Wagtail's catch-all page view
    *i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False),
]
