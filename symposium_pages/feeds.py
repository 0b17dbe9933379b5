"""RSS feeds of news pages: one per symposium (its papers and coverage), and a base for hosts.

A host's site feed subclasses `NewsFeed` and lists `news_pages()`; see the
demo's `news.feeds.LatestNewsFeed`.
"""

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reading import feed_items


class NewsFeed(Feed):
    """An RSS 2.0 feed whose items are news pages (`NewsPageMixin`)."""

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_description()

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.publication_date or timezone.now()

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.byline or None

    def item_categories(self, item):
        label = item.get_news_label()
        return [str(label)] if label else []


class SymposiumFeed(NewsFeed):
    """The papers and coverage of one symposium, newest first."""

    def get_object(self, request, symposium):
        return symposium

    def title(self, symposium):
        return _("%(title)s: papers and news") % {"title": symposium.title}

    def link(self, symposium):
        return symposium.full_url

    def description(self, symposium):
        return symposium.lead or symposium.title

    def items(self, symposium):
        return feed_items(symposium)
