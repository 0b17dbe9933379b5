"""A throwaway copy of the site on this machine: its own database, media, static files and
gunicorn on loopback. Used by `make bench` and by tests/reliability.

The database is a SQLite file, or, when DATABASE_URL names a PostgreSQL server, a new
database on that server (dropped afterwards). `migrate` runs once per run; the demo is
loaded into a copy, and every user of it gets a copy of its own.
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

# Variables of the caller's environment that must not leak into the throwaway site.
CLEARED = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SECRET_KEY",
    "DEBUG",
    "HTTPS",
    "REDIS_URL",
    "FRONTEND_CACHE_URL",
    "FRONTEND_CACHE_BACKEND",
    "CLOUDFLARE_ZONE_ID",
    "AWS_STORAGE_BUCKET_NAME",
    "S3_BUCKET",
    "TASKS_BACKEND",
    "ALLOWED_HOSTS",
    "BEHIND_PROXY",
    "WEB_CONCURRENCY",
    "LOG_LEVEL",
    # Test settings turn the PostgreSQL pool off for pytest's own process; the site keeps
    # the production default (the pool on), which the reliability tests exercise in CI.
    "DB_POOL",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_postgres(url):
    return bool(url) and url.split(":", 1)[0] in {"postgres", "postgresql", "pgsql"}


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _pg_admin(url, statement):
    import psycopg

    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as connection:
        connection.execute(statement)


@dataclass
class Database:
    """One database: a SQLite file or a PostgreSQL database on the server of `server_url`."""

    url: str
    server_url: str = ""
    name: str = ""

    @classmethod
    def new(cls, workdir, server_url=None, template=None):
        server_url = server_url if server_url is not None else os.environ.get("DATABASE_URL", "")
        if is_postgres(server_url):
            name = f"symposium_{uuid.uuid4().hex[:12]}"
            source = f" TEMPLATE {template.name}" if template else ""
            _pg_admin(server_url, f"CREATE DATABASE {name}{source}")
            return cls(_with_database(server_url, name), server_url, name)
        path = Path(workdir) / f"db-{uuid.uuid4().hex[:8]}.sqlite3"
        if template:
            template.copy_file_to(path)
        return cls(f"sqlite:///{path}")

    @property
    def path(self):
        return Path(urlsplit(self.url).path) if not self.server_url else None

    def copy_file_to(self, path):
        # The write-ahead log is folded into the file first, so the copy is whole.
        with contextlib.closing(sqlite3.connect(self.path)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copyfile(self.path, path)

    def drop(self):
        if self.server_url:
            _pg_admin(self.server_url, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        elif self.path:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)


@dataclass
class Site:
    """The site's environment: production settings over plain http on loopback."""

    workdir: Path
    database: Database
    media_root: Path
    static_root: Path
    secret: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    extra_env: dict = field(default_factory=dict)

    @property
    def env(self):
        environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
        environment["TASKS_BACKEND"] = "immediate"  # a test or bench that wants db_worker says so
        environment.update(
            DJANGO_SETTINGS_MODULE="newsroom.settings.production",
            DATABASE_URL=self.database.url,
            MEDIA_ROOT=str(self.media_root),
            STATIC_ROOT=str(self.static_root),
            SECRET_KEY=self.secret,
            HTTPS="0",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            LOG_LEVEL="WARNING",
            PYTHONPATH=os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
            **self.extra_env,
        )
        return environment

    def manage(self, *args, check=True, timeout=600, **kwargs):
        result = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            **kwargs,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-4000:]}")
        return result

    def run_json(self, code, timeout=300):
        """Runs Python `code` in this site's environment; the JSON of its last printed line."""
        result = subprocess.run(
            [PYTHON, "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-4000:])
        return json.loads(result.stdout.strip().splitlines()[-1])

    def copy(self, workdir):
        """Another site with a copy of this one's database and media (static files shared)."""
        workdir = Path(workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        media = workdir / "media"
        if self.media_root.exists():
            shutil.copytree(self.media_root, media)
        else:
            media.mkdir()
        database = Database.new(workdir, self.database.server_url or "", template=self.database)
        return Site(workdir, database, media, self.static_root, self.secret, dict(self.extra_env))

    def drop(self):
        self.database.drop()


def migrated_site(workdir, server_url=None):
    """An empty, migrated site with collected static files."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    site = Site(workdir, Database.new(workdir, server_url), workdir / "media", workdir / "static")
    site.media_root.mkdir(exist_ok=True)
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    return site


def demo_site(workdir, migrated):
    """A copy of `migrated` with the demo loaded."""
    site = migrated.copy(workdir)
    site.manage("load_demo")
    return site


class Gunicorn:
    """gunicorn serving `site` on 127.0.0.1, as `make serve` does (workers × threads)."""

    def __init__(self, site, workers=2, threads=4, timeout=120, extra_args=()):
        self.site = site
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.timeout = timeout
        self.extra_args = list(extra_args)
        self.process = None
        self.log = Path(site.workdir) / f"gunicorn-{self.port}.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.log_handle = open(self.log, "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "--pythonpath",
                getattr(self.site, "pythonpath", str(ROOT / "site")),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--timeout",
                str(self.timeout),
                "--no-control-socket",
                *self.extra_args,
                getattr(self.site, "wsgi", "newsroom.wsgi:application"),
            ],
            cwd=getattr(self.site, "cwd", ROOT),
            env=self.site.env,
            stdout=self.log_handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/", timeout=5) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise RuntimeError("gunicorn did not answer within 60 s")

    def worker_pids(self):
        result = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in result.stdout.split()]

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.log_handle.close()
        return False


def ensure_redis(install=False):
    """Path of redis-server; Debian's package is installed when asked, missing, and root."""
    found = shutil.which("redis-server")
    if found or not install or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", "redis-server"],
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        capture_output=True,
        check=False,
    )
    return shutil.which("redis-server")


@contextlib.contextmanager
def redis_server(workdir, install=False):
    """A throwaway Redis on loopback (no persistence); yields its URL, or None without one."""
    binary = ensure_redis(install)
    if binary is None:
        yield None
        return
    port = free_port()
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=20)
