"""LibreOffice's count of a kept original, made after the editor has had the intake's answer."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .papers import PaperSubmission


class ExactPageCount(models.Model):
    """Where the exact count of one upload stands, and what it found.

    The intake answers at once with the layout estimate (kept as
    `PaperSubmission.pages`); rendering the paper with LibreOffice takes seconds of a
    whole CPU, so it runs as a background task (`tasks.count_original_pages`) and its
    result lands here, then on the paper (`exact_counts.apply_to_paper`).
    """

    class Status(models.TextChoices):
        # No exact count is coming: LibreOffice is not installed, or an estimate was asked for.
        ESTIMATED = "estimated", pgettext_lazy("page count", "Estimated")
        COUNTING = "counting", pgettext_lazy("page count", "Being counted")
        EXACT = "exact", pgettext_lazy("page count", "Exact")
        FAILED = "failed", pgettext_lazy("page count", "Count failed")

    submission = models.OneToOneField(
        PaperSubmission,
        verbose_name=_("submission"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="exact_count",
    )
    status = models.CharField(
        pgettext_lazy("symposium", "status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ESTIMATED,
    )
    exact_pages = models.PositiveSmallIntegerField(_("exact pages"), null=True, blank=True)
    requested_at = models.DateTimeField(_("asked for at"), default=timezone.now)
    counted_at = models.DateTimeField(_("counted at"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("exact page count")
        verbose_name_plural = _("exact page counts")

    def __str__(self):
        return f"{self.submission_id}: {self.status}"
