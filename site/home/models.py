"""The home page of the news site."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from symposium_pages.models.search_text import FoldedSearchMixin
from symposium_pages.public import public
from symposium_pages.routing import SpecificChildRouting


class HomePage(SpecificChildRouting, FoldedSearchMixin, Page):
    """Front page: the latest news and the symposia in progress."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "symposium_pages.SymposiumPage"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_structured_data(self, request=None):
        """The site for search engines, with its search box (schema.org SearchAction)."""
        from django.urls import reverse

        root = self.get_full_url(request).rstrip("/")
        return {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": self.get_site().site_name or self.title,
            "url": f"{root}/",
            "inLanguage": self.locale.language_code,
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{root}{reverse('search')}?q={{search_term_string}}",
                "query-input": "required name=search_term_string",
            },
        }

    def get_context(self, request, *args, **kwargs):
        from symposium_pages.models import SymposiumPage, news_pages

        context = super().get_context(request, *args, **kwargs)
        # Articles, symposia, papers and coverage alike: every news page of the site.
        # Read only when the template's cached fragment is missing (fragments.py).
        context["latest_articles"] = SimpleLazyObject(lambda: news_pages().descendant_of(self)[:6])
        context["symposia"] = SimpleLazyObject(
            lambda: (
                public(SymposiumPage.objects.live()).descendant_of(self).order_by("-issued_on")[:3]
            )
        )
        return context
