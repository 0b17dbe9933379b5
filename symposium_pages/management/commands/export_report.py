"""Write the report on results of a symposium (.docx)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from symposium_pages.documents.report import build_report
from symposium_pages.management.lookups import find_symposium
from symposium_pages.printing import report_data


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Not a date (YYYY-MM-DD): %(value)s") % {"value": value}) from None


class Command(BaseCommand):
    help = _("Write the report on results of a symposium, with the receiving department's header.")

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("-o", "--output", required=True, metavar="FILE.docx")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help=_("the date of the report (default: today)")
        )

    def handle(self, *args, symposium, output, date, **options):
        plan = find_symposium(symposium)
        path = Path(output)
        if path.suffix.lower() != ".docx":
            raise CommandError(_("The output file must end in .docx: %(name)s") % {"name": output})
        data = report_data(plan.specific, date=iso_date(date) if date else None)
        try:
            path.write_bytes(build_report(data))
        except OSError as problem:
            raise CommandError(
                _("The file cannot be written: %(name)s") % {"name": output}
            ) from problem
        totals = data.totals
        self.stdout.write(
            _(
                "Report → %(file)s: %(invited)s units invited, %(received)s papers received "
                "(%(late)s late, %(over)s over the limit), %(missing)s units sent nothing."
            )
            % {
                "file": path,
                "invited": totals.invited,
                "received": totals.received,
                "late": totals.late,
                "over": totals.over_limit,
                "missing": len(data.missing),
            }
        )
