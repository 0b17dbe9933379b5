from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The `home` app `wagtail start` makes, under its usual label."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tests.testproject.home"
    label = "home"
