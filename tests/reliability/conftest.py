"""Reliability tests: the real site under gunicorn on loopback, its own database and media.

Marked `reliability` (select with `-m reliability`, leave out with `-m "not reliability"`).
The database is a SQLite file, or a new database on the PostgreSQL server of
DATABASE_URL when it names one; it is migrated once per run and copied for each test.
"""

import shutil
import tempfile
from pathlib import Path

import pytest

from bench.server import demo_site, migrated_site
from tests.host_fixtures import demo, home_page  # noqa: F401


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.reliability)


@pytest.fixture(scope="session")
def reliability_dir():
    path = Path(tempfile.mkdtemp(prefix="symposium-reliability-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def migrated(reliability_dir):
    site = migrated_site(reliability_dir / "migrated")
    yield site
    site.drop()


@pytest.fixture(scope="session")
def demo_template(reliability_dir, migrated):
    site = demo_site(reliability_dir / "demo", migrated)
    yield site
    site.drop()


@pytest.fixture
def demo_copy(demo_template, tmp_path):
    """A site of its own with the demo loaded: database and media copied."""
    site = demo_template.copy(tmp_path / "site")
    yield site
    site.drop()
