"""Vetting papers by the plan's criteria: the criteria, the task that applies them, the record.

The criteria belong to a symposium, as data (its plan names them), not code:
an ordinary foreign key, not a ParentalKey, so that editing them is not a
revision of the plan that moderation would have to approve again.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_lazy as wagtail_gettext  # not extracted: Wagtail's
from django.utils.translation import pgettext_lazy
from wagtail.models import GroupApprovalTask, Orderable


class VettingCriterion(Orderable):
    """A criterion a paper must meet, or a part of the structure it is expected to have."""

    class Kind(models.TextChoices):
        CRITERION = "criterion", pgettext_lazy("vetting", "Criterion")
        PART = "part", pgettext_lazy("vetting", "Part of the structure")

    symposium = models.ForeignKey(
        "symposium_pages.SymposiumPage",
        verbose_name=_("symposium"),
        on_delete=models.CASCADE,
        related_name="vetting_criteria",
    )
    kind = models.CharField(
        pgettext_lazy("vetting", "kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.CRITERION,
    )
    label = models.CharField(pgettext_lazy("vetting", "criterion"), max_length=255)
    guidance = models.TextField(
        pgettext_lazy("vetting", "guidance"),
        blank=True,
        help_text=_("What the reviewer looks for, in the plan's words."),
    )
    keywords = models.CharField(
        pgettext_lazy("vetting", "keywords"),
        max_length=500,
        blank=True,
        help_text=_(
            "Words, separated by commas, that the intake looks for in the paper's headings "
            "and opening sentences to tell whether the part is there."
        ),
    )

    class Meta(Orderable.Meta):
        verbose_name = pgettext_lazy("vetting", "vetting criterion")
        verbose_name_plural = pgettext_lazy("vetting", "vetting criteria")

    def __str__(self):
        return self.label

    def save(self, *args, **kwargs):
        if self.sort_order is None:  # one added in the admin goes last
            last = VettingCriterion.objects.filter(symposium_id=self.symposium_id).aggregate(
                last=models.Max("sort_order")
            )["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    def keyword_list(self):
        """The keywords, trimmed, without empty ones."""
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class VettingTask(GroupApprovalTask):
    """Content vetting: a group approval whose approve and request-changes take the criteria.

    A concrete child of GroupApprovalTask, so that an installed vetting task is
    promoted in place (same task, same groups, same place in the workflow and the
    same task states in progress) rather than replaced.
    """

    class Meta:
        verbose_name = _("vetting by the plan's criteria")
        verbose_name_plural = _("vettings by the plan's criteria")

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", wagtail_gettext("Request changes"), True),
                ("approve", pgettext_lazy("vetting", "Approve by the criteria"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from ..vetting import form_for_action

        return form_for_action(self, action)

    def get_template_for_action(self, action):
        return "symposium_pages/vetting/action_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        from ..vetting import record_judgement

        # Approves or rejects the task state itself (the base class would pass the
        # form's fields on to TaskState.approve, which takes only a comment).
        record_judgement(task_state, user, action_name, kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups judge the paper by its symposium's criteria "
            "before they approve it or request changes."
        )


class PaperVetting(models.Model):
    """One judgement of a paper: the revision judged, by whom, when, and each criterion's result.

    `results` keeps, for each criterion and part, its label as it was then, the
    result and the note: a criterion edited or removed later leaves the record whole.
    """

    class Action(models.TextChoices):
        APPROVED = "approved", pgettext_lazy("vetting", "Approved")
        CHANGES = "changes", pgettext_lazy("vetting", "Changes requested")

    symposium = models.ForeignKey(
        "symposium_pages.SymposiumPage",
        verbose_name=_("symposium"),
        on_delete=models.CASCADE,
        related_name="vettings",
    )
    paper = models.ForeignKey(
        "symposium_pages.PaperPage",
        verbose_name=_("paper"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="vettings",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=pgettext_lazy("symposium", "revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("vetting", "reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    judged_at = models.DateTimeField(pgettext_lazy("vetting", "judged at"), default=timezone.now)
    action = models.CharField(
        pgettext_lazy("vetting", "decision"), max_length=20, choices=Action.choices
    )
    override_reason = models.TextField(pgettext_lazy("vetting", "reason for approving"), blank=True)
    unit_comment = models.TextField(pgettext_lazy("vetting", "comment for the unit"), blank=True)
    internal_comment = models.TextField(pgettext_lazy("vetting", "internal comment"), blank=True)
    results = models.JSONField(pgettext_lazy("vetting", "results"), default=list, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("vetting", "vetting record")
        verbose_name_plural = pgettext_lazy("vetting", "vetting records")
        ordering = ["judged_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.judged_at:%d/%m/%Y %H:%M})"

    def unmet(self, kind=None):
        """The results not met, in order (of one kind if given)."""
        return [
            result
            for result in self.results
            if not result.get("met") and (kind is None or result.get("kind") == kind)
        ]
