"""News pages: what makes a page a news item of the host site, and how a host lists them.

The add-on's small public interface for host news sites:

`NewsPageMixin`
    An abstract page mixin with the fields every news item carries (publication
    date, byline, lead, main photo with caption and credit) and what listings,
    feeds and page metadata read from them. The plan, the papers and the
    add-on's coverage articles use it; a host adds it to its own article model
    and its articles sit beside them in every listing.

`news_pages()`
    The live, public pages of every model that uses the mixin, newest first, as
    one Page queryset of specific pages with their main photos and renditions
    fetched in a fixed number of queries (three per page type, whatever the
    number of pages). Narrow it like any page queryset: `.descendant_of(home)`,
    `.in_site(site)`, `[:6]`.
"""

from django.db import models
from django.db.models import DateTimeField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from ..public import public
from .search_text import FoldedSearchMixin

# Renditions used by the templates: cards in listings, the photo at the top of a page,
# the picture shared on social networks (OpenGraph asks for 1.91:1).
CARD_IMAGE = "fill-480x270"
MAIN_IMAGE = "width-960"
SHARE_IMAGE = "fill-1200x630"


class NewsPageMixin(FoldedSearchMixin, models.Model):
    """The fields and behaviour of a news item; put it before `Page` in the bases."""

    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "Shown with the page and used to order the news. "
            "Left empty, the date the page is first published."
        ),
    )
    byline = models.CharField(_("byline"), max_length=255, blank=True)
    lead = models.TextField(_("lead"), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_caption = models.CharField(_("photo caption"), max_length=500, blank=True)
    main_image_credit = models.CharField(_("photo credit"), max_length=255, blank=True)

    # A word shown before the title where news of several kinds are listed together.
    news_label = ""

    class Meta:
        abstract = True

    @classmethod
    def news_panels(cls, lead=True):
        """The admin panels of the news fields, to add to a page's content panels."""
        return [
            FieldRowPanel([FieldPanel("date"), FieldPanel("byline")]),
            *([FieldPanel("lead")] if lead else []),
            MultiFieldPanel(
                [
                    FieldPanel("main_image"),
                    FieldRowPanel(
                        [FieldPanel("main_image_caption"), FieldPanel("main_image_credit")]
                    ),
                ],
                heading=_("Main photo"),
            ),
        ]

    @property
    def publication_date(self):
        """The date readers see: the editors' date, else the first publication."""
        return self.date or self.first_published_at or self.last_published_at

    def get_news_label(self):
        return self.news_label

    def get_main_image_alt(self):
        """What the main photo shows, for readers who cannot see it."""
        image = self.main_image
        if image is None:
            return ""
        return (
            getattr(image, "description", "") or self.main_image_caption or image.title or ""
        ).strip()

    def get_share_image(self):
        """The picture shown when the page is shared (OpenGraph, Twitter cards)."""
        return self.main_image

    def get_description(self):
        """One or two sentences about the page, for search engines and shared links."""
        return (self.search_description or self.lead or "").strip()

    def get_structured_data(self, request=None):
        """schema.org JSON-LD for the page: a news article unless a subclass says otherwise."""
        from ..structured_data import article

        return article(self, request, "NewsArticle")


def news_page_models():
    """Every concrete page model that is a news item, the host's and the add-on's."""
    return [
        model
        for model in get_page_models()
        if issubclass(model, NewsPageMixin) and not model._meta.abstract
    ]


def _date_expression(models):
    """The publication date of any news page, in the database: its `date`, else first publication."""
    subqueries = [
        Subquery(model._base_manager.filter(pk=OuterRef("pk")).values("date")[:1])
        for model in models
        # One subquery per table holding the column: a subclass of a news model shares it.
        if model._meta.get_field("date").model is model
    ]
    return Coalesce(*subqueries, "first_published_at", output_field=DateTimeField())


def news_pages(models=None, *, image_filters=(CARD_IMAGE,), with_bodies=False):
    """Live, public news pages of the given models (default: all of them), newest first.

    Each page is specific, carries `news_sort_date` (its publication date), and has its
    main photo with the renditions named by `image_filters` already fetched. Bodies
    (StreamFields) are left out unless `with_bodies`, as listings do not show them.
    """
    models = list(models or news_page_models())
    images = get_image_model().objects.prefetch_renditions(*image_filters)
    queryset = (
        public(Page.objects.live())
        .type(*models)
        .annotate(news_sort_date=_date_expression(news_page_models()))
        .order_by("-news_sort_date", "-pk")
        .specific()
    )
    if not with_bodies:
        queryset = queryset.defer_streamfields()
    return queryset.prefetch_related(
        Prefetch("main_image", queryset=images), for_specific_subqueries=True
    )
