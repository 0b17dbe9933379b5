"""The Office's budget in the admin: a snippet with revisions (no draft, no moderation).

The Office and the moderators edit the lines, the actual amounts, the dates paid
and the supporting documents; editors read (the inspect view). Every save is a
revision of the budget, so Wagtail's history shows who changed what and its
comparison which figure; approving the estimate and settling are logged
actions. Every door asks budget_rights.budget_policy (see there).
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.views.snippets import EditView, InspectView, SnippetViewSet

from .. import conf
from ..budget_panels import BudgetRecordPanel
from ..budget_rights import budget_policy
from ..collections import budget_collection
from ..formatting import vnd
from ..models import BudgetItem, SymposiumBudget
from ..models.budget import APPROVED_ACTION, SETTLED_ACTION
from .settlement import settlement_button

AMOUNT_FIELDS = ("quantity", "unit_price", "actual")
ESTIMATE_FIELDS = ("item", "quantity", "unit", "unit_price")


class AmountField(forms.IntegerField):
    """A whole, non-negative number of đồng; "1.500.000", "1 500 000" and "1.500.000 đ"
    are read as Vietnamese documents write them."""

    default_error_messages = {
        "invalid": gettext_lazy(
            "Write a whole number of đồng, without decimals (for example 1.500.000)."
        ),
        "min_value": gettext_lazy("An amount cannot be negative."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.pop("max_value", None)
        super().__init__(**kwargs)
        self.widget.input_type = "text"
        self.widget.attrs.update({"inputmode": "numeric"})
        self.widget.attrs.pop("min", None)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removesuffix("đ").strip().replace(".", "").replace(" ", "")
            value = value.replace("\xa0", "")
            if value.startswith("-") and value[1:].isdigit():
                raise ValidationError(self.error_messages["min_value"], code="min_value")
        return super().to_python(value)


class BudgetChildMixin:
    """A line or a supporting document: amounts read as typed in Vietnam; the printing
    line's estimate (and every approved line's) is not typed in; a document names a line of
    this budget only."""

    budget_lines = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in AMOUNT_FIELDS:
            if name in self.fields:
                old = self.fields[name]
                self.fields[name] = AmountField(
                    label=old.label, required=old.required, help_text=old.help_text
                )
        if "quantity" in self.fields:
            self.fields["quantity"].error_messages.update(
                invalid=_("Write the quantity as a whole number."),
                min_value=_("A quantity cannot be negative."),
            )
        if self.budget_lines is not None and "item" in self.fields:
            self.fields["item"].queryset = self.budget_lines
        if isinstance(self.instance, BudgetItem) and self.instance.pk:
            budget = self.instance.budget
            if self.instance.is_printing or budget.is_approved:
                for name in ESTIMATE_FIELDS:
                    self.fields[name].disabled = True
                    self.fields[name].required = False
            if self.instance.is_printing and budget.follows_booklet:
                self.initial.update(budget._printing_fields())

    def clean_document(self):
        """Supporting documents are kept private: each must be in the budget's collection."""
        document = self.cleaned_data.get("document")
        name = conf.get("SYMPOSIUM_BUDGET_COLLECTION")
        if document is not None:
            ancestry = [document.collection, *document.collection.get_ancestors()]
            if not any(c.name == name and c.depth == 2 for c in ancestry):
                raise ValidationError(
                    _(
                        "Upload the document into the collection “%(name)s”, which only the "
                        "Office, the moderators and the editors can open."
                    )
                    % {"name": name}
                )
        return document


def _with_mixin(formset, **attrs):
    """The formset's own form class (Wagtail builds it) under BudgetChildMixin, for this
    form only."""
    form_class = formset.form
    formset.form = type(form_class)(
        form_class.__name__, (BudgetChildMixin, form_class), {"__module__": __name__, **attrs}
    )


def _keep_lines(formset, budget):
    """The formset refuses to delete the printing line, or a line of an approved estimate.

    Django does not validate the forms marked for deletion, so the check is the
    formset's own (its non-form errors, shown above the lines)."""

    def clean():
        for form in formset.forms:
            line = form.instance
            if not (line.pk and formset._should_delete_form(form)):
                continue
            if line.is_printing:
                raise ValidationError(_("The printing line cannot be removed."))
            if budget.is_approved and line.estimate:
                raise ValidationError(
                    _("“%(item)s” is in the approved estimate and cannot be removed.")
                    % {"item": line.item}
                )

    formset.clean = clean


class BudgetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "items" in self.formsets:
            _with_mixin(self.formsets["items"])
            _keep_lines(self.formsets["items"], self.instance)
        if "documents" in self.formsets:
            lines = BudgetItem.objects.filter(budget_id=self.instance.pk)
            _with_mixin(self.formsets["documents"], budget_lines=lines)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_settled:
            raise ValidationError(_("This budget is settled: its figures can no longer change."))
        return cleaned


def _line_panels():
    return [
        FieldPanel("item"),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("unit"), FieldPanel("unit_price")]),
        FieldRowPanel([FieldPanel("actual"), FieldPanel("paid_on")]),
        FieldPanel("note"),
    ]


def _document_panels():
    return [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("item")]),
        FieldPanel("document"),
        FieldPanel("description"),
    ]


class BudgetEditView(EditView):
    def get_object(self, queryset=None):
        budget = super().get_object(queryset)
        budget.ensure_printing_line()
        budget_collection()  # where its documents are uploaded, made private on first use
        return budget

    def dispatch(self, request, *args, **kwargs):
        """A settled budget is closed: it is read, not edited (the policy refuses "change")."""
        budget = get_object_or_404(SymposiumBudget, pk=unquote(str(self.kwargs["pk"])))
        if budget_policy.user_has_permission(request.user, "change") and budget.is_settled:
            if request.method != "GET":
                raise PermissionDenied
            messages.info(request, _("This budget is settled: its figures can no longer change."))
            return redirect(SymposiumBudget.snippet_viewset.get_url_name("inspect"), budget.pk)
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *state_buttons(self.request.user, self.object)]


class BudgetInspectView(InspectView):
    template_name = "symposium_pages/admin/budget_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budget_record"] = record_context(self.object)
        return context

    @property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *state_buttons(self.request.user, self.object)]


def record_context(budget):
    """The lines and totals as the panels and the inspect view show them."""
    lines = budget.lines()
    return {
        "budget": budget,
        "lines": lines,
        "estimate_total": vnd(sum(line.estimate for line in lines)),
        "actual_total": vnd(sum(line.actual or 0 for line in lines)),
        "all_actual": all(line.actual is not None for line in lines),
        "documents": budget.documents.select_related("document", "item"),
        "printing": budget.printing_figures,
    }


def state_buttons(user, budget):
    """The buttons to approve an estimate and to settle an approved budget, for those allowed,
    and to download the settlement (views/settlement.py)."""
    buttons = []
    for action, spec in STATE_ACTIONS.items():
        if budget.status == spec["from"] and budget_policy.user_has_permission_for_instance(
            user, action, budget
        ):
            url = reverse(f"symposium_pages_budget_{action}", args=[budget.pk])
            buttons.append(Button(spec["title"], url, icon_name=spec["icon"], priority=30))
    settlement = settlement_button(user, budget.symposium, priority=31)
    return [*buttons, settlement] if settlement else buttons


STATE_ACTIONS = {
    "approve": {
        "from": SymposiumBudget.Status.ESTIMATE,
        "icon": "check",
        "title": gettext_lazy("Approve the estimate"),
        "explain": gettext_lazy(
            "Approving records you and the time as having approved this estimate. Its lines' "
            "quantities and prices, the printing line's among them, are then fixed; the "
            "actual amounts, dates paid and documents can still be entered."
        ),
        "done": gettext_lazy("The estimate of %(symposium)s is approved (%(total)s)."),
    },
    "settle": {
        "from": SymposiumBudget.Status.APPROVED,
        "icon": "tick-inverse",
        "title": gettext_lazy("Settle the budget"),
        "explain": gettext_lazy(
            "Settling closes the budget: no figure, line or document can change afterwards. "
            "Every line needs its actual amount."
        ),
        "done": gettext_lazy("The budget of %(symposium)s is settled (spent: %(total)s)."),
    },
}


