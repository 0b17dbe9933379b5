"""A minimal Wagtail site for the add-on's own tests: what `wagtail start` makes, plus what
the add-on's install document adds. No module of the demo host (home, news, newsroom,
search) is imported; `make test` runs tests/symposium_pages, tests/intake and
tests/documents with these settings (`--ds tests.testproject.settings`)."""

import os
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "tests.testproject.home",
    "tests.testproject.blog",
    # The add-on and what it needs.
    "symposium_pages",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "django_tasks",
    # As `wagtail start` makes it.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "symposium_pages.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "symposium_pages.locale_middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A refused delete (a kept original or receipt) is a message, not a 500.
    "symposium_pages.protection.ProtectedDeleteMiddleware",
]

ROOT_URLCONF = "tests.testproject.urls"
# The page cache sits on Django's default per-process cache here on purpose
# (test_page_cache.py checks it stays off and that W012 says so); commands run in a
# subprocess by the tests would otherwise print that warning.
SILENCED_SYSTEM_CHECKS = ["symposium_pages.W012"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL.startswith("sqlite:///"):  # a command run as a real process on a file
    DATABASES["default"]["NAME"] = DATABASE_URL.removeprefix("sqlite:///")
elif DATABASE_URL:  # CI's PostgreSQL run (scripts/with-postgres.sh)
    import dj_database_url

    DATABASES["default"] = dj_database_url.parse(DATABASE_URL)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# A Vietnamese site with English translations (the install document's multi-language case).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = tempfile.mkdtemp(prefix="symposium-testproject-static-")
MEDIA_URL = "/media/"
MEDIA_ROOT = tempfile.mkdtemp(prefix="symposium-testproject-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Báo Gia Lai điện tử"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

# What the add-on's install document asks for.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_RENDITION_STORAGE = "symposium_pages.picture_storage.RenditionStorage"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": []}}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {"version": 1, "disable_existing_loggers": False}
