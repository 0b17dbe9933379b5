"""What follows a unit's desk after its link: the unit's questions and the reminders
it was sent.

A question keeps its latest answer here; every answer given, including each one
later replaced, stays on the invitation's history (desk/history.py). A reminder's
row is its proof of sending: the database refuses a second row for the same
invitation and the same number of days before the deadline, so two runs of
`send_reminders`, even at once, send each reminder once.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

MAX_REMINDER_DAYS = 60


def reminder_days(text):
    """The days before the deadline in "7,2", largest first; ValueError when unreadable."""
    days = {int(part) for part in (text or "").replace(" ", "").split(",") if part}
    if any(day < 0 or day > MAX_REMINDER_DAYS for day in days):
        raise ValueError(text)
    return sorted(days, reverse=True)


def validate_reminder_days(text):
    try:
        reminder_days(text)
    except ValueError:
        raise ValidationError(
            _(
                "Write whole numbers of days from 0 to %(most)s, separated by commas, "
                "for example 7,2; leave empty for no reminders."
            ),
            params={"most": MAX_REMINDER_DAYS},
        ) from None


class DeskQuestion(models.Model):
    invitation = models.ForeignKey(
        "symposium_pages.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="desk_questions",
    )
    text = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked at"), default=timezone.now)
    address = models.CharField(_("sent from"), max_length=45, blank=True)
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("Shown on the unit's desk and e-mailed to the unit.")
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("question from a unit")
        verbose_name_plural = _("questions from units")
        ordering = ["-asked_at", "-pk"]

    def __str__(self):
        return f"{self.invitation.unit}: {Truncator(self.text).words(12)}"

    @property
    def is_open(self):
        return not self.answer

    def unit_name(self):
        return self.invitation.unit.name

    unit_name.short_description = _("unit")


class DeskReminder(models.Model):
    invitation = models.ForeignKey(
        "symposium_pages.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="desk_reminders",
    )
    days_before = models.PositiveSmallIntegerField(
        _("days before the deadline"),
        null=True,
        blank=True,
        help_text=_("Empty for a reminder an editor sent by hand."),
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    sent_to = models.EmailField(_("sent to"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "days_before"],
                condition=models.Q(days_before__isnull=False),
                name="one_reminder_per_invitation_and_day",
            )
        ]

    def __str__(self):
        return f"{self.invitation} ({self.sent_at:%Y-%m-%d %H:%M})"