def state_view(request, budget_id, action):
    """Approve or settle: a confirmation (GET), then the model's own method (POST), which
    checks the right again and the state."""
    spec = STATE_ACTIONS[action]
    budget = get_object_or_404(SymposiumBudget.objects.select_related("symposium"), pk=budget_id)
    if not budget_policy.user_has_permission_for_instance(request.user, action, budget):
        raise PermissionDenied
    edit_url = reverse(SymposiumBudget.snippet_viewset.get_url_name("edit"), args=[budget.pk])
    error = None
    if request.method == "POST":
        try:
            getattr(budget, action)(request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            total = budget.estimate_total if action == "approve" else budget.actual_total
            messages.success(
                request,
                spec["done"] % {"symposium": budget.symposium.title, "total": vnd(total)},
            )
            viewset = SymposiumBudget.snippet_viewset
            target = "edit" if action == "approve" else "inspect"
            return redirect(viewset.get_url_name(target), budget.pk)
    context = {
        "budget_record": record_context(budget),
        "explain": spec["explain"],
        "action_label": spec["title"],
        "error": error,
        "cancel_url": edit_url,
        "page_title": spec["title"],
        "page_subtitle": budget.symposium.title,
        "header_title": spec["title"],
        "header_icon": "check",
    }
    return TemplateResponse(
        request,
        "symposium_pages/admin/budget_state.html",
        context,
        status=400 if error else 200,
    )


def _status(budget):
    return budget.get_status_display()


def _estimate(budget):
    return vnd(budget.estimate_total)


def _actual(budget):
    return vnd(budget.actual_total)


class BudgetViewSet(SnippetViewSet):
    model = SymposiumBudget
    icon = "form"
    menu_name = "symposium-budgets"
    menu_label = gettext_lazy("Budgets")
    menu_order = 400
    edit_view_class = BudgetEditView
    inspect_view_class = BudgetInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "symposium",
        "status",
        "approved_by",
        "approved_at",
        "settled_by",
        "settled_at",
    ]
    copy_view_enabled = False
    list_display = [
        "symposium",  # the title column: to the edit view, or to inspect for readers
        Column("status", label=capfirst(pgettext_lazy("budget", "state")), accessor=_status),
        Column("estimate", label=capfirst(gettext_lazy("estimate")), accessor=_estimate),
        Column("actual", label=capfirst(gettext_lazy("actual spending")), accessor=_actual),
    ]
    edit_handler = ObjectList(
        [
            BudgetRecordPanel(heading=gettext_lazy("State and totals")),
            InlinePanel(
                "items",
                heading=gettext_lazy("Budget lines"),
                label=gettext_lazy("Budget line"),
                panels=_line_panels(),
            ),
            InlinePanel(
                "documents",
                heading=gettext_lazy("Supporting documents"),
                label=gettext_lazy("Supporting document"),
                panels=_document_panels(),
            ),
        ],
        base_form_class=BudgetForm,
    )

    def get_queryset(self, request):
        return SymposiumBudget.objects.select_related("symposium")


def budget_urls():
    """The state actions' URLs (register_admin_urls)."""
    return [
        path(
            "symposium/budget/<int:budget_id>/approve/",
            state_view,
            {"action": "approve"},
            name="symposium_pages_budget_approve",
        ),
        path(
            "symposium/budget/<int:budget_id>/settle/",
            state_view,
            {"action": "settle"},
            name="symposium_pages_budget_settle",
        ),
    ]


def budget_url(user, symposium):
    """Where the plan's Budget tab sends a user: the edit view if they may change the budget,
    the inspect view if they may read it, else nowhere."""
    budget = SymposiumBudget.for_symposium(symposium)
    viewset = SymposiumBudget.snippet_viewset
    if budget_policy.user_has_permission_for_instance(user, "change", budget):
        return reverse(viewset.get_url_name("edit"), args=[budget.pk])
    if budget_policy.user_has_permission(user, "view"):
        return reverse(viewset.get_url_name("inspect"), args=[budget.pk])
    return None


class BudgetStateFormatter(LogFormatter):
    template = ""

    def format_message(self, log_entry):
        return self.template % {"estimate": "", "actual": "", **log_entry.data}


LOG_ACTIONS = {
    APPROVED_ACTION: (
        gettext_lazy("Estimate approved"),
        gettext_lazy("Estimate approved: %(estimate)s."),
    ),
    SETTLED_ACTION: (
        gettext_lazy("Budget settled"),
        gettext_lazy("Budget settled: %(actual)s spent."),
    ),
}


def register_log_actions(actions):
    """For the `register_log_actions` hook: approval and settlement in the budget's history."""
    for action, (label, template) in LOG_ACTIONS.items():
        formatter = type(
            "BudgetStateFormatter", (BudgetStateFormatter,), {"label": label, "template": template}
        )
        actions.register_action(action)(formatter)
