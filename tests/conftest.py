"""Shared fixtures: a clean Wagtail tree and strictness about skipped system tests.

Two runs share this file. The add-on's own tests (tests/symposium_pages, tests/intake,
tests/documents) run against the stock test project, `--ds tests.testproject.settings`, and
import nothing of the demo host. The demo host's tests (tests/site, tests/browser,
tests/reliability) run with `newsroom.settings.test`; their conftests take `home_page` and
`demo` from tests/host_fixtures.py, the demo's home page instead of the stock one.
"""

import os
import sys
from pathlib import Path

import pytest

# The add-on's run must not reach the demo host: take its folder (pyproject's pythonpath)
# off the import path, so `import home`, `news`, `newsroom` or `search` fails there.
STANDALONE = os.environ.get("DJANGO_SETTINGS_MODULE") == "tests.testproject.settings"
if STANDALONE:
    _site = Path(__file__).resolve().parent.parent / "site"
    sys.path[:] = [entry for entry in sys.path if Path(entry or ".").resolve() != _site]

REQUIRE_SYSTEM_DEPS = os.environ.get("SYMPOSIUM_REQUIRE_SYSTEM_DEPS") == "1"
SYSTEM_MARKERS = ("browser", "libreoffice", "gettext", "redis")

TESTS = Path(__file__).resolve().parent
# The add-on's own tests; every other folder of tests/ belongs to the demo host.
ADDON_DIRS = tuple(TESTS / name for name in ("symposium_pages", "intake", "documents"))
ADDON_RUN = (
    "pytest --ds tests.testproject.settings tests/symposium_pages tests/intake tests/documents"
)
HOST_RUN = "pytest --ignore=tests/symposium_pages --ignore=tests/intake --ignore=tests/documents"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "database: uses the database (added to every test that does; -m database)"
    )


def pytest_collection_modifyitems(config, items):
    """Each test runs with its side's settings (pytest-django reads them once per run), and
    every test that touches the database is marked `database` (the PostgreSQL run in CI)."""
    wrong = []
    for item in items:
        path = Path(str(item.path)).resolve()
        if path.is_relative_to(TESTS):
            addon = any(path.is_relative_to(folder) for folder in ADDON_DIRS)
            if addon != STANDALONE:
                wrong.append(item.nodeid)
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("django_db") or fixtures & {
            "db",
            "transactional_db",
            "live_server",
        }:
            item.add_marker(pytest.mark.database)
    if wrong:
        raise pytest.UsageError(
            f"{len(wrong)} tests collected with the other side's settings (first: {wrong[0]}). "
            f"The add-on's tests: `{ADDON_RUN}`; the demo host's: `{HOST_RUN}`; both: `make test`."
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a test that skips for want of a system package (chromium, LibreOffice, gettext,
    redis-server) is a failure: the package is missing."""
    outcome = yield
    report = outcome.get_result()
    if (
        REQUIRE_SYSTEM_DEPS
        and report.skipped
        and any(item.get_closest_marker(name) for name in SYSTEM_MARKERS)
    ):
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where system packages are required: {report.longrepr}"


@pytest.fixture(autouse=True)
def _fresh_fragments():
    """Cached fragments carry the public version, which a rolled-back test takes back: a
    later test would find the earlier one's pages under the same version, path and id."""
    from symposium_pages import fragments

    fragments._cache().clear()
    yield


@pytest.fixture
def home_page(db):
    """The home page of a fresh `wagtail start` site, the root of the default site."""
    from tests.testproject.home.build import build_home

    return build_home()


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    client.force_login(user)
    return client
