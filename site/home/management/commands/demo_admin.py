import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create (or reset) the demo's superuser with a new random password and print it once."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
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
