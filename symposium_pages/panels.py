"""Admin panels of the add-on that show what is computed rather than typed."""

from django.utils.functional import cached_property
from wagtail.admin.panels import Panel


class ExactCountPanel(Panel):
    """How the latest upload's pages were counted: estimated, being counted, exact or failed,
    and whether the exact count put the paper on the other side of the page limit."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "symposium_pages/admin/exact_count_panel.html"

        def get_context_data(self, parent_context=None):
            from .exact_counts import count_state, latest_upload

            context = super().get_context_data(parent_context)
            upload = latest_upload(self.instance) if self.instance.pk else None
            context["upload"] = upload
            context["count"] = getattr(upload, "exact_count", None)
            context["state"] = count_state(self.instance, upload=upload) if upload else None
            return context


class StructureHintsPanel(Panel):
    """Which of the symposium's expected parts the paper's headings or opening sentences
    seem to cover, for the reviewer: a hint read from the saved body, not a judgement."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "symposium_pages/admin/structure_hints_panel.html"

        @cached_property
        def hints(self):
            from .paper_structure import hints_for_paper

            return hints_for_paper(self.instance) if self.instance.pk else []

        def is_shown(self):
            return bool(self.hints) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["hints"] = self.hints
            return context
