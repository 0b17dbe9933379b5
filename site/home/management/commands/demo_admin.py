import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _(
        "Create (or reset) the demo's superuser with a new random password and print it once; "
        "with --staff, also give the demo's newsroom staff (one per editorial group) new "
        "random passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help=_("the superuser's name"))
        parser.add_argument(
            "--staff",
            action="store_true",
            help=_("also reset the passwords of the demo's editor, reviewer, moderator and office"),
        )

    def handle(self, *args, username, staff=False, **options):
        User = get_user_model()
        password = secrets.token_urlsafe(12)
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@localhost"}
        )
        user.is_staff = True
        user.is_superuser = True
        user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write("")
        self.stdout.write("  " + _("Admin login (printed once, a new password each run):"))
        self.stdout.write("    " + _("Address: %(url)s") % {"url": "http://127.0.0.1:8000/admin/"})
        self.stdout.write("    " + _("Username: %(username)s") % {"username": username})
        self.stdout.write("    " + _("Password: %(password)s") % {"password": password})
        self.stdout.write("")
        if staff:
            self._reset_staff(User)

    def _reset_staff(self, User):
        from home.demo.people import PEOPLE

        self.stdout.write("  " + _("Newsroom staff (printed once, a new password each run):"))
        for username, _first, _last, group in PEOPLE:
            person = User.objects.filter(username=username).first()
            if person is None:
                self.stdout.write(
                    "    "
                    + _("%(username)s: not found (run load_demo first)") % {"username": username}
                )
                continue
            password = secrets.token_urlsafe(12)
            person.set_password(password)
            person.save(update_fields=["password"])
            self.stdout.write(f"    {group:<14} {username:<10} {password}")
        self.stdout.write("")
