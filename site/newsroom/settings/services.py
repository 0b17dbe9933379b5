"""The services a scaled-out site plugs in, each read from the environment.

Every function takes the environment as a mapping and returns plain settings, so
the same rules are used by the settings modules and checked by the tests. With
none of these variables set, the site runs on one machine: local-memory cache,
media on disk, tasks run inline, no CDN.
"""

from importlib.util import find_spec

from django.core.exceptions import ImproperlyConfigured


def _get(env, name, default=""):
    value = env.get(name)
    return default if value is None or value.strip() == "" else value.strip()


def _bool(env, name, default=False):
    value = _get(env, name)
    return default if not value else value.lower() in {"1", "true", "yes", "on"}


def _list(env, name):
    return [item.strip() for item in _get(env, name).split(",") if item.strip()]


def cache_settings(env, page_cache_dir=None):
    """Redis when REDIS_URL is set (shared by every app server), else local memory.

    "pages", the add-on's page cache, must be shared by every worker: Redis too when it is
    set, else files in `page_cache_dir` (PAGE_CACHE_DIR), which every gunicorn worker of
    the machine reads with no service to run. Files rather than the database cache: a
    stored plan page is read in 0.29 ms from files against 1.28 ms from SQLite's cache
    table (pickled, base64, two lookups), and no `createcachetable` is needed.
    """
    url = _get(env, "REDIS_URL")
    timeout = int(_get(env, "CACHE_TIMEOUT", "300"))
    if url:
        redis = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": _get(env, "CACHE_KEY_PREFIX", "newsroom"),
            "TIMEOUT": timeout,
        }
        return {"default": redis, "pages": dict(redis)}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
            "TIMEOUT": timeout,
            # It holds the parts of public pages (symposium_pages.fragments): a few per page
            # and language, a few KB each; Django's 300 would cull a busy site's every minute.
            "OPTIONS": {"MAX_ENTRIES": int(_get(env, "FRAGMENT_CACHE_MAX_ENTRIES", "3000"))},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": _get(env, "PAGE_CACHE_DIR") or str(page_cache_dir or "page-cache"),
            "TIMEOUT": timeout,
            # One entry per page and language; old versions wait for their expiry.
            "OPTIONS": {"MAX_ENTRIES": int(_get(env, "PAGE_CACHE_MAX_ENTRIES", "5000"))},
        },
    }


def page_cache_dir(database, base_dir):
    """The page cache's folder, one per database: beside a SQLite file, else under base_dir."""
    import hashlib
    from pathlib import Path

    name = str(database.get("NAME") or "")
    if database.get("ENGINE", "").endswith("sqlite3") and name and name != ":memory:":
        return Path(name).parent / "page-cache"
    identity = f"{database.get('HOST', '')}:{database.get('PORT', '')}/{name}"
    return Path(base_dir) / "page-cache" / hashlib.sha256(identity.encode()).hexdigest()[:12]


FRONTEND_CACHE_BACKENDS = {
    "http": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
    "varnish": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
    "cloudflare": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
    "cloudfront": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
}


def frontend_cache_settings(env):
    """Wagtail's WAGTAILFRONTENDCACHE for the CDN or caching proxy in front, or None.

    FRONTEND_CACHE_BACKEND names the kind (http/varnish, cloudflare, cloudfront); it
    defaults to cloudflare when CLOUDFLARE_ZONE_ID is set and to http when
    FRONTEND_CACHE_URL is set. Published and unpublished pages are then purged.
    """
    kind = _get(env, "FRONTEND_CACHE_BACKEND").lower()
    if not kind:
        if _get(env, "CLOUDFLARE_ZONE_ID"):
            kind = "cloudflare"
        elif _get(env, "FRONTEND_CACHE_URL"):
            kind = "http"
        else:
            return None
    if kind not in FRONTEND_CACHE_BACKENDS:
        raise ValueError(
            f"FRONTEND_CACHE_BACKEND={kind!r}: use one of {', '.join(FRONTEND_CACHE_BACKENDS)}."
        )
    backend = {"BACKEND": FRONTEND_CACHE_BACKENDS[kind]}
    if kind in {"http", "varnish"}:
        location = _get(env, "FRONTEND_CACHE_URL")
        if not location:
            raise ValueError("FRONTEND_CACHE_URL is needed for an http/varnish frontend cache.")
        backend["LOCATION"] = location
    elif kind == "cloudflare":
        backend["ZONEID"] = _get(env, "CLOUDFLARE_ZONE_ID")
        if _get(env, "CLOUDFLARE_API_TOKEN"):
            backend["BEARER_TOKEN"] = _get(env, "CLOUDFLARE_API_TOKEN")
        else:
            backend["EMAIL"] = _get(env, "CLOUDFLARE_EMAIL")
            backend["API_KEY"] = _get(env, "CLOUDFLARE_API_KEY")
    else:
        backend["DISTRIBUTION_ID"] = _get(env, "CLOUDFRONT_DISTRIBUTION_ID")
    hostnames = _list(env, "FRONTEND_CACHE_HOSTNAMES")
    if hostnames:
        backend["HOSTNAMES"] = hostnames
    return {"default": backend}


