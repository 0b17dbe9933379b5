"""Receive a paper from the shell, through the same service as the admin."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from symposium_pages import conf
from symposium_pages.intake.check import METHODS
from symposium_pages.management.lookups import find_symposium, find_unit
from symposium_pages.receiving import PaperRefused, receive_paper


class Command(BaseCommand):
    help = _("Receive a .docx paper for a unit of a symposium (a draft paper page).")

    def add_arguments(self, parser):
        parser.add_argument("symposium", metavar="SYMPOSIUM", help=_("slug or id of the symposium"))
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--unit", required=True, help=_("name, short name or id of the unit"))
        parser.add_argument("--presenter", default="", help=_("the leader who presents it"))
        parser.add_argument("--position", default="", help=_("the presenter's position"))
        parser.add_argument("--method", choices=METHODS, default="auto")

    def handle(self, *args, symposium, file, unit, presenter, position, method, **options):
        plan = find_symposium(symposium)
        member = find_unit(unit)
        path = Path(file)
        max_bytes = int(conf.get("SYMPOSIUM_MAX_UPLOAD_MB") * 1024 * 1024)
        try:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except OSError as problem:
            raise CommandError(_("The file cannot be read: %(name)s") % {"name": file}) from problem
        try:
            receipt = receive_paper(
                plan,
                data=data,
                filename=path.name,
                unit=member,
                presenter_name=presenter,
                presenter_position=position,
                method=method,
            )
        except PaperRefused as refusal:
            for message in refusal.result.errors:
                self.stderr.write(str(message))
            raise SystemExit(1) from None
        paper = receipt.paper
        headline = _("New paper") if receipt.created_paper else _("New revision of the paper")
        self.stdout.write(f"{headline}: {paper.title} (id {paper.pk})")
        self.stdout.write(
            _("%(pages)s pages (%(method)s), %(words)s words; original kept as document %(doc)s")
            % {
                "pages": receipt.result.pages,
                "method": receipt.result.page_count_method_label,
                "words": receipt.result.words,
                "doc": receipt.submission.document_id,
            }
        )
        for warning in receipt.warnings:
            self.stdout.write(f"! {warning}")
