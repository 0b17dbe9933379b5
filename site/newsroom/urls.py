"""URL map of the host news site."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from news.feeds import LatestNewsFeed
from newsroom.sitemaps import PageSitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PageSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.http import Http404

    def _no_documents(request, path):
        raise Http404  # documents go through /documents/, which checks who may read them

    # Media files for the development server, except documents (private originals).
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/documents/<path:path>", _no_documents)]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Reader-facing URLs per language: Vietnamese unprefixed, English under /en/, and any
# language added to LANGUAGES under its code.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feed/", LatestNewsFeed(), name="news_feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
