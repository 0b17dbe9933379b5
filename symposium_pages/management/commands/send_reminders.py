"""Reminders due today, for cron: `manage.py send_reminders [SYMPOSIUM] [--dry-run]`.

Run it as often as you like: each reminder (invitation, days before the deadline)
is sent once, even by two runs at the same moment (desk/reminders.py).
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from symposium_pages.desk import reminders
from symposium_pages.management.lookups import find_symposium


class Command(BaseCommand):
    help = _(
        "E-mail the reminders due today to units that have sent no paper, each once, "
        "and print what was sent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "symposium", nargs="?", metavar="SYMPOSIUM", help=_("slug or id of the symposium")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("print what is due, send nothing")
        )

    def handle(self, *args, symposium=None, dry_run=False, **options):
        plan = find_symposium(symposium) if symposium else None
        done = reminders.send_due(plan, dry_run=dry_run)
        labels = {
            reminders.SENT: _("sent"),
            reminders.DRY_RUN: _("due (dry run, not sent)"),
            reminders.NO_ADDRESS: _("not sent: the unit has no contact e-mail"),
            reminders.ALREADY_SENT: _("already sent by another run"),
        }
        for item, outcome in done:
            invitation = item.invitation
            self.stdout.write(
                _("%(unit)s <%(email)s>, %(days)s days before %(deadline)s: %(outcome)s")
                % {
                    "unit": invitation.unit.name,
                    "email": invitation.unit.email or "—",
                    "days": item.days_before,
                    "deadline": invitation.symposium.submission_deadline.strftime("%d/%m/%Y"),
                    "outcome": labels[outcome],
                }
            )
        sent = sum(outcome == reminders.SENT for _item, outcome in done)
        self.stdout.write(_("%(count)d reminder(s) sent.") % {"count": sent})
        if any(outcome == reminders.NO_ADDRESS for _item, outcome in done):
            self.stderr.write(_("Some units have no contact e-mail: add one in the admin."))
