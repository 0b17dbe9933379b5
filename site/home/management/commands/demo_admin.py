import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create (or reset) the demo's superuser with a new random password and print it once; "
        "with --staff, also give the demo's newsroom staff (one per editorial group) new "
        "random passwords."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--staff",
            action="store_true",
            help="also reset the passwords of the demo's editor, reviewer, moderator and office",
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
        self.stdout.write("  Admin login (printed once, a new password each run):")
        self.stdout.write("    URL:      http://127.0.0.1:8000/admin/")
        self.stdout.write(f"    Username: {username}")
        self.stdout.write(f"    Password: {password}")
        self.stdout.write("")
        if staff:
            self._reset_staff(User)

    def _reset_staff(self, User):
        from home.demo.people import PEOPLE

        self.stdout.write("  Newsroom staff (printed once, a new password each run):")
        for username, _first, _last, group in PEOPLE:
            person = User.objects.filter(username=username).first()
            if person is None:
                self.stdout.write(f"    {username}: not found (run load_demo first)")
                continue
            password = secrets.token_urlsafe(12)
            person.set_password(password)
            person.save(update_fields=["password"])
            self.stdout.write(f"    {group:<14} {username:<10} {password}")
        self.stdout.write("")
