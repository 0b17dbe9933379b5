"""Import units (đơn vị) from a CSV file: all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from symposium_pages.units_import import MAX_BYTES, UnitImportError, import_units


class Command(BaseCommand):
    help = _(
        "Create or update units from a CSV file with the columns "
        "name,short_name,category,email,phone (and optionally parent, position)."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", metavar="CSV", help=_("the CSV file, in UTF-8"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("check the file and report what would change, without saving"),
        )

    def handle(self, *args, csv, dry_run, **options):
        path = Path(csv)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as problem:
            raise CommandError(
                _("The file cannot be read: %(name)s (%(reason)s)")
                % {"name": csv, "reason": problem.strerror or problem}
            ) from None
        if len(data) > MAX_BYTES:
            raise CommandError(
                _("The file is larger than %(size)d MB; a list of units is far smaller.")
                % {"size": MAX_BYTES // (1024 * 1024)}
            )
        try:
            result = import_units(data, dry_run=dry_run)
        except UnitImportError as failure:
            for error in failure.errors:
                self.stderr.write(str(error))
            raise CommandError(
                ngettext(
                    "Nothing was imported: the file has %(count)d error.",
                    "Nothing was imported: the file has %(count)d errors.",
                    len(failure.errors),
                )
                % {"count": len(failure.errors)}
            ) from None
        if dry_run:
            self.stdout.write(_("Dry run, nothing saved."))
        self.stdout.write(result.summary())
