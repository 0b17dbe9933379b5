"""URL map of the host news site."""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from news.feeds import LatestNewsFeed
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search_views.search, name="search"),
    path("feed/", LatestNewsFeed(), name="news_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.http import Http404

    def _no_documents(request, path):
        raise Http404  # documents go through /documents/, which checks who may read them

    # Media files for the development server, except documents (private originals).
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/documents/<path:path>", _no_documents)]
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
