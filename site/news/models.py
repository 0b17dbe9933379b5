"""The news section standing for the host site's existing articles."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from symposium_pages.models import NewsPageMixin, news_pages
from symposium_pages.models.search_text import FoldedSearchMixin


class NewsIndexPage(FoldedSearchMixin, Page):
    """A news section: its articles, newest first, ten a page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage", "symposium_pages.SymposiumPage"]
    template = "news/news_index_page.html"
    per_page = 10

    class Meta:
        verbose_name = _("news section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.news(), self.per_page)
        try:
            page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        context["articles"] = page
        return context

    def news(self):
        """Every kind of news page (articles, symposia, papers, coverage), newest first.

        The section's own pages, and the site's news filed outside any section (a
        symposium under the home page and its papers); another section's stay there.
        """
        home = self.get_parent()
        items = news_pages().descendant_of(home)
        other_sections = (
            NewsIndexPage.objects.descendant_of(home)
            .exclude(pk=self.pk)
            .values_list("path", flat=True)
        )
        for path in other_sections:
            items = items.exclude(path__startswith=path)
        return items


class NewsArticlePage(NewsPageMixin, Page):
    """One article with its byline, lead, main photo and source (the add-on's news fields)."""

    date = models.DateTimeField(_("publication date"), default=timezone.now)
    body = StreamField(
        [
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("image", ImageBlock(label=pgettext_lazy("news block", "Image"))),
            (
                "quote",
                blocks.BlockQuoteBlock(label=_("Quote")),
            ),
        ],
        verbose_name=_("body"),
        blank=True,
    )
    source_name = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(_("source link"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline"),
        index.FilterField("date"),
    ]

    content_panels = Page.content_panels + [
        *NewsPageMixin.news_panels(),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Related article")),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_article_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def related_pages(self):
        """Live related pages, in the editor's order, in one query."""
        ids = [link.related_page_id for link in self.related_links.all()]
        pages = Page.objects.live().public().filter(pk__in=ids).specific().in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


class RelatedArticle(Orderable):
    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=pgettext_lazy("related article", "page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("related_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
