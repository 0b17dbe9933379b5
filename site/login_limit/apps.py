from django.apps import AppConfig


class LoginLimitConfig(AppConfig):
    name = "login_limit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from .counts import forget_failures, record_failure

        user_login_failed.connect(record_failure, dispatch_uid="login_limit.failed")
        user_logged_in.connect(forget_failures, dispatch_uid="login_limit.logged_in")
