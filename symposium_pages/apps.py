from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SymposiumPagesConfig(AppConfig):
    name = "symposium_pages"
    label = "symposium_pages"
    verbose_name = _("Symposia")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import register
        from django.db.models.signals import post_save

        from .checks import host_settings, workflow_settings
        from .models import SymposiumPage
        from .signals import symposium_created

        register(workflow_settings)
        register(host_settings)

        post_save.connect(
            symposium_created, sender=SymposiumPage, dispatch_uid="symposium_pages.workflow"
        )

        from .release import connect_signals as connect_release_signals

        connect_release_signals()

        from .signals import connect_reading_signals

        connect_reading_signals()

        from .pagecache import check_page_cache
        from .pagecache import connect_signals as connect_page_cache_signals

        register(check_page_cache)
        connect_page_cache_signals()

        from .public import connect_signals as connect_public_signals

        connect_public_signals()
