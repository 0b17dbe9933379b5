"""Admin panels of the add-on that show what is computed rather than typed."""

from wagtail.admin.panels import Panel


class BudgetSummaryPanel(Panel):
    """The printing line (booklet pages × copies × price per page) and the budget's total."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "symposium_pages/admin/budget_summary_panel.html"

        def get_context_data(self, parent_context=None):
            from .budget import budget_for

            context = super().get_context_data(parent_context)
            context["budget"] = budget_for(self.instance) if self.instance.pk else None
            return context
