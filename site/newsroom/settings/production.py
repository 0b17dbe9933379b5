"""Production settings: nothing insecure by default, everything from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production settings.")
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY is not set: production refuses to start without one.")

# Compressed, content-hashed static files served by whitenoise.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# HTTPS is on by default. A local demo over plain http sets HTTPS=0.
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
