from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The host's own articles, as a site built on Wagtail's tutorial has them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tests.testproject.blog"
    label = "blog"
