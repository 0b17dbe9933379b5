"""Settings shared by every environment of the host news site.

Anything that differs between machines is read from the environment, so the
same code runs on a laptop, in CI and behind a load balancer.
"""

import os
from pathlib import Path

import dj_database_url
import django

from .content_security import csp_settings
from .env import env_bool, env_languages, env_list
from .services import (
    cache_settings,
    frontend_cache_settings,
    media_storage,
    page_cache_dir,
    postgres_settings,
    sqlite_options,
    task_settings,
)

SITE_DIR = Path(__file__).resolve().parent.parent.parent
BASE_DIR = SITE_DIR.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "login_limit",
    "symposium_pages",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
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
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

# Content-Security-Policy on every response; the admin's is looser (content_security.py).
SECURE_CSP, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN, CSP_MIDDLEWARE = csp_settings(
    os.environ, django.VERSION
)
# Editors' pictures are not fetched from Gravatar: no e-mail hash leaves the site, and the
# admin's policy needs no third-party image host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    CSP_MIDDLEWARE,
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' public pages straight from the shared cache, before sessions,
    # auth and locale (symposium_pages/pagecache.py).
    "symposium_pages.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL: none for Vietnamese, /en/ for English, /jra/…
    "symposium_pages.locale_middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "login_limit.middleware.LoginRateLimitMiddleware",
    "newsroom.middleware.PublicPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A refused delete (a kept original or receipt) is a message, not a 500.
    "symposium_pages.protection.ProtectedDeleteMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers share the file: wait for the lock instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update(sqlite_options(os.environ))
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's psycopg pool per worker, its threads sharing it (services.postgres_settings).
    DATABASES["default"] = postgres_settings(os.environ, DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second. Each language is named in its own language, as the
# language switcher shows it. More content languages (Jrai, Bahnar, which Django does
# not know) are added here or through EXTRA_LANGUAGES="jra:Jrai,bdq:Bahnar"; their pages
# are served under /jra/, /bdq/ with the Vietnamese interface.
LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    *env_languages("EXTRA_LANGUAGES"),
]
# The host's own catalogue first; then Vietnamese for the admin strings Wagtail's and
# wagtail-localize's catalogues leave untranslated (site/locale_wagtail/README.md). A
# LOCALE_PATHS catalogue wins over every app's, so that one holds only their gaps.
LOCALE_PATHS = [BASE_DIR / "locale", SITE_DIR / "locale_wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation starts as a draft, whatever the Vietnamese page's state: readers see it
# once an editor has translated it and published it through moderation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The admin's own interface exists in the languages we keep catalogues for.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Wagtail's sign-in form with its password field labelled in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "newsroom.login_form.NewsroomLoginForm"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    # S3-compatible object storage when AWS_STORAGE_BUCKET_NAME (or S3_BUCKET) is set.
    "default": media_storage(os.environ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editors with many inline items exceed Django's default of 1000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Báo Gia Lai điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# On PostgreSQL the "simple" text-search configuration: no English stop words or stemming,
# which would drop Vietnamese syllables such as "to", "an" or "do" once their marks are
# folded. SQLite ignores it. Marks are folded in Python before the text reaches either
# database (symposium_pages.models.search_text), so both find the same pages.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
WAGTAILDOCS_EXTENSIONS = ["docx", "pdf", "odt", "xlsx", "csv", "txt", "zip"]

SYMPOSIUM_PARENT_PAGE_TYPES = ["home.HomePage", "news.NewsIndexPage"]

# Documents are served through Wagtail's view, which checks the collection's view
# restrictions (the originals of papers are private); never straight from storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Renditions of the pictures of papers not yet released are kept out of the public images/
# folder and served through the add-on's checked view (symposium_pages/urls.py).
WAGTAILIMAGES_RENDITION_STORAGE = "symposium_pages.picture_storage.RenditionStorage"

# Workflow: a revision saved while a paper is in the workflow (by anyone, or by a new
# upload) must be vetted and approved again before it can go out.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Workflow notifications (submitted, approved, changes requested) go by e-mail; in
# development they are printed on the console. Production reads SMTP from the
# environment (see production.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "toasoan@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # One line per background task is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
    },
}

# -- Scale-out: every app server shares the cache, the queue and the CDN ---------------
# See services.py and the README's "Running in production".
# "pages": the public pages' cache, shared by every worker (files on one machine, Redis).
CACHES = cache_settings(os.environ, page_cache_dir(DATABASES["default"], BASE_DIR))
SYMPOSIUM_PAGE_CACHE_ALIAS = "pages"
SYMPOSIUM_PAGE_CACHE_SECONDS = int(os.environ.get("SYMPOSIUM_PAGE_CACHE_SECONDS", "300"))
SYMPOSIUM_PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
SYMPOSIUM_PAGE_CACHE_STALE_WHILE_REVALIDATE = int(
    os.environ.get("PAGE_STALE_WHILE_REVALIDATE", "600")
)
# Parts of public pages kept per public version in each worker's default cache (0: off).
SYMPOSIUM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("SYMPOSIUM_FRAGMENT_CACHE_SECONDS", "3600"))
# The host's own public pages are cached the same way (PAGE_CACHE_HOST_PAGES=0 leaves them out).
SYMPOSIUM_PAGE_CACHE_EXTRA_PAGE_TYPES = (
    ["home.HomePage", "news.NewsIndexPage", "news.NewsArticlePage"]
    if env_bool("PAGE_CACHE_HOST_PAGES", True)
    else []
)
TASKS = task_settings(os.environ)
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
WAGTAILFRONTENDCACHE = frontend_cache_settings(os.environ)
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
# Seconds a CDN may keep a public page (Cache-Control: s-maxage) when it is purged on publish.
FRONTEND_CACHE_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "600"))
# The same for the pages the page cache serves (they set their own Cache-Control).
SYMPOSIUM_PAGE_CACHE_S_MAXAGE = FRONTEND_CACHE_MAX_AGE if WAGTAILFRONTENDCACHE else None

# Failed logins (Wagtail admin and Django) before HTTP 429: per username at an address,
# and per address whatever the usernames (one newsroom behind one address makes far fewer
# typing mistakes in a window). Counted in the database, which every worker shares.
LOGIN_RATE_LIMIT_ATTEMPTS = int(os.environ.get("LOGIN_RATE_LIMIT_ATTEMPTS", "10"))
LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS = int(
    os.environ.get("LOGIN_RATE_LIMIT_ADDRESS_ATTEMPTS", str(2 * LOGIN_RATE_LIMIT_ATTEMPTS))
)
LOGIN_RATE_LIMIT_WINDOW = int(os.environ.get("LOGIN_RATE_LIMIT_WINDOW", str(15 * 60)))
# A TLS proxy in front: its X-Forwarded-Proto and the last X-Forwarded-For hop are trusted.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
