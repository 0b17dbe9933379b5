"""The public list of invited units, a child page of the symposium."""

from itertools import groupby

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..categories import CATEGORY_ORDER, UnitCategory


class InvitedUnitsPage(Page):
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

        return SymposiumPage.objects.ancestor_of(self).last()

    def grouped_invitations(self):
        """[(category label, [invitation, …]), …] in the plan's order, in one query."""
        symposium = self.get_symposium()
        if symposium is None:
            return []
        invitations = sorted(
            symposium.invitations.select_related("unit").filter(unit__active=True),
            key=lambda item: (CATEGORY_ORDER.get(item.unit.category, 99), item.unit.name),
        )
        labels = dict(UnitCategory.choices)
        return [
            (labels.get(category, category), list(items))
            for category, items in groupby(invitations, key=lambda item: item.unit.category)
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["symposium"] = self.get_symposium()
        context["groups"] = self.grouped_invitations()
        return context
