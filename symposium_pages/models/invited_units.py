"""The public list of invited units, a child page of the symposium."""

from itertools import groupby

from django.db.models import Prefetch, Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..categories import UnitCategory
from ..languages import is_original, original_of
from ..public import public
from .release import ReleaseRuleMixin
from .search_text import FoldedSearchMixin


class InvitedUnitsPage(ReleaseRuleMixin, FoldedSearchMixin, Page):
    """Who is invited, grouped by category in the plan's order, with who presents."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["symposium_pages.SymposiumPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "symposium_pages/invited_units_page.html"

    class Meta:
        verbose_name = _("invited units")
        verbose_name_plural = _("invited units pages")

    def get_symposium(self):
        from .symposium import SymposiumPage

        cached = getattr(self, "_symposium", None)
        if cached is None:
            cached = self._symposium = SymposiumPage.objects.ancestor_of(self).last()
        return cached

    def grouped_invitations(self):
        """[(category label, [invitation, …]), …] in the plan's order, in two queries
        (three when the organiser is on the list: its own reports are read too).

        Each invitation carries `published_papers`: its papers that are live and public,
        the only ones a reader may be linked to.
        """
        from ..programme import in_programme_order
        from .papers import PaperPage
        from .units import Invitation

        symposium = original_of(self.get_symposium())
        if symposium is None:
            return []
        published = in_programme_order(public(PaperPage.objects.live()))
        invitations = list(
            Invitation.objects.filter(symposium=symposium, unit__active=True)
            .select_related("unit")
            .prefetch_related(Prefetch("papers", queryset=published, to_attr="published_papers"))
            .in_plan_order()
        )
        self._with_organisers_reports(symposium, invitations, published)
        if not is_original(self):
            self._read_in_own_language(invitations)
        labels = dict(UnitCategory.choices)
        return [
            (labels.get(category, category), list(items))
            for category, items in groupby(invitations, key=lambda item: item.unit.category)
        ]

    def _with_organisers_reports(self, symposium, invitations, published):
        """The organiser's own reports (the keynote, the closing summary) are its papers:
        listed on its row, though no invitation brought them in."""
        row = next((item for item in invitations if item.unit_id == symposium.organiser_id), None)
        if row is None:
            return
        row.organises = True
        row.published_papers = list(
            published.child_of(symposium).filter(
                Q(invitation=row) | Q(unit_id=row.unit_id, invitation__isnull=True)
            )
        )

    def _read_in_own_language(self, invitations):
        """On a translated list, each paper links to its translation when one is published;
        an untranslated paper keeps its Vietnamese link rather than vanishing."""
        from .papers import PaperPage

        keys = [paper.translation_key for item in invitations for paper in item.published_papers]
        if not keys:
            return
        translated = {
            paper.translation_key: paper
            for paper in public(PaperPage.objects.live()).filter(
                translation_key__in=keys, locale_id=self.locale_id
            )
        }
        for item in invitations:
            item.published_papers = [
                translated.get(paper.translation_key, paper) for paper in item.published_papers
            ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["symposium"] = SimpleLazyObject(self.get_symposium)
        # Called by the template only when its cached fragment is missing.
        context["groups"] = self.grouped_invitations
        return context
