"""Production settings pass Django's deployment checklist; the services come from the environment."""

import json
import os
import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from newsroom.settings.services import (
    cache_settings,
    frontend_cache_settings,
    media_storage,
    page_cache_dir,
    postgres_settings,
    sqlite_options,
    task_settings,
)

ROOT = Path(__file__).resolve().parents[2]
SECRET = "a-long-random-production-secret-for-the-deploy-check-0123456789"
# Variables that would change what the subprocess sees.
CLEARED = {
    "SECRET_KEY",
    "DEBUG",
    "HTTPS",
    "DATABASE_URL",
    "REDIS_URL",
    "FRONTEND_CACHE_URL",
    "FRONTEND_CACHE_BACKEND",
    "CLOUDFLARE_ZONE_ID",
    "AWS_STORAGE_BUCKET_NAME",
    "S3_BUCKET",
    "TASKS_BACKEND",
    "SECURE_HSTS_PRELOAD",
    "BEHIND_PROXY",
}


def run_production(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.settings.production", **env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings_and_a_secret():
    result = run_production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=SECRET
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_check_deploy_is_clean_with_hsts_preload_chosen():
    result = run_production(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=SECRET,
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_names_the_plain_http_demo_as_insecure():
    result = run_production(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=SECRET, HTTPS="0"
    )
    assert result.returncode == 1
    assert "security.W004" in result.stderr  # no HSTS
    assert "security.W008" in result.stderr  # no redirect to https


SHOW = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({
    "caches": settings.CACHES["default"]["BACKEND"],
    "frontend": settings.WAGTAILFRONTENDCACHE,
    "frontend_app": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
    "media": settings.STORAGES["default"]["BACKEND"],
    "tasks": settings.TASKS["default"]["BACKEND"],
    "origins": settings.CSRF_TRUSTED_ORIGINS,
    "proxy": settings.SECURE_PROXY_SSL_HEADER,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "secure_cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
    "log_stream": settings.LOGGING["handlers"]["console"].get("stream"),
}))
"""


def production_settings(**env):
    result = run_production("-c", SHOW, SECRET_KEY=SECRET, PYTHONPATH=str(ROOT / "site"), **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_one_machine_by_default():
    shown = production_settings()
    assert shown == {
        "caches": "django.core.cache.backends.locmem.LocMemCache",
        "frontend": None,
        "frontend_app": False,
        "media": "django.core.files.storage.FileSystemStorage",
        "tasks": "django_tasks_db.DatabaseBackend",  # db_worker, started by make serve
        "origins": [],
        "proxy": None,
        "hsts": 31536000,
        "secure_cookies": [True, True],
        "log_stream": "ext://sys.stdout",
    }


def test_scaled_out_from_the_environment():
    shown = production_settings(
        REDIS_URL="redis://127.0.0.1:6379/1",
        FRONTEND_CACHE_URL="http://127.0.0.1:6081",
        TASKS_BACKEND="database",
        CSRF_TRUSTED_ORIGINS="https://baogialai.example,https://www.baogialai.example",
        BEHIND_PROXY="1",
    )
    assert shown["caches"] == "django.core.cache.backends.redis.RedisCache"
    assert shown["frontend"] == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    assert shown["frontend_app"] is True
    assert shown["tasks"] == "django_tasks_db.DatabaseBackend"
    assert shown["origins"] == ["https://baogialai.example", "https://www.baogialai.example"]
    assert shown["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_s3_media_without_the_extra_is_refused_at_start():
    result = run_production("manage.py", "check", SECRET_KEY=SECRET, S3_BUCKET="tham-luan")
    if find_spec("storages") is not None:
        pytest.skip("django-storages is installed here")
    assert result.returncode == 1
    assert "django-storages is not installed" in result.stderr


def test_cache_is_redis_only_when_a_url_is_given(tmp_path):
    one_machine = cache_settings({"REDIS_URL": " "}, tmp_path / "page-cache")
    assert one_machine["default"]["BACKEND"].endswith("LocMemCache")
    # The page cache is shared by every worker all the same: files, no service to run.
    assert one_machine["pages"]["BACKEND"].endswith("FileBasedCache")
    assert one_machine["pages"]["LOCATION"] == str(tmp_path / "page-cache")
    elsewhere = cache_settings({"PAGE_CACHE_DIR": "/srv/cache/pages"}, tmp_path)
    assert elsewhere["pages"]["LOCATION"] == "/srv/cache/pages"
    redis = cache_settings({"REDIS_URL": "redis://cache:6379/0", "CACHE_KEY_PREFIX": "gl"})
    shared = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache:6379/0",
        "KEY_PREFIX": "gl",
        "TIMEOUT": 300,
    }
    assert redis == {"default": shared, "pages": shared}


def test_the_page_cache_folder_is_one_per_database(tmp_path):
    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}
    assert page_cache_dir(sqlite, "/repo") == tmp_path / "page-cache"
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "news", "HOST": "db"}
    other = {**postgres, "NAME": "news2"}
    assert page_cache_dir(postgres, "/repo").parent == Path("/repo/page-cache")
    assert page_cache_dir(postgres, "/repo") != page_cache_dir(other, "/repo")


def test_frontend_cache_kinds():
    assert frontend_cache_settings({}) is None
    assert frontend_cache_settings(
        {
            "CLOUDFLARE_ZONE_ID": "zone",
            "CLOUDFLARE_API_TOKEN": "tok",
            "FRONTEND_CACHE_HOSTNAMES": "baogialai.example, www.baogialai.example",
        }
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone",
            "BEARER_TOKEN": "tok",
            "HOSTNAMES": ["baogialai.example", "www.baogialai.example"],
        }
    }
    assert frontend_cache_settings(
        {"FRONTEND_CACHE_BACKEND": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E123"}
    ) == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": "E123",
        }
    }
    with pytest.raises(ValueError, match="FRONTEND_CACHE_URL is needed"):
        frontend_cache_settings({"FRONTEND_CACHE_BACKEND": "varnish"})
    with pytest.raises(ValueError, match="use one of"):
        frontend_cache_settings({"FRONTEND_CACHE_BACKEND": "akamai"})


def test_media_on_s3_compatible_storage(monkeypatch):
    monkeypatch.setattr("newsroom.settings.services.find_spec", lambda name: object())
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert media_storage(
        {"S3_BUCKET": "media", "AWS_S3_ENDPOINT_URL": "https://s3.example", "AWS_LOCATION": "gl"}
    ) == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "media",
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
            "endpoint_url": "https://s3.example",
            "location": "gl",
        },
    }


def test_tasks_backend():
    assert task_settings({})["default"]["BACKEND"] == (
        "django_tasks.backends.immediate.ImmediateBackend"
    )
    assert task_settings({"TASKS_BACKEND": "Database"})["default"]["BACKEND"] == (
        "django_tasks_db.DatabaseBackend"
    )
    with pytest.raises(ValueError, match="use one of"):
        task_settings({"TASKS_BACKEND": "celery"})


def test_sqlite_waits_for_the_lock_and_writes_ahead():
    assert sqlite_options({}) == {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    assert "init_command" not in sqlite_options({"SQLITE_WAL": "0"})


def test_postgresql_goes_through_djangos_pool_sized_for_the_threads():
    database = {"ENGINE": "django.db.backends.postgresql", "CONN_MAX_AGE": 60, "OPTIONS": {}}
    database["CONN_HEALTH_CHECKS"] = True
    pooled = postgres_settings({"GUNICORN_THREADS": "4"}, database)
    assert pooled["OPTIONS"]["pool"] == {"min_size": 4, "max_size": 8, "timeout": 10.0}
    # Django refuses a pool with persistent connections; the pool needs no health check.
    assert pooled["CONN_MAX_AGE"] == 0 and pooled["CONN_HEALTH_CHECKS"] is False
    assert database["OPTIONS"] == {}  # the caller's dictionary is left as it was
    assert postgres_settings({"DB_POOL": "0"}, database) is database


READERS = re.compile(
    r"(?:env_bool|env_list|env_int|env_languages|os\.environ\.get|os\.getenv|_get|_bool|_list)"
    r"\(\s*(?:env,\s*)?\"([A-Z][A-Z0-9_]+)\""
    r"|os\.environ\[\"([A-Z][A-Z0-9_]+)\"\]"
)


def variables_read_by_the_settings():
    names = {"DATABASE_URL"}  # read by dj_database_url.config()
    for path in sorted((ROOT / "site" / "newsroom" / "settings").glob("*.py")):
        for match in READERS.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def test_running_in_production_names_every_variable_the_settings_read():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Running in production\n", 1)[1].split("\n## ", 1)[0]
    names = variables_read_by_the_settings()
    assert {"SECRET_KEY", "REDIS_URL", "SQLITE_WAL", "CLOUDFLARE_API_TOKEN"} <= names
    assert sorted(name for name in names if f"`{name}`" not in section) == []
