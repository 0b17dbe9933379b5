"""URL map of the host news site."""

from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from news.feeds import LatestNewsFeed
from newsroom.settings.content_security import admin_policy_override
from newsroom.sitemaps import PageSitemap
from search import views as search_views

urlpatterns = [
    # Wagtail's admin views send the admin's own, looser Content-Security-Policy.
    path(
        "admin/",
        include(decorate_urlpatterns(wagtailadmin_urls.urlpatterns, admin_policy_override())),
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Pictures of papers not yet released, for the editors (404 for anyone else).
    path("paper-pictures/", include("symposium_pages.urls")),
    # Each invited unit's private desk (a token in the path; the access log redacts it).
    path("desk/", include("symposium_pages.desk.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PageSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.views.static import serve

    from symposium_pages.picture_storage import PUBLIC_MEDIA_DIRS

    # Media files for the development server, as a front server serves them in production:
    # the public pictures and their renditions only, never documents (private originals),
    # the pictures of papers not yet released, booklets or uploads awaiting confirmation.
    media = settings.MEDIA_URL.strip("/")
    urlpatterns += [
        path(
            f"{media}/{folder}/<path:path>",
            serve,
            {"document_root": Path(settings.MEDIA_ROOT, folder)},
        )
        for folder in PUBLIC_MEDIA_DIRS
    ]

# Reader-facing URLs per language: Vietnamese unprefixed, English under /en/, and any
# language added to LANGUAGES under its code.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feed/", LatestNewsFeed(), name="news_feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
