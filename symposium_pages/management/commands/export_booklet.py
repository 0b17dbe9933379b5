"""Write the booklet of a symposium (.docx, and .pdf where LibreOffice is installed)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from symposium_pages.management.lookups import find_symposium
from symposium_pages.printing import build_booklet, page_numbers_note

METHODS = ("auto", "estimate", "libreoffice")


class Command(BaseCommand):
    help = _(
        "Write the booklet of a symposium: cover, contents, the keynote, the approved papers "
        "in programme order and the closing summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("-o", "--output", required=True, metavar="FILE.docx")
        parser.add_argument(
            "--draft",
            action="store_true",
            help=_("include papers not yet approved; every page is marked as a draft"),
        )
        parser.add_argument(
            "--pdf",
            action="store_true",
            help=_("also write the PDF (FILE.pdf) rendered by LibreOffice"),
        )
        parser.add_argument(
            "--method",
            choices=METHODS,
            default="auto",
            help=_(
                "how the contents' page numbers are found (default: LibreOffice when installed)"
            ),
        )

    def handle(self, *args, symposium, output, draft, pdf, method, **options):
        plan = find_symposium(symposium)
        path = Path(output)
        if path.suffix.lower() != ".docx":
            raise CommandError(_("The output file must end in .docx: %(name)s") % {"name": output})
        if pdf and method == "estimate":
            raise CommandError(
                _("A PDF needs LibreOffice; --pdf cannot go with --method estimate.")
            )
        result = build_booklet(plan.specific, draft=draft, use_libreoffice=method != "estimate")
        if method == "libreoffice" and result.method != "libreoffice":
            raise CommandError(
                _("LibreOffice could not lay out the booklet: %(detail)s")
                % {"detail": result.detail}
            )
        try:
            path.write_bytes(result.docx)
        except OSError as problem:
            raise CommandError(
                _("The file cannot be written: %(name)s") % {"name": output}
            ) from problem
        kind = _("Draft booklet") if draft else _("Booklet")
        self.stdout.write(
            _("%(kind)s: %(papers)s papers, %(pages)s pages → %(file)s")
            % {"kind": kind, "papers": len(result.papers), "pages": result.pages, "file": path}
        )
        self.stdout.write(page_numbers_note(result.method, result.fallback, result.detail))
        if pdf:
            if result.pdf is None:
                raise CommandError(
                    _("No PDF: LibreOffice is not installed or failed (%(detail)s).")
                    % {"detail": result.detail}
                )
            pdf_path = path.with_suffix(".pdf")
            pdf_path.write_bytes(result.pdf)
            self.stdout.write(_("PDF → %(file)s") % {"file": pdf_path})
