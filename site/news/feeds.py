"""The site's RSS feed: the latest news of every kind, through the add-on's news interface."""

from django.utils.translation import gettext_lazy as _

from symposium_pages.feeds import NewsFeed
from symposium_pages.languages import localized_root
from symposium_pages.models import news_pages


class LatestNewsFeed(NewsFeed):
    title = _("Gia Lai News: latest news")
    description = _("Articles, symposia, papers and coverage, newest first.")
    limit = 30

    def get_object(self, request):
        """The home page in the feed's language: /en/feed/ carries the English news."""
        return localized_root(request)

    def link(self, root):
        return root.get_url() if root is not None else "/"

    def items(self, root):
        items = news_pages()
        if root is not None:
            items = items.descendant_of(root, inclusive=True)
        return items[: self.limit]
