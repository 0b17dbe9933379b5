"""The symposium's vetting criteria in the admin: a snippet listing filtered by symposium.

Plain rows with their own model rights (editors and moderators change them,
reviewers read them): editing a criterion is no revision of the plan, so no
round of moderation.
"""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from ..languages import originals
from ..models import SymposiumPage, VettingCriterion


class VettingCriterionFilterSet(WagtailFilterSet):
    symposium = django_filters.ModelChoiceFilter(
        label=capfirst(_("symposium")),
        queryset=originals(SymposiumPage.objects.order_by("-pk")),
        empty_label=pgettext_lazy("symposium", "All"),
    )

    class Meta:
        model = VettingCriterion
        fields = ["symposium", "kind"]


def _symposium(criterion):
    return criterion.symposium.plan_number


class VettingCriterionViewSet(SnippetViewSet):
    model = VettingCriterion
    icon = "list-ul"
    menu_name = "vetting-criteria"
    menu_order = 400
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = VettingCriterionFilterSet
    list_display = [
        "label",
        Column(
            "kind", label=capfirst(pgettext_lazy("vetting", "kind")), accessor="get_kind_display"
        ),
        Column("symposium", label=capfirst(_("symposium")), accessor=_symposium),
    ]
    ordering = ["-symposium", "kind", "sort_order", "pk"]
    panels = [
        FieldPanel("symposium"),
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldPanel("guidance"),
        FieldPanel("keywords"),
    ]
