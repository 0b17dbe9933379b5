"""Delete what a killed process or an abandoned upload left: stored files no record refers to,
LibreOffice's scratch folders in the temp dir (and a soffice still running on one), and
exact page counts a killed worker never finished (queued again)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from symposium_pages.exact_counts import requeue_stale
from symposium_pages.intake import scratch
from symposium_pages.maintenance import delete_orphans, orphan_files


class Command(BaseCommand):
    help = _(
        "Delete stored files that no document, image or other record refers to, "
        "left by an interrupted intake or an upload never confirmed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=60,
            metavar="MINUTES",
            help=_("only files older than this many minutes (default 60)"),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("list the files, delete nothing")
        )

    def handle(self, *args, older_than, dry_run, **options):
        orphans = orphan_files(grace=datetime.timedelta(minutes=max(0, older_than)))
        for orphan in orphans:
            self.stdout.write(f"{orphan.name}\t{orphan.size}")
        if not dry_run:
            delete_orphans(orphans)
        size = sum(orphan.size for orphan in orphans)
        if dry_run:
            summary = _("%(count)s files without a record (%(size)s bytes); nothing deleted.")
        else:
            summary = _("%(count)s files without a record deleted (%(size)s bytes).")
        self.stdout.write(summary % {"count": len(orphans), "size": size})
        self.sweep_scratch(older_than, dry_run)
        if not dry_run:
            requeued = requeue_stale(datetime.timedelta(minutes=max(0, older_than)))
            if requeued:
                self.stdout.write(
                    _("%(count)s page counts left unfinished were queued again.")
                    % {"count": len(requeued)}
                )

    def sweep_scratch(self, older_than, dry_run):
        """LibreOffice's job folders in the temp dir whose job is gone (see intake/scratch.py)."""
        folders = scratch.stale(max(0, older_than) * 60)
        for item in folders:
            self.stdout.write(f"{item.path}\t{int(item.age)} s")
        if dry_run:
            summary = _(
                "%(count)s LibreOffice scratch folders left by a stopped job; none deleted."
            )
        else:
            scratch.sweep(folders)
            summary = _("%(count)s LibreOffice scratch folders left by a stopped job deleted.")
        self.stdout.write(summary % {"count": len(folders)})
