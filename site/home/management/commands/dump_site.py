from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt on the restoring side by `update_index`; sessions are not kept.
EXCLUDED = ["sessions", "wagtailsearch"]
FORMAT = "site-json"


class Command(BaseCommand):
    help = (
        "Write the site's data as JSON that `loaddata` restores into a new, migrated and "
        "flushed database: dumpdata --natural-foreign (content types and permissions by name, "
        "without sessions and the search index), keeping the history of deleted pages and "
        "users. "
        "Media files are copied separately."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="file to write (.json; .json.gz, .json.bz2, .json.xz are compressed)",
        )
        parser.add_argument("--indent", type=int, default=None)
        parser.add_argument(
            "--database", default="default", help="the database to dump (default: default)"
        )

    def handle(self, *args, output, indent, database, **options):
        serializers.register_serializer(FORMAT, "home.backup")
        call_command(
            "dumpdata",
            format=FORMAT,
            natural_foreign=True,
            exclude=EXCLUDED,
            output=output,
            indent=indent,
            database=database,
            verbosity=0,
            stdout=self.stdout,
            stderr=self.stderr,
        )
