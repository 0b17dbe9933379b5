"""Write the invitation letters of a symposium, one .docx per unit, each with a fresh link."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from symposium_pages.desk import letters
from symposium_pages.documents.letter import build_letters
from symposium_pages.management.lookups import find_symposium


class Command(BaseCommand):
    help = _(
        "Write the invitation letter of every unit asked for a paper (one .docx per unit). "
        "Each letter issues the unit a new desk link: the current one stops working."
    )

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("-o", "--output", required=True, metavar="DIR")

    def handle(self, *args, symposium, output, **options):
        plan = find_symposium(symposium)
        folder = Path(output)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as problem:
            raise CommandError(
                _("The folder cannot be created: %(name)s") % {"name": output}
            ) from problem
        invitations = list(letters.expecting_papers(plan))
        if not invitations:
            raise CommandError(_("No unit of this symposium is asked to send a paper."))
        written = []
        # A file that cannot be written undoes every link issued: the units keep their links.
        with transaction.atomic():
            for invitation in invitations:
                data = letters.issue_for_letter(invitation, letters.site_desk_url)
                path = folder / self._free_name(letters.letter_filename(invitation.unit), written)
                try:
                    path.write_bytes(build_letters([data]))
                except OSError as problem:
                    for done in written:
                        done.unlink(missing_ok=True)
                    raise CommandError(
                        _("The file cannot be written: %(name)s") % {"name": path}
                    ) from problem
                written.append(path)
                self.stdout.write(f"{invitation.unit.name} → {path}")
        self.stdout.write(
            _("%(count)s letters written to %(folder)s; each unit has a new link.")
            % {"count": len(written), "folder": folder}
        )

    @staticmethod
    def _free_name(name, written):
        """Two units whose names read alike without accents get -2, -3 …"""
        taken = {path.name for path in written}
        stem, suffix = name.rsplit(".", 1)
        candidate, number = name, 1
        while candidate in taken:
            number += 1
            candidate = f"{stem}-{number}.{suffix}"
        return candidate
