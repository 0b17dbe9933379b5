"""Admin panels of the budget: its state and totals, and the plan's link to the record."""

from wagtail.admin.panels import Panel


class BudgetRecordPanel(Panel):
    """In the budget's editor: the state (who approved and settled, when), the totals, and
    where the printing line's pages come from."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "symposium_pages/admin/budget_record_panel.html"

        def get_context_data(self, parent_context=None):
            from .views.budget import record_context

            context = super().get_context_data(parent_context)
            context.update(record_context(self.instance) if self.instance.pk else {})
            return context


class PlanBudgetPanel(Panel):
    """On the plan's Budget tab: the printing figures, the budget's totals and state, and a
    link to the Office's record (edit or read, as the user may)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "symposium_pages/admin/plan_budget_panel.html"

        def get_context_data(self, parent_context=None):
            from .budget_rights import can_read
            from .models import SymposiumBudget
            from .views.budget import budget_url, record_context

            context = super().get_context_data(parent_context)
            if not self.instance.pk:
                return context
            budget = SymposiumBudget.for_symposium(self.instance)
            context["printing"] = budget.printing_figures
            if can_read(self.request.user):
                context.update(record_context(budget))
                context["budget_url"] = budget_url(self.request.user, self.instance)
            return context
