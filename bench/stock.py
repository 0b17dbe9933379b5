"""A stock `wagtail start` site with the project's own Wagtail: the floor our pages are
measured against in `make bench`.

Built in a temporary folder, migrated (its welcome page is the page measured), its static
files collected, and served by gunicorn exactly as ours is (bench.server.Gunicorn: the
same workers, threads and timeout). Production-like, as ours: DEBUG off, whitenoise with
compressed, hashed static files, the same database kind and connection settings as our
site (DATABASE_URL, CONN_MAX_AGE 60 with health checks), a database of its own.
"""

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.server import PYTHON, Database

WAGTAIL = str(Path(sys.executable).with_name("wagtail"))

# Appended to the project `wagtail start` writes: production.py's DEBUG = False, plus what
# `make serve` gives our site (whitenoise, the database from DATABASE_URL).
SETTINGS = """
import os

import dj_database_url

from .production import *  # noqa: F403

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {
    "default": dj_database_url.config(
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")), conn_health_checks=True
    )
}
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
STATIC_ROOT = os.environ["STATIC_ROOT"]
"""


@dataclass
class StockSite:
    """The stock site's environment; `Gunicorn(site)` serves it like ours."""

    workdir: Path
    database: Database
    secret: str = "stock-wagtail-bench-only"
    extra_env: dict = field(default_factory=dict)

    @property
    def env(self):
        environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        environment.pop("REDIS_URL", None)
        environment.update(
            DJANGO_SETTINGS_MODULE="mysite.settings.bench",
            DATABASE_URL=self.database.url,
            STATIC_ROOT=str(self.workdir / "static_collected"),
            SECRET_KEY=self.secret,
            PYTHONPATH=str(self.workdir),
            **self.extra_env,
        )
        return environment

    # What bench.server.Gunicorn runs: the stock project's WSGI module, from its folder
    # (not our site/, whose `home` app has the same name).
    wsgi = "mysite.wsgi:application"

    @property
    def pythonpath(self):
        return str(self.workdir)

    @property
    def cwd(self):
        return self.workdir

    def manage(self, *args):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0:
            raise RuntimeError(f"stock manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")

    def drop(self):
        self.database.drop()


def stock_site(workdir, server_url=None):
    """`wagtail start mysite`, migrated, static files collected."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    subprocess.run([WAGTAIL, "start", "mysite", str(workdir)], check=True, capture_output=True)
    (workdir / "mysite" / "settings" / "bench.py").write_text(SETTINGS)
    site = StockSite(workdir, Database.new(workdir, server_url))
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    return site
