"""Write the settlement of a symposium's budget (.docx), from the Office's record."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from symposium_pages.documents.settlement import build_settlement
from symposium_pages.formatting import vnd
from symposium_pages.management.commands.export_report import iso_date
from symposium_pages.management.lookups import find_symposium
from symposium_pages.settlement import settlement_data


class Command(BaseCommand):
    help = _(
        "Write the settlement of a symposium's budget (estimate and actual per line, totals in "
        "words, supporting documents), with the Office's header."
    )

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("-o", "--output", required=True, metavar="FILE.docx")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help=_("the date of the document (default: today)")
        )

    def handle(self, *args, symposium, output, date, **options):
        from symposium_pages.models import SymposiumBudget

        plan = find_symposium(symposium)
        path = Path(output)
        if path.suffix.lower() != ".docx":
            raise CommandError(_("The output file must end in .docx: %(name)s") % {"name": output})
        budget = SymposiumBudget.for_symposium(plan.specific)
        data = settlement_data(budget, date=iso_date(date) if date else None)
        try:
            path.write_bytes(build_settlement(data))
        except OSError as problem:
            raise CommandError(
                _("The file cannot be written: %(name)s") % {"name": output}
            ) from problem
        if data.settled:
            message = _(
                "Settlement → %(file)s: %(lines)s lines, estimate %(estimate)s, settled %(actual)s."
            )
        else:
            message = _(
                "Settlement → %(file)s: %(lines)s lines, estimate %(estimate)s, actual so far "
                "%(actual)s. The budget is not settled yet: the document says so."
            )
        self.stdout.write(
            message
            % {
                "file": path,
                "lines": len(data.lines),
                "estimate": vnd(data.estimate_total),
                "actual": vnd(data.actual_total),
            }
        )