def media_storage(env):
    """The default (media) storage: S3-compatible when a bucket is named, else the disk.

    Needs the s3 dependency group: pip install --group s3 (django-storages, boto3).
    Files stay private (signed URLs); documents are still served through Wagtail's view.
    """
    bucket = _get(env, "AWS_STORAGE_BUCKET_NAME") or _get(env, "S3_BUCKET")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if find_spec("storages") is None:
        raise ImproperlyConfigured(
            "AWS_STORAGE_BUCKET_NAME/S3_BUCKET is set but django-storages is not installed: "
            "pip install --group s3 (in the repository)."
        )
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
        ("access_key", "AWS_ACCESS_KEY_ID"),
        ("secret_key", "AWS_SECRET_ACCESS_KEY"),
    ]:
        if _get(env, name):
            options[option] = _get(env, name)
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def task_settings(env, default="immediate"):
    """django_tasks: inline (development, tests) or queued in the database for `db_worker`."""
    kind = _get(env, "TASKS_BACKEND", default).lower()
    backends = {
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        "database": "django_tasks_db.DatabaseBackend",
        "dummy": "django_tasks.backends.dummy.DummyBackend",
    }
    if kind not in backends:
        raise ValueError(f"TASKS_BACKEND={kind!r}: use one of {', '.join(backends)}.")
    return {"default": {"BACKEND": backends[kind], "QUEUES": []}}


def sqlite_options(env):
    """SQLite shared by several worker processes: wait for the lock, take it up front.

    BEGIN IMMEDIATE avoids the deadlock of two readers upgrading to writers at once
    ("database is locked"); the write-ahead log lets readers go on during a write.
    """
    options = {
        "timeout": int(_get(env, "SQLITE_TIMEOUT", "20")),
        "transaction_mode": "IMMEDIATE",
    }
    if _bool(env, "SQLITE_WAL", True):
        options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    return options


def postgres_settings(env, database):
    """PostgreSQL through Django's own psycopg connection pool (Django 5.1+), when
    psycopg_pool is installed and DB_POOL is not 0.

    Each gunicorn worker keeps a pool of connections its threads take and give back per
    request: no connection opened or health-checked per request (persistent connections
    with CONN_HEALTH_CHECKS send a round trip before each request's first query), and
    no idle connection per thread. The pool needs CONN_MAX_AGE = 0 (Django's rule).
    DB_POOL_MIN_SIZE (default: GUNICORN_THREADS, 4), DB_POOL_MAX_SIZE (default twice
    that), DB_POOL_TIMEOUT (seconds a request waits for a connection, default 10).
    """
    if not _bool(env, "DB_POOL", True) or find_spec("psycopg_pool") is None:
        return database
    threads = int(_get(env, "GUNICORN_THREADS", "4"))
    low = int(_get(env, "DB_POOL_MIN_SIZE", str(threads)))
    high = max(low, int(_get(env, "DB_POOL_MAX_SIZE", str(2 * low))))
    options = dict(database.get("OPTIONS", {}))
    options["pool"] = {
        "min_size": low,
        "max_size": high,
        "timeout": float(_get(env, "DB_POOL_TIMEOUT", "10")),
    }
    return {**database, "OPTIONS": options, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False}
