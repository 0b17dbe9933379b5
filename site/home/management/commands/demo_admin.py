import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import models
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
            "--desk",
            action="store_true",
            help=_(
                "also open the desk of one invited unit that has sent nothing (its uploads "
                "accepted for two more weeks) and print its private link"
            ),
        )
        parser.add_argument(
            "--staff",
            action="store_true",
            help=_("also reset the passwords of the demo's editor, reviewer, moderator and office"),
        )

    def handle(self, *args, username, staff=False, desk=False, **options):
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
        if desk:
            self._open_desk()

    def _open_desk(self):
        import datetime

        from django.utils import timezone

        from symposium_pages.languages import originals
        from symposium_pages.models import DeskLink, Invitation, SymposiumPage

        invitation = (
            Invitation.objects.filter(
                symposium__in=originals(SymposiumPage.objects.all()),
                expectation=Invitation.Expectation.PAPER,
                papers__isnull=True,
            )
            .exclude(unit_id=models.F("symposium__organiser_id"))
            .select_related("unit")
            .order_by("unit__position", "unit__name")
            .first()
        )
        if invitation is None:
            return
        invitation.accept_late_until = timezone.now() + datetime.timedelta(days=14)
        invitation.save(update_fields=["accept_late_until"])
        _link, token = DeskLink.issue(invitation)
        self.stdout.write(
            "  "
            + _("A unit's desk (printed once, a new link each run): %(unit)s")
            % {"unit": invitation.unit.name}
        )
        self.stdout.write(f"    http://127.0.0.1:8000/desk/{token}/")
        self.stdout.write("")

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
            name = person.groups.filter(symposium_role__key=group).values_list("name", flat=True)
            self.stdout.write(f"    {name.first() or group:<14} {username:<10} {password}")
        self.stdout.write("")
