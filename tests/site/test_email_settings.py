"""Workflow e-mails: the console in development, SMTP from the environment in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k, None) "
    "for k in ['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', "
    "'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL', "
    "'WAGTAILADMIN_NOTIFICATION_FROM_EMAIL']}))"
)


def email_settings(module, **env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("EMAIL_") and k != "DEBUG"
    }
    environment.update(DJANGO_SETTINGS_MODULE=module, SECRET_KEY="s" * 60, **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_development_prints_mail_on_the_console():
    settings = email_settings("newsroom.settings.dev")
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"


def test_production_sends_by_smtp_from_the_environment():
    settings = email_settings(
        "newsroom.settings.production",
        EMAIL_HOST="smtp.baogialai.example",
        EMAIL_PORT="465",
        EMAIL_HOST_USER="toasoan",
        EMAIL_HOST_PASSWORD="mat-khau-thu",
        EMAIL_USE_TLS="0",
        DEFAULT_FROM_EMAIL="Tòa soạn <toasoan@baogialai.example>",
    )
    assert settings == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.baogialai.example",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "toasoan",
        "EMAIL_HOST_PASSWORD": "mat-khau-thu",
        "EMAIL_USE_TLS": False,
        "DEFAULT_FROM_EMAIL": "Tòa soạn <toasoan@baogialai.example>",
        "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL": "Tòa soạn <toasoan@baogialai.example>",
    }
