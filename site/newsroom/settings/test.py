"""Settings for the test suite: fast hashing, files in a temporary folder."""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
# pytest-django makes and swaps test databases: one connection, no pool (gunicorn in
# tests/reliability runs the production settings, with the pool).
os.environ.setdefault("DB_POOL", "0")

from .base import *  # noqa: E402,F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="symposium-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="symposium-test-static-")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Host tests see every change at once; tests/symposium_pages and tests/reliability test the cache.
SYMPOSIUM_PAGE_CACHE_SECONDS = 0
