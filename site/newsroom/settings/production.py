"""Production settings: nothing insecure by default, everything from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production settings.")
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is not set: production refuses to start without one.")

# Compressed, content-hashed static files served by whitenoise.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Slow work (LibreOffice's page counts, large booklets, CDN purges) waits for
# `manage.py db_worker` (which `make serve` starts), never in a reader's or editor's request.
TASKS = task_settings(os.environ, default="database")  # noqa: F405

# HTTPS is on by default. A local demo over plain http sets HTTPS=0.
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if HTTPS and not SECURE_HSTS_PRELOAD:
    # Preloading is the domain owner's decision (it binds every subdomain to https for
    # good); SECURE_HSTS_PRELOAD=1 opts in. Everything else `check --deploy` asks for is on.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
if BEHIND_PROXY:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Workflow e-mails over SMTP when EMAIL_HOST is set; EMAIL_BACKEND may still name another.
if os.environ.get("EMAIL_HOST"):  # noqa: F405
    EMAIL_BACKEND = os.environ.get(  # noqa: F405
        "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
    )
    EMAIL_HOST = os.environ["EMAIL_HOST"]  # noqa: F405
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")  # noqa: F405
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")  # noqa: F405
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
