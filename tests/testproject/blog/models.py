"""A host's existing articles (Wagtail's tutorial blog) made news through the add-on's
`NewsPageMixin`, as the install document shows: listed with the symposia and papers, and
shown on a plan when they link to it."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from symposium_pages.models import NewsPageMixin, news_pages


class BlogIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["blog.BlogPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blogpages"] = news_pages().descendant_of(self)
        return context


class BlogPage(NewsPageMixin, Page):
    body = RichTextField(blank=True)

    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        *NewsPageMixin.news_panels(),
        FieldPanel("body"),
        InlinePanel("related_links", label="Related pages"),
    ]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []


class BlogPageRelatedLink(Orderable):
    page = ParentalKey(BlogPage, on_delete=models.CASCADE, related_name="related_links")
    related_page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("related_page")]
