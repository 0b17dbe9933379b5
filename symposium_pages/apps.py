from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SymposiumPagesConfig(AppConfig):
    name = "symposium_pages"
    label = "symposium_pages"
    verbose_name = _("Symposia")
    default_auto_field = "django.db.models.BigAutoField"
