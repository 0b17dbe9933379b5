"""The site's RSS feed: the latest news of every kind, through the add-on's news interface."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from symposium_pages.feeds import NewsFeed
from symposium_pages.models import news_pages


class LatestNewsFeed(NewsFeed):
    title = _("Gia Lai News: latest news")
    description = _("Articles, symposia, papers and coverage, newest first.")
    limit = 30

    def get_object(self, request):
        return Site.find_for_request(request)

    def link(self, site):
        return site.root_url if site else "/"

    def items(self, site):
        items = news_pages()
        if site is not None:
            items = items.in_site(site)
        return items[: self.limit]
