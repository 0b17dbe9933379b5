"""The Office's budget of a symposium (dự trù → đã duyệt → đã quyết toán), off the plan page.

"Văn phòng Tỉnh ủy tham mưu bố trí và thanh quyết toán kinh phí": the budget is
the Office's own record, not part of the public plan, so a change of figures is
a revision of this record (Wagtail's history says who changed what) and never a
new revision of the plan awaiting moderation. Rights: `budget_rights.py`.

One record per symposium, on the plan in the default language (a translation
reads the original's). The printing line is a row like the others, so its
actual amount, date paid and documents are entered alike; while the budget is
an estimate its figures follow the booklet (pages × copies × price per page),
and approval freezes them with the rest of the estimate.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, RevisionMixin

from ..formatting import vnd

APPROVED_ACTION = "symposium_pages.budget_approved"
SETTLED_ACTION = "symposium_pages.budget_settled"


def _user(name):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class SymposiumBudget(RevisionMixin, ClusterableModel):
    """A symposium's budget: its lines (the printing line among them), state and documents."""

    class Status(models.TextChoices):
        ESTIMATE = "estimate", pgettext_lazy("budget status", "Estimate")
        APPROVED = "approved", pgettext_lazy("budget status", "Approved")
        SETTLED = "settled", pgettext_lazy("budget status", "Settled")

    symposium = models.OneToOneField(
        "symposium_pages.SymposiumPage",
        verbose_name=_("symposium"),
        on_delete=models.CASCADE,
        related_name="office_budget",
    )
    status = models.CharField(
        pgettext_lazy("budget", "state"),
        max_length=10,
        choices=Status.choices,
        default=Status.ESTIMATE,
        editable=False,
    )
    approved_by = _user(pgettext_lazy("budget", "approved by"))
    approved_at = models.DateTimeField(
        pgettext_lazy("budget", "approved at"), null=True, blank=True, editable=False
    )
    settled_by = _user(pgettext_lazy("budget", "settled by"))
    settled_at = models.DateTimeField(
        pgettext_lazy("budget", "settled at"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("symposium budget")
        verbose_name_plural = _("symposium budgets")
        ordering = ["-symposium__issued_on", "-pk"]
        permissions = [
            ("approve_symposiumbudget", "Can approve the budget's estimate"),
            ("settle_symposiumbudget", "Can settle the budget"),
        ]

    def __str__(self):
        return str(_("Budget: %(symposium)s") % {"symposium": self.symposium.title})

    # -- one per symposium --------------------------------------------------

    @classmethod
    @transaction.atomic
    def for_symposium(cls, page):
        """The symposium's budget, made (with its printing line) on first use; a translation
        of the plan gives the original's."""
        from ..languages import original_of

        page = original_of(page)
        budget, _created = cls.objects.select_for_update().get_or_create(symposium_id=page.pk)
        budget.symposium = page
        budget.ensure_printing_line()
        return budget

    def ensure_printing_line(self):
        printing = self.items.filter(is_printing=True).first()
        if printing is None:
            last = self.items.aggregate(last=models.Max("sort_order"))["last"]
            printing = BudgetItem.objects.create(
                budget=self,
                is_printing=True,
                sort_order=(last or 0) + 1,
                **self._printing_fields(),
            )
        return printing

    # -- figures -----------------------------------------------------------

    @cached_property
    def printing_figures(self):
        """The booklet's pages, copies and price per page (budget.py), read once."""
        from ..budget import printing_figures

        return printing_figures(self.symposium)

    def _printing_fields(self):
        """The printing line's item, quantity, unit and unit price as the booklet gives them,
        in the plan's language (the printed documents are Vietnamese)."""
        from ..budget import printing_row
        from ..languages import default_language

        with translation.override(default_language()):
            row = printing_row(self.printing_figures)
            return {
                "item": str(row.item),
                "quantity": row.quantity,
                "unit": str(row.unit),
                "unit_price": row.unit_price,
            }

    @property
    def follows_booklet(self):
        """While an estimate, the printing line's figures follow the booklet."""
        return self.status == self.Status.ESTIMATE

    def lines(self):
        """The lines in order, the printing line last; the printing line only when it
        costs something (copies and a price) or has an actual amount."""
        lines = []
        for line in self.items.order_by("is_printing", "sort_order", "pk"):
            line.budget = self
            if line.is_printing:
                if self.follows_booklet:
                    for name, value in self._printing_fields().items():
                        setattr(line, name, value)
                if not line.estimate and line.actual is None:
                    continue
            lines.append(line)
        return lines

    @property
    def estimate_total(self):
        return sum(line.estimate for line in self.lines())

    @property
    def actual_total(self):
        return sum(line.actual or 0 for line in self.lines())

    @property
    def is_settled(self):
        return self.status == self.Status.SETTLED

    @property
    def is_approved(self):
        return self.status in (self.Status.APPROVED, self.Status.SETTLED)

    # -- state changes: every door checks the right (budget_rights.py) --------

    def _check(self, user, action):
        from ..budget_rights import budget_policy

        if not budget_policy.user_has_permission_for_instance(user, action, self):
            raise PermissionDenied

    @transaction.atomic
    def approve(self, user):
        """Dự trù → đã duyệt: the estimate (the printing line's figures with it) is fixed."""
        from wagtail.log_actions import log

        self._check(user, "approve")
        if self.status != self.Status.ESTIMATE:
            raise ValidationError(
                _("Only an estimate can be approved; this budget is %(state)s.")
                % {"state": self.get_status_display().lower()}
            )
        lines = self.lines()
        if not sum(line.estimate for line in lines):
            raise ValidationError(_("The estimate has no amounts yet: add its lines first."))
        for line in lines:
            if line.is_printing:
                line.save(update_fields=["item", "quantity", "unit", "unit_price"])
        self.status = self.Status.APPROVED
        self.approved_by = user
        self.approved_at = timezone.now()
        self.save(update_fields=["status", "approved_by", "approved_at"])
        log(self, APPROVED_ACTION, user=user, data={"estimate": vnd(self.estimate_total)})

    @transaction.atomic
    def settle(self, user):
        """Đã duyệt → đã quyết toán: every line has its actual amount; nothing changes after."""
        from wagtail.log_actions import log

        self._check(user, "settle")
        if self.status != self.Status.APPROVED:
            raise ValidationError(_("Only an approved budget can be settled."))
        missing = [line.item for line in self.lines() if line.actual is None]
        if missing:
            raise ValidationError(
                _("Enter the actual amount of every line before settling (missing: %(items)s).")
                % {"items": "; ".join(missing)}
            )
        self.status = self.Status.SETTLED
        self.settled_by = user
        self.settled_at = timezone.now()
        self.save(update_fields=["status", "settled_by", "settled_at"])
        log(self, SETTLED_ACTION, user=user, data={"actual": vnd(self.actual_total)})


class BudgetItem(Orderable):
    """One line: item, quantity, unit, unit price (the estimate); then what was spent."""

    budget = ParentalKey(SymposiumBudget, on_delete=models.CASCADE, related_name="items")
    item = models.CharField(pgettext_lazy("symposium", "item"), max_length=255)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    unit = models.CharField(
        _("unit of measure"), max_length=40, blank=True, help_text=_("e.g. người, buổi, cuốn")
    )
    unit_price = models.PositiveBigIntegerField(_("unit price (VND)"), default=0)
    actual = models.PositiveBigIntegerField(
        _("actual amount (VND)"),
        null=True,
        blank=True,
        help_text=_("What was spent; empty until it is known."),
    )
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    is_printing = models.BooleanField(
        _("printing line"),
        default=False,
        editable=False,
        help_text=_("Its estimate is the booklet's pages × copies × price per page."),
    )
    note = models.CharField(pgettext_lazy("budget", "note"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(
                fields=["budget"],
                condition=Q(is_printing=True),
                name="one_printing_line_per_budget",
            )
        ]

    def __str__(self):
        return f"{self.item}: {vnd(self.estimate)}"

    @property
    def estimate(self):
        """Quantity × unit price; the printing line's follows the booklet until approval."""
        if self.is_printing and self.budget.follows_booklet:
            return self.budget.printing_figures.cost
        return (self.quantity or 0) * (self.unit_price or 0)

    @property
    def difference(self):
        """Actual minus estimate; None until the actual amount is entered."""
        return None if self.actual is None else self.actual - self.estimate


class BudgetDocument(models.Model):
    """A supporting document (invoice, receipt, contract), kept in the private collection."""

    class Kind(models.TextChoices):
        INVOICE = "invoice", pgettext_lazy("budget document", "Invoice")
        RECEIPT = "receipt", pgettext_lazy("budget document", "Receipt")
        CONTRACT = "contract", pgettext_lazy("budget document", "Contract")
        OTHER = "other", pgettext_lazy("budget document", "Other")

    budget = ParentalKey(SymposiumBudget, on_delete=models.CASCADE, related_name="documents")
    item = models.ForeignKey(
        BudgetItem,
        verbose_name=_("budget line"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=pgettext_lazy("budget document", "file"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(
        pgettext_lazy("budget document", "kind"),
        max_length=10,
        choices=Kind.choices,
        default=Kind.RECEIPT,
    )
    description = models.CharField(
        pgettext_lazy("budget document", "description"), max_length=255, blank=True
    )

    class Meta:
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description or self.document}"
