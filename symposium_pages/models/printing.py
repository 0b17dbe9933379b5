"""The booklets built for printing (kept for staff to download).

The budget's lines were here (BudgetLine, on the plan page); they are the Office's
record now (budget.py), and migration 0020 dropped their table.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BookletExport(models.Model):
    """A booklet built for a symposium: its progress while it is built, then its files."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being built")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    symposium = models.ForeignKey(
        "symposium_pages.SymposiumPage",
        verbose_name=_("symposium"),
        on_delete=models.CASCADE,
        related_name="booklet_exports",
    )
    draft = models.BooleanField(pgettext_lazy("booklet", "draft"), default=False)
    with_pdf = models.BooleanField(_("with PDF"), default=False)
    status = models.CharField(
        pgettext_lazy("symposium", "status"),
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
    )
    stage = models.CharField(_("stage"), max_length=20, blank=True)
    papers_done = models.PositiveIntegerField(_("papers laid out"), default=0)
    papers_total = models.PositiveIntegerField(_("papers"), default=0)
    docx_path = models.CharField(max_length=255, blank=True)
    pdf_path = models.CharField(max_length=255, blank=True)
    pages = models.PositiveIntegerField(pgettext_lazy("page count", "pages"), null=True, blank=True)
    page_numbers_method = models.CharField(_("page numbers from"), max_length=20, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    error = models.TextField(_("error"), blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("symposium", "requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(
        pgettext_lazy("symposium", "finished at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("booklet export")
        verbose_name_plural = _("booklet exports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        kind = _("draft booklet") if self.draft else _("booklet")
        return f"{kind} {self.symposium_id} ({self.get_status_display()})"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        """A rough share of the work done: laying out the papers, then the page numbers."""
        if self.status == self.Status.DONE:
            return 100
        if self.stage == "build" and self.papers_total:
            return int(80 * self.papers_done / self.papers_total)
        if self.stage in ("render", "estimate"):
            return 85
        return 0

    def page_numbers_note(self):
        """How the contents' page numbers were found; an estimate made while LibreOffice is
        installed means it failed (the service always tries it first)."""
        from ..printing import libreoffice_available, page_numbers_note

        fallback = "libreoffice-failed" if libreoffice_available() else "no-libreoffice"
        return page_numbers_note(self.page_numbers_method, fallback, self.detail)
