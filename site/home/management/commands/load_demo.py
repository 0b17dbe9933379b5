from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from home.demo.build import load_demo


class Command(BaseCommand):
    help = _("Load the demo: the host news site and the Gia Lai symposium (safe to run again).")

    def handle(self, *args, **options):
        load_demo(log=lambda line: self.stdout.write(line))
        self.stdout.write(self.style.SUCCESS(_("Demo ready.")))
