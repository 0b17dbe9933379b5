"""Coverage (bài đưa tin): the newsroom's articles about a symposium, filed under its plan."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import CoverageBodyBlock
from .news import NewsPageMixin
from .release import ReleaseRuleMixin


class CoveragePage(ReleaseRuleMixin, NewsPageMixin, Page):
    """A news article about the symposium: byline, photo with caption and credit, source.

    The host's own articles are coverage too when they link to the plan (a related
    link or a link in their text); this page type serves hosts without a news section.
    """

    body = StreamField(CoverageBodyBlock(), verbose_name=_("body"), blank=True)
    source_name = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline"),
    ]

    content_panels = Page.content_panels + [
        *NewsPageMixin.news_panels(),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
    ]

    parent_page_types = ["symposium_pages.SymposiumPage"]
    subpage_types = []
    template = "symposium_pages/coverage_page.html"
    news_label = _("Coverage")

    class Meta:
        verbose_name = _("coverage article")
        verbose_name_plural = _("coverage articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the template's cached fragment is missing (fragments.py).
        context["symposium"] = SimpleLazyObject(self.get_symposium)
        context["coverage"] = SimpleLazyObject(self._coverage)
        return context

    def _coverage(self):
        symposium = self.get_symposium()
        return symposium.coverage().exclude(pk=self.pk)[:4] if symposium else []

    def get_structured_data(self, request=None):
        """A news article about the symposium (schema.org `about` names the event)."""
        from ..structured_data import article

        symposium = self.get_symposium()
        about = (
            {"@type": "Event", "name": symposium.title, "url": symposium.get_full_url(request)}
            if symposium
            else None
        )
        return article(self, request, "NewsArticle", extra={"about": about} if about else None)

    def get_symposium(self):
        from .symposium import SymposiumPage

        cached = getattr(self, "_symposium", None)
        if cached is None:
            cached = self._symposium = SymposiumPage.objects.ancestor_of(self).last()
        return cached
